import { readFileSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { createAuditLogClient } from '@keyhold/proto';
import type { AuditEvent__Output, LookupEventsRequest } from '@keyhold/proto';
import { EXIT } from '../exit-codes.js';
import { errorText, exitCodeFor, jsonOption, runCommand } from '../output.js';
import type { Output } from '../output.js';

type AuditClient = ReturnType<typeof createAuditLogClient>;

interface FilterOptions {
  readonly auditAddr: string;
  readonly key?: string;
  readonly principal?: string;
  readonly account?: string;
  readonly event?: string;
  readonly errorCode?: string;
  readonly region?: string;
  readonly requestId?: string;
  readonly since?: number;
  readonly until?: number;
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400 };

/** `2026-11-29T10:00:00Z`, or a duration back from now: `90s`, `15m`, `2h`, `7d`. Epoch seconds. */
export function parseTime(value: string, now = Date.now()): number {
  const relative = /^(\d+)([smhd])$/.exec(value);
  if (relative) return now / 1000 - Number(relative[1]) * UNITS[relative[2]!]!;
  const t = Date.parse(value);
  if (Number.isNaN(t)) {
    throw new InvalidArgumentError('expected an ISO-8601 time or a duration like 15m, 2h, 7d');
  }
  return t / 1000;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

export const auditAddrOption = () =>
  new Option('--audit-addr <host:port>', 'audit-log gRPC address')
    .env('AUDIT_LOG_ADDR')
    .default('127.0.0.1:50056');

function withFilters(cmd: Command): Command {
  return cmd
    .addOption(auditAddrOption())
    .option('--key <key>', 'key id or key ARN')
    .option('--principal <arn>', 'caller principal ARN')
    .option('--account <id>', "caller's account id")
    .option('--event <name>', 'event name, e.g. Encrypt')
    .option('--error-code <code>', 'AWS exception name; "" for successful calls only')
    .option('--region <region>', 'region (the chain a record belongs to)')
    .option('--request-id <id>', 'x-amzn-RequestId of one call')
    .option('--since <time>', 'from this time (ISO-8601 or 15m, 2h, 7d ago)', (v) => parseTime(v))
    .option('--until <time>', 'before this time (ISO-8601 or 15m, 2h, 7d ago)', (v) =>
      parseTime(v),
    );
}

function requestOf(o: FilterOptions): LookupEventsRequest {
  const req: LookupEventsRequest = {};
  if (o.key) req.keyId = o.key;
  if (o.principal) req.principalArn = o.principal;
  if (o.account) req.accountId = o.account;
  if (o.event) req.eventName = o.event;
  if (o.errorCode !== undefined) req.errorCode = o.errorCode;
  if (o.region) req.region = o.region;
  if (o.requestId) req.requestId = o.requestId;
  if (o.since !== undefined) req.startTime = o.since;
  if (o.until !== undefined) req.endTime = o.until;
  return req;
}

/** Pages through LookupEvents, newest first, handing each event to `each` until `limit`. */
async function pages(
  client: AuditClient,
  req: LookupEventsRequest,
  limit: number,
  each: (e: AuditEvent__Output) => void,
): Promise<number> {
  let seen = 0;
  let nextToken: string | undefined;
  do {
    const page = await client.LookupEvents({
      ...req,
      maxResults: Math.min(1000, limit - seen),
      ...(nextToken ? { nextToken } : {}),
    });
    for (const e of page.events) each(e);
    seen += page.events.length;
    nextToken = page.nextToken;
  } while (nextToken && seen < limit);
  return seen;
}

/** Runs one command against audit-log and prints its Output. */
async function withAudit(
  name: string,
  o: { readonly auditAddr: string; readonly json?: boolean },
  run: (client: AuditClient) => Promise<Output>,
): Promise<void> {
  const client = createAuditLogClient(o.auditAddr);
  try {
    await runCommand(`audit ${name}`, o, () => run(client));
  } finally {
    client.close();
  }
}

/**
 * Runs one command that prints as records arrive (any number of them), so
 * prints nothing at the end; failures as runCommand reports them.
 */
async function streamAudit(
  name: string,
  address: string,
  run: (client: AuditClient) => Promise<void>,
): Promise<void> {
  const client = createAuditLogClient(address);
  try {
    await run(client);
  } catch (err) {
    process.stderr.write(`keyhold audit ${name}: ${errorText(err)}\n`);
    process.exitCode = exitCodeFor(err);
  } finally {
    client.close();
  }
}

function line(e: AuditEvent__Output): string {
  const time = new Date(e.eventTime * 1000).toISOString();
  const result = e.errorCode ? `${e.outcome}(${e.errorCode})` : e.outcome;
  return [
    time,
    e.region,
    e.eventName || '-',
    result,
    e.principalArn || '-',
    e.keyId || '-',
    e.requestId,
  ].join('  ');
}

/** A raw 32-byte Ed25519 key from base64, an SPKI PEM, or a file holding either. */
function readPublicKey(value: string): Buffer {
  let text = value;
  try {
    text = readFileSync(value, 'utf8');
  } catch {
    // Not a file: the value itself.
  }
  try {
    if (text.includes('BEGIN PUBLIC KEY')) {
      const jwk = createPublicKey(text).export({ format: 'jwk' });
      if (jwk.crv === 'Ed25519' && typeof jwk.x === 'string')
        return Buffer.from(jwk.x, 'base64url');
    } else {
      const raw = Buffer.from(text.trim(), 'base64');
      if (raw.length === 32) return raw;
    }
  } catch {
    // Reported below.
  }
  throw new InvalidArgumentError(
    'expected an Ed25519 public key: base64 of 32 bytes or a PEM (or a file)',
  );
}

/** `keyhold audit lookup|verify|export|public-key`: the audit log through audit-log's gRPC API. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('query, verify and export the audit log');

  withFilters(audit.command('lookup'))
    .description('audit records matching every filter, newest first')
    .option('--max <n>', 'at most this many records', positiveInt, 50)
    .option('--json', 'print each record as CloudTrail-like JSON, one per line')
    .action(async (o: FilterOptions & { max: number; json?: boolean }) =>
      streamAudit('lookup', o.auditAddr, async (client) => {
        const n = await pages(client, requestOf(o), o.max, (e) =>
          process.stdout.write(`${o.json ? e.cloudTrailEvent : line(e)}\n`),
        );
        if (n === 0 && !o.json) process.stderr.write('no matching records\n');
      }),
    );

  withFilters(audit.command('export'))
    .description('every matching record as JSON lines (newest first), for archiving or a SIEM')
    .option('--jsonl', 'JSON lines (the only format, and the default)')
    .action(async (o: FilterOptions) =>
      streamAudit('export', o.auditAddr, async (client) => {
        await pages(client, requestOf(o), Number.MAX_SAFE_INTEGER, (e) =>
          process.stdout.write(`${e.cloudTrailEvent}\n`),
        );
      }),
    );

  audit
    .command('verify')
    .description(
      "check each region's hash chain and signed digests; exit 1 naming the first bad record",
    )
    .addOption(auditAddrOption())
    .option('--region <region>', 'only this region')
    .option(
      '--public-key <key>',
      'trust only digests signed by this Ed25519 key (base64, PEM, or a file), e.g. the one published at deploy time',
      readPublicKey,
    )
    .addOption(jsonOption())
    .action(async (o: { auditAddr: string; region?: string; publicKey?: Buffer; json?: boolean }) =>
      withAudit('verify', o, async (client) => {
        const res = await client.VerifyChain({
          ...(o.region ? { region: o.region } : {}),
          ...(o.publicKey ? { trustedPublicKey: o.publicKey } : {}),
        });
        if (!res.ok) process.exitCode = EXIT.serviceError;
        const lines = res.chains.map((c) => {
          const span = `records ${c.firstSequence}..${c.lastSequence}, ${c.recordsChecked} checked, ${c.digestsVerified} signed digests`;
          if (c.ok) return `${c.region}: ok (${span})`;
          const p = c.problem!;
          return `${c.region}: FAILED: ${p.kind} at sequence ${p.sequence}${p.eventId ? ` (event ${p.eventId})` : ''}: ${p.detail}`;
        });
        return { json: res, text: lines.length === 0 ? 'no audit records yet' : lines.join('\n') };
      }),
    );

  audit
    .command('public-key')
    .description('the Ed25519 public keys that sign audit digests (the current one first)')
    .addOption(auditAddrOption())
    .addOption(jsonOption())
    .action(async (o: { auditAddr: string; json?: boolean }) =>
      withAudit('public-key', o, async (client) => {
        const { keys } = await client.GetPublicKey({});
        const json = keys.map((k) => ({
          keyId: k.keyId,
          current: k.current,
          publicKey: k.publicKey.toString('base64'),
          publicKeyPem: k.publicKeyPem,
        }));
        const text = json
          .map(
            (k) =>
              `# key ${k.keyId}${k.current ? ' (current)' : ''}; raw base64 ${k.publicKey}\n${k.publicKeyPem.trimEnd()}`,
          )
          .join('\n');
        return { json, text };
      }),
    );
}
