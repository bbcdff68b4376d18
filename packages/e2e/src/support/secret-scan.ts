import type { TestDatabase } from '@keyhold/testkit';

type Sql = TestDatabase['sql'];

// Issue 7's rule, checked across the whole e2e suite: no audit record and no
// service log line holds a plaintext, a data key or key material. Tests
// register what they saw; the fixture scans at stop. A finding names where the
// secret was (record or log line), never the secret itself.

/** Shorter values would match by chance (a 4-byte plaintext is in every base64 blob). */
const MIN_NEEDLE_CHARS = 12;

export class SecretScan {
  private readonly needles = new Set<string>();
  private readonly found: string[] = [];

  /**
   * A value that must appear nowhere, as itself (strings) or as base64 or hex
   * of its bytes. Throws for a value too short to scan for without false matches.
   */
  register(value: string | Uint8Array): void {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
    if (bytes.length < MIN_NEEDLE_CHARS) {
      throw new Error(
        `a ${bytes.length}-byte secret is too short to scan for: use a distinctive value`,
      );
    }
    if (typeof value === 'string') this.needles.add(value);
    // Unpadded, so a padded copy matches too.
    this.needles.add(bytes.toString('base64').replace(/=+$/, ''));
    this.needles.add(bytes.toString('base64url').replace(/=+$/, ''));
    this.needles.add(bytes.toString('hex'));
  }

  /** Scans one service log line; call it for every line as it arrives. */
  scanLog(service: string, line: string): void {
    if (this.matches(line)) this.found.push(`a log line of ${service}`);
  }

  /** Scans every stored audit record of the database. */
  async scanAuditRecords(sql: Sql): Promise<void> {
    const rows = await sql<{ event_name: string; event_id: string; record: string }[]>`
      SELECT event_name, event_id::text, record FROM audit.records`;
    for (const row of rows) {
      if (this.matches(row.record)) {
        this.found.push(`audit record ${row.event_name} ${row.event_id}`);
      }
    }
  }

  /** Throws, naming every place a secret was found, if there is any. */
  assertClean(): void {
    if (this.found.length === 0) return;
    throw new Error(`a registered secret leaked into: ${this.found.join('; ')}`);
  }

  private matches(text: string): boolean {
    const lower = text.toLowerCase();
    for (const needle of this.needles) {
      if (text.includes(needle)) return true;
      // Hex may be printed in either case.
      if (/^[0-9a-f]+$/.test(needle) && lower.includes(needle)) return true;
    }
    return false;
  }
}

/** Polls until the audit table stops growing, so the scan sees what is still in flight. */
export async function auditRecordsSettled(sql: Sql, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  while (Date.now() < deadline) {
    const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM audit.records`;
    if (row?.n === last) return;
    last = row?.n ?? 0;
    await new Promise((r) => setTimeout(r, 500));
  }
}
