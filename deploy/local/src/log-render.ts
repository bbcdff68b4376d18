const LEVELS: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

const COLORS: Readonly<Record<string, string>> = {
  TRACE: '\x1b[90m',
  DEBUG: '\x1b[90m',
  INFO: '\x1b[32m',
  WARN: '\x1b[33m',
  ERROR: '\x1b[31m',
  FATAL: '\x1b[35m',
};

// Shown elsewhere on the line (time, level, msg) or the same on every line.
const SKIPPED = new Set(['time', 'level', 'msg', 'pid', 'hostname', 'service', 'v']);

function formatTime(time: unknown): string {
  const date = typeof time === 'string' || typeof time === 'number' ? new Date(time) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) return '--:--:--.---';
  return date.toISOString().slice(11, 23);
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  return JSON.stringify(value);
}

interface SerializedError {
  readonly type?: unknown;
  readonly message?: unknown;
  readonly stack?: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Renders one line of a service's output for a terminal: pino JSON becomes
 * `HH:MM:SS.mmm LEVEL msg key=value ...` (an `err` adds its stack on
 * following lines); anything else is returned unchanged.
 */
export function renderLogLine(line: string, options: { color?: boolean } = {}): string {
  if (!line.startsWith('{')) return line;
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  if (!isRecord(entry) || (entry['msg'] === undefined && entry['level'] === undefined)) return line;

  const level =
    typeof entry['level'] === 'number'
      ? (LEVELS[entry['level']] ?? `L${entry['level']}`)
      : String(entry['level'] ?? '').toUpperCase();
  const shownLevel =
    options.color === true && COLORS[level] !== undefined
      ? `${COLORS[level]}${level.padEnd(5)}\x1b[0m`
      : level.padEnd(5);

  const fields: string[] = [];
  let stack: string | undefined;
  for (const [key, value] of Object.entries(entry)) {
    if (SKIPPED.has(key)) continue;
    if (key === 'err' && isRecord(value)) {
      const err = value as SerializedError;
      fields.push(
        `err=${formatValue(`${String(err.type ?? 'Error')}: ${String(err.message ?? '')}`)}`,
      );
      if (typeof err.stack === 'string') {
        stack = err.stack
          .split('\n')
          .slice(1)
          .map((l) => `    ${l.trim()}`)
          .join('\n');
      }
      continue;
    }
    fields.push(`${key}=${formatValue(value)}`);
  }
  const msg = typeof entry['msg'] === 'string' ? entry['msg'] : '';
  const head = [formatTime(entry['time']), shownLevel, msg, ...fields]
    .filter((p) => p !== '')
    .join(' ');
  return stack !== undefined && stack !== '' ? `${head}\n${stack}` : head;
}
