import type postgres from 'postgres';
import type { Logger } from '@keyhold/core';
import { systemContext } from '@keyhold/proto';
import type { CryptoWorkerMethods } from '@keyhold/proto';

/** What the re-wrap job needs. */
export interface RewrapMaterialDeps {
  readonly sql: postgres.Sql;
  /** crypto-worker, running with a keyring whose current version is the new root key. */
  readonly cryptoWorker: Pick<CryptoWorkerMethods, 'RewrapKeyMaterial'>;
  readonly logger: Logger;
}

/** Options of {@link rewrapKeyMaterial}. */
export interface RewrapMaterialOptions {
  /**
   * The root key version material should end up under. Rows already under
   * it are skipped without a call; others are sent to crypto-worker.
   */
  readonly targetRootVersion: number;
  /** Rows read per page. @default 100 */
  readonly pageSize?: number;
  /** Region stamped on the calls' system context. @default 'us-east-1' */
  readonly region?: string;
  /** Stops between pages when aborted (shutdown). */
  readonly signal?: AbortSignal;
}

/** What one pass did. */
export interface RewrapMaterialResult {
  readonly scanned: number;
  readonly rewrapped: number;
  /** Rows whose wrapped bytes changed under us (a concurrent writer): left for the next pass. */
  readonly skipped: number;
}

/** Wrapped material starts with format byte 0x01 and the u32 root version (see @keyhold/envelope keyring.ts). */
function rootVersionOf(wrapped: Uint8Array): number | undefined {
  if (wrapped.length < 5 || wrapped[0] !== 0x01) return undefined;
  return Buffer.from(wrapped.buffer, wrapped.byteOffset, wrapped.byteLength).readUInt32BE(1);
}

/**
 * One pass of a root keyring rotation's re-wrap: pages through
 * key_manager.key_material in key order and, for each row not yet under
 * `targetRootVersion`, has crypto-worker re-wrap it (the unwrapped bytes
 * never leave the worker) and stores the result with a compare-and-set on
 * the old bytes, so a row changed meanwhile is never overwritten. Decrypting
 * never stops: the material itself is unchanged, and every worker holds both
 * root versions until the old one is retired (after a pass that leaves
 * {@link countMaterialNotUnder} at zero). Idempotent: run it again to finish
 * an interrupted pass.
 */
export async function rewrapKeyMaterial(
  deps: RewrapMaterialDeps,
  options: RewrapMaterialOptions,
): Promise<RewrapMaterialResult> {
  const pageSize = options.pageSize ?? 100;
  const context = systemContext(options.region ?? 'us-east-1', 'key-manager', 'RewrapKeyMaterial');
  let scanned = 0;
  let rewrapped = 0;
  let skipped = 0;
  let after: { keyId: string; version: number } | undefined;
  for (;;) {
    if (options.signal?.aborted) break;
    const rows: { key_id: string; version: number; wrapped: Buffer }[] = after
      ? await deps.sql`
          select key_id, version, wrapped from key_manager.key_material
          where (key_id, version) > (${after.keyId}, ${after.version})
          order by key_id, version limit ${pageSize}`
      : await deps.sql`
          select key_id, version, wrapped from key_manager.key_material
          order by key_id, version limit ${pageSize}`;
    if (rows.length === 0) break;
    for (const row of rows) {
      scanned += 1;
      if (rootVersionOf(row.wrapped) === options.targetRootVersion) continue;
      const res = await deps.cryptoWorker.RewrapKeyMaterial(
        { keyId: row.key_id, materialVersion: row.version, wrapped: row.wrapped },
        { context },
      );
      if (!res.changed) continue;
      if (res.rootVersion !== options.targetRootVersion) {
        // The worker's keyring is not the one this pass is for: stop rather than churn.
        throw new Error(
          `crypto-worker wraps under root version ${res.rootVersion}, expected ${options.targetRootVersion}`,
        );
      }
      const updated = await deps.sql`
        update key_manager.key_material set wrapped = ${res.wrapped}
        where key_id = ${row.key_id} and version = ${row.version} and wrapped = ${row.wrapped}`;
      if (updated.count === 1) rewrapped += 1;
      else skipped += 1;
    }
    const last = rows[rows.length - 1]!;
    after = { keyId: last.key_id, version: last.version };
  }
  deps.logger.info(
    { scanned, rewrapped, skipped, rootVersion: options.targetRootVersion },
    'key material rewrap pass finished',
  );
  return { scanned, rewrapped, skipped };
}

/** Rows not yet under `rootVersion`: the old root version may be retired when this is 0. */
export async function countMaterialNotUnder(
  sql: postgres.Sql,
  rootVersion: number,
): Promise<number> {
  const prefix = Buffer.alloc(5);
  prefix[0] = 0x01;
  prefix.writeUInt32BE(rootVersion, 1);
  const [row] = await sql<{ n: string }[]>`
    select count(*) as n from key_manager.key_material where substring(wrapped from 1 for 5) <> ${prefix}`;
  return Number(row?.n ?? 0);
}
