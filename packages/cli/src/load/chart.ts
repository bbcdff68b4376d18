import type { SecondCounts, TargetSummary } from './stats.js';

export interface ChartInput {
  readonly title: string;
  /** Per region, one entry per second of the run. */
  readonly regions: ReadonlyArray<{
    readonly region: string;
    readonly series: readonly SecondCounts[];
  }>;
}

const WIDTH = 900;
const PANEL = 260;
const MARGIN = { left: 60, right: 20, top: 36, bottom: 36 };
const LINES = [
  { key: 'offered', label: 'offered', color: '#7f8c8d' },
  { key: 'admitted', label: 'admitted', color: '#27ae60' },
  { key: 'throttled', label: 'throttled', color: '#c0392b' },
] as const;

const escapeXml = (s: string): string => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A round axis maximum at or above `v`: 1, 2 or 5 times a power of ten. */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function panel(region: string, series: readonly SecondCounts[], top: number): string {
  const w = WIDTH - MARGIN.left - MARGIN.right;
  const h = PANEL - MARGIN.top - MARGIN.bottom;
  const n = Math.max(1, series.length);
  const yMax = niceMax(Math.max(1, ...series.flatMap((s) => [s.offered, s.admitted, s.throttled])));
  const x = (i: number) => MARGIN.left + (n === 1 ? w / 2 : (i * w) / (n - 1));
  const y = (v: number) => top + MARGIN.top + h - (v / yMax) * h;
  const parts: string[] = [
    `<text x="${MARGIN.left}" y="${top + 22}" font-size="14" font-weight="bold">${escapeXml(region)}</text>`,
    `<rect x="${MARGIN.left}" y="${top + MARGIN.top}" width="${w}" height="${h}" fill="none" stroke="#ccc"/>`,
  ];
  for (let k = 0; k <= 4; k++) {
    const v = (yMax * k) / 4;
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + w}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#eee"/>`,
      `<text x="${MARGIN.left - 6}" y="${(y(v) + 4).toFixed(1)}" font-size="11" text-anchor="end">${v}</text>`,
    );
  }
  const step = Math.max(1, Math.ceil(n / 10));
  for (let i = 0; i < n; i += step) {
    parts.push(
      `<text x="${x(i).toFixed(1)}" y="${top + MARGIN.top + h + 16}" font-size="11" text-anchor="middle">${i}s</text>`,
    );
  }
  for (const line of LINES) {
    const points = series.map((s, i) => `${x(i).toFixed(1)},${y(s[line.key]).toFixed(1)}`);
    parts.push(
      `<polyline fill="none" stroke="${line.color}" stroke-width="2" points="${points.join(' ')}"><title>${line.label}</title></polyline>`,
    );
  }
  LINES.forEach((line, i) => {
    const lx = MARGIN.left + w - 270 + i * 90;
    parts.push(
      `<rect x="${lx}" y="${top + 12}" width="12" height="12" fill="${line.color}"/>`,
      `<text x="${lx + 16}" y="${top + 22}" font-size="12">${line.label}/s</text>`,
    );
  });
  return parts.join('\n');
}

/** A self-contained SVG: per region, offered vs admitted vs throttled per second. */
export function renderChartSvg(input: ChartInput): string {
  const height = 40 + Math.max(1, input.regions.length) * PANEL;
  const panels = input.regions.map((r, i) => panel(r.region, r.series, 40 + i * PANEL));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${MARGIN.left}" y="26" font-size="16" font-weight="bold">${escapeXml(input.title)}</text>`,
    ...panels,
    '</svg>',
  ].join('\n');
}

/** The SVG and the summary table in one HTML page, no external resources. */
export function renderReportHtml(input: ChartInput, summary: readonly TargetSummary[]): string {
  const rows = summary
    .map(
      (s) =>
        `<tr><td>${escapeXml(s.region)}</td><td>${escapeXml(s.account)}</td><td>${s.offered}</td><td>${s.admitted}</td><td>${s.throttled}</td><td>${s.errors}</td><td>${s.admittedPerSecond.toFixed(1)}</td><td>${s.p50Ms.toFixed(1)}</td><td>${s.p99Ms.toFixed(1)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeXml(input.title)}</title>
<style>body{font-family:sans-serif;margin:24px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:nth-child(-n+2),th:nth-child(-n+2){text-align:left}</style>
</head><body>
${renderChartSvg(input)}
<table><thead><tr><th>region</th><th>account</th><th>offered</th><th>admitted</th><th>throttled</th><th>errors</th><th>admitted/s</th><th>p50 ms</th><th>p99 ms</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
