import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { DEFAULT_PRICES, computeBills, parseMonth } from '@keyhold/metering';
import type {
  AccountBill,
  BillingMonth,
  KeyChangeType,
  Prices,
  UsageInput,
} from '@keyhold/metering';
import { createAuditLogClient, createKeyManagerClient, systemContext } from '@keyhold/proto';
import { formatTable, jsonOption, runCommand } from '../output.js';
import { auditAddrOption } from './audit.js';
import { keyManagerAddrOption } from './keys.js';

function month(value: string): BillingMonth {
  try {
    return parseMonth(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

function price(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a price >= 0');
  return n;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected an integer >= 0');
  return n;
}

/** Money as printed: four decimals, since request lines are fractions of a cent. */
const money = (n: number) => n.toFixed(4);
const quantity = (n: number, unit: string) => (unit === 'requests' ? String(n) : n.toFixed(6));

/** One table per account: its lines and their total. */
export function billsText(bills: readonly AccountBill[]): string {
  if (bills.length === 0) return 'no usage in this month';
  return bills
    .map((b) =>
      [
        `account ${b.accountId}, ${b.month}`,
        formatTable(
          ['item', 'quantity', 'unit', 'cost'],
          [
            ...b.lines.map((l) => [l.item, quantity(l.quantity, l.unit), l.unit, money(l.cost)]),
            ['Total', '', '', money(b.total)],
          ],
          ['left', 'right', 'left', 'right'],
        ),
      ].join('\n'),
    )
    .join('\n\n');
}

const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** Every line of every account, then each account's total, as CSV (RFC 4180). */
export function billsCsv(bills: readonly AccountBill[]): string {
  const rows = [['account', 'month', 'item', 'quantity', 'unit', 'cost']];
  for (const b of bills) {
    for (const l of b.lines) {
      rows.push([b.accountId, b.month, l.item, String(l.quantity), l.unit, String(l.cost)]);
    }
    rows.push([b.accountId, b.month, 'Total', '', '', String(b.total)]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\n');
}

interface ReportOptions {
  readonly month: BillingMonth;
  readonly account?: string;
  readonly csv?: boolean;
  readonly json?: boolean;
  readonly priceKeyMonth: number;
  readonly pricePer10k: number;
  readonly freeRequests: number;
  readonly keyManagerAddr: string;
  readonly auditAddr: string;
}

/** The month's key histories from key-manager and request counts from audit-log. */
async function usageInput(o: ReportOptions): Promise<UsageInput> {
  const keyManager = createKeyManagerClient(o.keyManagerAddr);
  const audit = createAuditLogClient(o.auditAddr);
  const from = o.month.start / 1000;
  const to = o.month.end / 1000;
  const account = o.account === undefined ? {} : { accountId: o.account };
  try {
    const [history, counts] = await Promise.all([
      keyManager.GetKeyUsageHistory(
        { from, to, ...account },
        { context: systemContext('', 'cli', 'GetKeyUsageHistory') },
      ),
      audit.CountRequests({ startTime: from, endTime: to, ...account }),
    ]);
    return {
      month: o.month,
      keys: history.keys.map((k) => ({
        keyId: k.keyId,
        accountId: k.accountId,
        keyManager: k.keyManager,
        changes: k.changes.map((c) => ({ type: c.type as KeyChangeType, at: c.at * 1000 })),
      })),
      requests: counts.counts.map((c) => ({
        accountId: c.accountId,
        operation: c.eventName,
        requests: Number(c.requests),
        throttled: Number(c.throttled),
      })),
    };
  } finally {
    keyManager.close();
    audit.close();
  }
}

/** `keyhold usage report`: a month's bill per account, from the key event log and the audit log. */
export function registerUsage(program: Command): void {
  const usage = program.command('usage').description('usage metering for chargeback');

  usage
    .command('report')
    .description(
      'key-months (hour-prorated), priced rotations and requests of a UTC month, priced per account',
    )
    .requiredOption('--month <YYYY-MM>', 'the calendar month (UTC)', month)
    .option('--account <id>', 'only this account')
    .option('--csv', 'print CSV instead of tables')
    .addOption(jsonOption())
    .option('--price-key-month <usd>', 'per key-month', price, DEFAULT_PRICES.keyMonth)
    .option('--price-per-10k <usd>', 'per 10,000 requests', price, DEFAULT_PRICES.per10kRequests)
    .option(
      '--free-requests <n>',
      'free requests per account and month',
      count,
      DEFAULT_PRICES.freeRequests,
    )
    .addOption(keyManagerAddrOption())
    .addOption(auditAddrOption())
    .action(async (o: ReportOptions) =>
      runCommand('usage report', o, async () => {
        const prices: Prices = {
          keyMonth: o.priceKeyMonth,
          per10kRequests: o.pricePer10k,
          freeRequests: o.freeRequests,
        };
        const bills = computeBills(await usageInput(o), prices);
        return { json: bills, text: o.csv ? billsCsv(bills) : billsText(bills) };
      }),
    );
}
