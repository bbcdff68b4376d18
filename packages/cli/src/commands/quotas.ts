import { Option } from 'commander';
import type { Command } from 'commander';
import { createQuotaLimiterClient } from '@keyhold/proto';
import type { QuotaOverride__Output } from '@keyhold/proto';
import { formatTable, jsonOption, runCommand } from '../output.js';
import type { Output } from '../output.js';
import { usageError } from './kms-client.js';

interface CommonOptions {
  readonly limiter: string;
  readonly json?: boolean;
}

interface ScopeOptions {
  readonly region?: string;
  readonly account?: string;
}

const limiterOption = () =>
  new Option('--limiter <host:port>', 'quota-limiter gRPC address')
    .env('QUOTA_LIMITER_ADDR')
    .default('127.0.0.1:50055');

const scopeOf = (o: ScopeOptions) => ({ region: o.region ?? '', accountId: o.account ?? '' });

function scopeText(s: { region: string; accountId: string } | null): string {
  if (!s || (!s.region && !s.accountId)) return 'default';
  return s.accountId ? `account ${s.accountId}` : `region ${s.region}`;
}

function overridesTable(overrides: readonly QuotaOverride__Output[]): string {
  if (overrides.length === 0) return 'no overrides: AWS defaults everywhere';
  return formatTable(
    ['scope', 'class', 'rate/s', 'burst', 'origin'],
    overrides.map((o) => [
      scopeText(o.scope),
      o.quotaClass,
      String(o.ratePerSecond),
      String(o.burst),
      o.origin,
    ]),
    ['left', 'left', 'right', 'right', 'left'],
  );
}

/** Runs one call against the limiter and prints its Output. */
async function withLimiter(
  name: string,
  o: CommonOptions,
  run: (client: ReturnType<typeof createQuotaLimiterClient>) => Promise<Output>,
): Promise<void> {
  const client = createQuotaLimiterClient(o.limiter);
  try {
    await runCommand(`quotas ${name}`, o, () => run(client));
  } finally {
    client.close();
  }
}

/** `keyhold quotas get|set|reset`: request quotas, changed live through quota-limiter's admin RPC. */
export function registerQuotas(program: Command): void {
  const quotas = program
    .command('quotas')
    .description('show and change request quotas live (effective within a second)');

  quotas
    .command('get')
    .description('list overrides; with --region and --account, the effective quota of every class')
    .option('--region <region>', 'region to show the effective quotas of')
    .option('--account <account>', 'account to show the effective quotas of')
    .addOption(jsonOption())
    .addOption(limiterOption())
    .action(async (o: CommonOptions & ScopeOptions) => {
      if ((o.region === undefined) !== (o.account === undefined)) {
        usageError('give both --region and --account, or neither');
      }
      await withLimiter('get', o, async (client) => {
        const { overrides } = await client.ListQuotaOverrides({});
        const effective =
          o.region !== undefined && o.account !== undefined
            ? (await client.GetQuotas({ region: o.region, accountId: o.account })).quotas
            : undefined;
        const parts = [overridesTable(overrides)];
        if (effective) {
          parts.push(
            '',
            `effective in ${o.region} for ${o.account}:`,
            formatTable(
              ['class', 'rate/s', 'burst', 'available', 'source'],
              effective.map((q) => [
                q.quotaClass,
                String(q.ratePerSecond),
                String(q.burst),
                q.available.toFixed(0),
                q.source,
              ]),
              ['left', 'right', 'right', 'right', 'left'],
            ),
          );
        }
        return { json: { overrides, effective }, text: parts.join('\n') };
      });
    });

  quotas
    .command('set')
    .description('set a live override (persisted by quota-limiter); default scope: everywhere')
    .argument('<class>', 'CryptographicOperationsSymmetric or an operation name, e.g. CreateKey')
    .argument('<rate>', 'requests per second')
    .option('--burst <n>', 'bucket size (default: the rate)')
    .option('--region <region>', 'only this region')
    .option('--account <account>', 'only this account (every region)')
    .addOption(jsonOption())
    .addOption(limiterOption())
    .action(
      async (
        quotaClass: string,
        rateText: string,
        o: CommonOptions & ScopeOptions & { burst?: string },
      ) => {
        const rate = Number(rateText);
        const burst = o.burst === undefined ? 0 : Number(o.burst);
        if (!Number.isFinite(rate) || rate <= 0 || !Number.isFinite(burst) || burst < 0) {
          usageError('rate and burst must be positive numbers');
        }
        await withLimiter('set', o, async (client) => {
          const { override } = await client.SetQuota({
            scope: scopeOf(o),
            quotaClass,
            ratePerSecond: rate,
            burst,
          });
          return {
            json: override,
            text: `set ${quotaClass} for ${scopeText(override?.scope ?? null)}: ${override?.ratePerSecond}/s, burst ${override?.burst}`,
          };
        });
      },
    );

  quotas
    .command('reset')
    .description('remove a live override (the quota file or AWS default applies again)')
    .argument('<class>', 'the quota class of the override')
    .option('--region <region>', 'the override of this region')
    .option('--account <account>', 'the override of this account')
    .addOption(jsonOption())
    .addOption(limiterOption())
    .action(async (quotaClass: string, o: CommonOptions & ScopeOptions) => {
      await withLimiter('reset', o, async (client) => {
        const { deleted } = await client.DeleteQuotaOverride({ scope: scopeOf(o), quotaClass });
        return {
          json: { deleted },
          text: deleted
            ? `removed the override of ${quotaClass} for ${scopeText(scopeOf(o))}`
            : `no live override of ${quotaClass} for ${scopeText(scopeOf(o))}`,
        };
      });
    });
}
