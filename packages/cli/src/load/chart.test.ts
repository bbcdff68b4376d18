import { describe, expect, it } from 'vitest';
import { niceMax, renderChartSvg, renderReportHtml } from './chart.js';

const series = [
  { offered: 600, admitted: 200, throttled: 400, errors: 0 },
  { offered: 600, admitted: 198, throttled: 402, errors: 0 },
  { offered: 300, admitted: 200, throttled: 100, errors: 0 },
];

describe('chart', () => {
  it('rounds axis maxima up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 600, 1000, 1001, 45_000].map(niceMax)).toEqual([
      1, 1, 5, 1000, 1000, 2000, 50_000,
    ]);
  });

  it('draws one panel per region with three lines, self-contained', () => {
    const svg = renderChartSvg({
      title: 'run <1>',
      regions: [
        { region: 'us-east-1', series },
        { region: 'eu-west-1', series: series.slice(0, 1) },
      ],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(6);
    expect(svg).toContain('>us-east-1<');
    expect(svg).toContain('>eu-west-1<');
    expect(svg).toContain('run &#60;1&#62;');
    expect(svg).not.toMatch(/href=|<script|url\(/);
    // Axis to 1000 for a peak of 600: the plot spans y 76..264, so 600 sits at 264 - 0.6 x 188.
    const first = /<polyline[^>]*points="([^"]+)"><title>offered/.exec(svg)![1]!.split(' ');
    expect(first).toHaveLength(3);
    expect(first[0]).toBe('60.0,151.2');
  });

  it('wraps the chart and a summary table in HTML', () => {
    const html = renderReportHtml({ title: 't', regions: [{ region: 'us-east-1', series }] }, [
      {
        region: 'us-east-1',
        account: '111122223333',
        offered: 1500,
        admitted: 598,
        throttled: 902,
        errors: 0,
        admittedPerSecond: 199.3,
        p50Ms: 2,
        p99Ms: 8,
        errorNames: [],
      },
    ]);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<td>111122223333</td><td>1500</td><td>598</td><td>902</td>');
  });
});
