import type { Sql } from 'postgres';

export interface RetentionResult {
  readonly region: string;
  /** Records up to and including this sequence were removed. */
  readonly throughSequence: string;
  readonly deleted: number;
}

/**
 * Removes records older than `cutoff`, a whole digest interval at a time:
 * per region, everything up to the newest digest signed before the cutoff
 * (a digest is signed after every record it covers was stored). That digest
 * is kept as the anchor verification starts from, with the oldest retained
 * record's prev_hash; older digests go. Deletes in chunks of `chunk` rows so
 * no transaction grows large.
 */
export async function applyRetention(
  sql: Sql,
  cutoff: Date,
  chunk = 10_000,
): Promise<RetentionResult[]> {
  const anchors = await sql<{ region: string; to_sequence: string }[]>`
    SELECT DISTINCT ON (region) region, to_sequence FROM audit.digests
    WHERE digest_time < ${cutoff}
    ORDER BY region, to_sequence DESC`;
  const results: RetentionResult[] = [];
  for (const { region, to_sequence: through } of anchors) {
    let deleted = 0;
    for (let i = 0; i < 100_000; i++) {
      const res = await sql`
        DELETE FROM audit.records WHERE (region, sequence) IN (
          SELECT region, sequence FROM audit.records
          WHERE region = ${region} AND sequence <= ${through}
          ORDER BY sequence LIMIT ${chunk})`;
      deleted += res.count;
      if (res.count < chunk) break;
    }
    await sql`DELETE FROM audit.digests WHERE region = ${region} AND to_sequence < ${through}`;
    results.push({ region, throughSequence: through, deleted });
  }
  return results;
}
