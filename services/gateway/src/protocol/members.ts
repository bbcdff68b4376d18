import { KmsError } from '@keyhold/core';

/** A parsed JSON request body: always a plain object. */
export type JsonObject = Readonly<Record<string, unknown>>;

const serialization = (message: string): KmsError =>
  new KmsError('SerializationException', message);

/**
 * Parses a request body. Anything that is not a JSON object is a
 * SerializationException, as AWS answers; an empty body counts as `{}`.
 */
export function parseJsonBody(body: Uint8Array): JsonObject {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8').trim();
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw serialization('Unable to parse the request body as JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw serialization('The request body must be a JSON object.');
  }
  return value as JsonObject;
}

// JSON null is treated as absent, as the AWS JSON protocol does.
function member(input: JsonObject, name: string): unknown {
  return Object.hasOwn(input, name) ? (input[name] ?? undefined) : undefined;
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'structure';
  return typeof v;
}

const wrongType = (name: string, expected: string, v: unknown): KmsError =>
  serialization(`Member '${name}' must be ${expected}, not ${typeName(v)}.`);

export function optString(input: JsonObject, name: string): string | undefined {
  const v = member(input, name);
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw wrongType(name, 'a string', v);
  return v;
}

export function optBoolean(input: JsonObject, name: string): boolean | undefined {
  const v = member(input, name);
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw wrongType(name, 'a boolean', v);
  return v;
}

/** A 32-bit integer; fractions and out-of-range numbers are serialization errors. */
export function optInteger(input: JsonObject, name: string): number | undefined {
  const v = member(input, name);
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v > 2 ** 31 - 1 || v < -(2 ** 31)) {
    throw wrongType(name, 'an integer', v);
  }
  return v;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A base64 blob. Strict: Buffer.from alone would skip bad characters silently. */
export function optBlob(input: JsonObject, name: string): Buffer | undefined {
  const v = member(input, name);
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw wrongType(name, 'a base64-encoded string', v);
  const bytes = Buffer.from(v, 'base64');
  // Canonical base64 (what every SDK sends) is what its bytes encode back to:
  // a check several times cheaper than the pattern, which decides the rest.
  if (bytes.toString('base64') !== v && !BASE64.test(v)) {
    bytes.fill(0);
    throw serialization(`Member '${name}' is not valid base64.`);
  }
  return bytes;
}

/** A string-to-string map, copied into an object without a prototype chain to inherit from. */
export function optStringMap(input: JsonObject, name: string): Record<string, string> | undefined {
  const v = member(input, name);
  if (v === undefined) return undefined;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw wrongType(name, 'a map', v);
  const entries = Object.entries(v);
  for (const [, value] of entries) {
    if (typeof value !== 'string') throw wrongType(`${name} value`, 'a string', value);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

export function optStringList(input: JsonObject, name: string): string[] | undefined {
  const v = member(input, name);
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw wrongType(name, 'a list', v);
  for (const item of v)
    if (typeof item !== 'string') throw wrongType(`${name} item`, 'a string', item);
  return v as string[];
}

export function optStructureList(input: JsonObject, name: string): JsonObject[] | undefined {
  const v = member(input, name);
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw wrongType(name, 'a list', v);
  for (const item of v) {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw wrongType(`${name} item`, 'a structure', item);
  }
  return v as JsonObject[];
}

/**
 * Collects model-constraint violations and throws one ValidationException
 * worded as AWS does ("2 validation errors detected: ...; ...").
 */
export class Validation {
  private readonly problems: string[] = [];

  private add(field: string, shown: string, constraint: string): void {
    this.problems.push(`Value ${shown} at '${field}' failed to satisfy constraint: ${constraint}`);
  }

  required(field: string, value: unknown): boolean {
    if (value !== undefined) return true;
    this.add(field, 'null', 'Member must not be null');
    return false;
  }

  length(field: string, value: string | undefined, min: number, max: number): void {
    if (value === undefined) return;
    if (value.length < min)
      this.add(field, show(value), `Member must have length greater than or equal to ${min}`);
    else if (value.length > max)
      this.add(field, show(value), `Member must have length less than or equal to ${max}`);
  }

  /** Blob lengths, shown as AWS does (a buffer description, never the bytes). */
  blobLength(field: string, value: Buffer | undefined, min: number, max: number): void {
    if (value === undefined) return;
    const shown = `'java.nio.HeapByteBuffer[pos=0 lim=${value.length} cap=${value.length}]'`;
    if (value.length < min)
      this.add(field, shown, `Member must have length greater than or equal to ${min}`);
    else if (value.length > max)
      this.add(field, shown, `Member must have length less than or equal to ${max}`);
  }

  range(field: string, value: number | undefined, min: number, max: number): void {
    if (value === undefined) return;
    if (value < min)
      this.add(field, `'${value}'`, `Member must have value greater than or equal to ${min}`);
    else if (value > max)
      this.add(field, `'${value}'`, `Member must have value less than or equal to ${max}`);
  }

  oneOf(field: string, value: string | undefined, allowed: readonly string[]): void {
    if (value === undefined || allowed.includes(value)) return;
    this.add(field, show(value), `Member must satisfy enum value set: [${allowed.join(', ')}]`);
  }

  pattern(field: string, value: string | undefined, regex: RegExp, shown: string): void {
    if (value === undefined || regex.test(value)) return;
    this.add(field, show(value), `Member must satisfy regular expression pattern: ${shown}`);
  }

  listLength(field: string, value: readonly unknown[] | undefined, max: number): void {
    if (value === undefined || value.length <= max) return;
    this.add(field, `'[...]'`, `Member must have length less than or equal to ${max}`);
  }

  /** A rule that is not a model constraint (e.g. "exactly one of"): its own message. */
  fail(message: string): never {
    throw KmsError.validation(message);
  }

  done(): void {
    if (this.problems.length === 0) return;
    const n = this.problems.length;
    throw KmsError.validation(
      `${n} validation error${n === 1 ? '' : 's'} detected: ${this.problems.join('; ')}`,
    );
  }
}

function show(value: string): string {
  return `'${value.length > 256 ? `${value.slice(0, 256)}...` : value}'`;
}
