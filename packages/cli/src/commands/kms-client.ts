import { KMSClient } from '@aws-sdk/client-kms';
import { readFileSync } from 'node:fs';
import { CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import { formatTable, jsonOption, runCommand } from '../output.js';
import type { Output } from '../output.js';

/** The launcher's gateway (deploy/local, KEYHOLD_HTTP_PORT). */
export const DEFAULT_ENDPOINT = 'http://127.0.0.1:4599';

export interface KmsOptions {
  readonly endpoint: string;
  readonly region: string;
  readonly json?: boolean;
}

/**
 * Adds what every KMS command takes: the gateway endpoint, the region and
 * --json. Credentials come from the standard AWS variables (or profile).
 */
export function withKmsOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--endpoint <url>', 'the gateway’s AWS JSON endpoint')
        .env('AWS_ENDPOINT_URL_KMS')
        .default(DEFAULT_ENDPOINT),
    )
    .addOption(
      new Option('--region <region>', 'the region to call').env('AWS_REGION').default('us-east-1'),
    )
    .addOption(jsonOption());
}

/**
 * Runs one KMS call through @aws-sdk/client-kms and prints its Output. An
 * unreachable endpoint is retried once only: scripts learn fast (exit 3).
 */
export async function runKms(
  name: string,
  o: KmsOptions,
  body: (kms: KMSClient) => Promise<Output>,
): Promise<void> {
  const kms = new KMSClient({ endpoint: o.endpoint, region: o.region, maxAttempts: 2 });
  try {
    await runCommand(name, o, () => body(kms));
  } finally {
    kms.destroy();
  }
}

/** A response without the SDK's `$metadata`: what --json prints. */
export function withoutMetadata<T extends object>(response: T): Omit<T, '$metadata'> {
  const { $metadata: _omit, ...rest } = response as T & { $metadata?: unknown };
  return rest;
}

/** `key=value` (the value may hold `=`), added to the map built so far: for repeatable options. */
export function keyValue(
  value: string,
  previous: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError(`expected key=value, got "${value}"`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

/** `Encrypt,Decrypt` or repeated options: a list without empty items. */
export function list(value: string, previous: readonly string[] = []): string[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) throw new InvalidArgumentError('expected a comma-separated list');
  return [...previous, ...items];
}

/** A positive integer option. */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

/** Tags as KMS takes them. */
export function tagList(tags: Readonly<Record<string, string>>) {
  return Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
}

/** A value as a table cell: dates as ISO-8601, lists joined, absent as '-'. */
export function cell(value: unknown): string {
  if (value === undefined || value === null || value === '') return '-';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(cell).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One object as a two-column table of its fields, for `describe`-like commands. */
export function recordOutput(json: object, fields: readonly string[]): Output {
  const r = json as Record<string, unknown>;
  return {
    json,
    text: formatTable(
      ['field', 'value'],
      fields.filter((f) => r[f] !== undefined).map((f) => [f, cell(r[f])]),
    ),
  };
}

/** A one-line confirmation of a call that answers nothing, with the same facts as JSON. */
export function done(text: string, json: Record<string, unknown>): Output {
  return { text, json };
}

/** Wrong arguments found by an action: reported like commander's own, exit code 2. */
export function usageError(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  throw new CommanderError(EXIT.usage, 'keyhold.usage', message);
}

/** A file an option names, or a usage error. */
export function readFileArgument(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    return usageError(`cannot read ${path}: ${(err as Error).message}`);
  }
}

/** One page of a KMS list operation, its items under `items`. */
export interface Page<T> {
  readonly items?: readonly T[] | undefined;
  readonly Truncated?: boolean | undefined;
  readonly NextMarker?: string | undefined;
}

/** Every item of a KMS list operation, following NextMarker. */
export async function allPages<T>(fetch: (marker?: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let marker: string | undefined;
  do {
    const page = await fetch(marker);
    items.push(...(page.items ?? []));
    marker = page.Truncated ? page.NextMarker : undefined;
  } while (marker);
  return items;
}
