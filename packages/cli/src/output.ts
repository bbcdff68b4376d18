import { Option } from 'commander';
import { isKmsError } from '@keyhold/core';
import { EXIT } from './exit-codes.js';
import { formatTable } from './load/table.js';
import type { Align } from './load/table.js';

export { formatTable };
export type { Align };

/** `--json`: machine-readable output instead of the human-readable table. */
export const jsonOption = () => new Option('--json', 'print JSON instead of a table');

/** What a command prints: a table for people, the same rows as JSON for scripts. */
export interface Output {
  /** Printed with --json (pretty-printed). */
  readonly json: unknown;
  /** Printed without --json. */
  readonly text: string;
}

/** A table as Output: `rows` become both the text table and the JSON array. */
export function tableOutput<R extends Record<string, unknown>>(
  rows: readonly R[],
  columns: readonly {
    readonly header: string;
    readonly value: (row: R) => string;
    readonly align?: Align;
  }[],
  empty = '(none)',
): Output {
  return {
    json: rows,
    text:
      rows.length === 0
        ? empty
        : formatTable(
            columns.map((c) => c.header),
            rows.map((r) => columns.map((c) => c.value(r))),
            columns.map((c) => c.align ?? 'left'),
          ),
  };
}

/** Exit code for a failure: unreachable services differ from service errors. */
export function exitCodeFor(err: unknown): number {
  if (
    isKmsError(err) &&
    (err.code === 'DependencyTimeoutException' || err.code === 'KeyUnavailableException')
  ) {
    return EXIT.unavailable;
  }
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT')
    return EXIT.unavailable;
  return EXIT.serviceError;
}

/** `Code: message` for an AWS-shaped error, the message otherwise. */
export function errorText(err: unknown): string {
  if (isKmsError(err)) return `${err.code}: ${err.message}`;
  if (err instanceof Error)
    return err.name && err.name !== 'Error' ? `${err.name}: ${err.message}` : err.message;
  return String(err);
}

/**
 * Runs one command body and prints its Output (JSON with --json), or the
 * error on stderr with an exit code scripts can rely on (exit-codes.ts).
 */
export async function runCommand(
  name: string,
  options: { readonly json?: boolean },
  body: () => Promise<Output>,
): Promise<void> {
  try {
    const out = await body();
    process.stdout.write(options.json ? `${JSON.stringify(out.json, null, 2)}\n` : `${out.text}\n`);
  } catch (err) {
    process.stderr.write(`keyhold ${name}: ${errorText(err)}\n`);
    process.exitCode = exitCodeFor(err);
  }
}
