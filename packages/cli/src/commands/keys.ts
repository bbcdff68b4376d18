import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { isKmsError } from '@keyhold/core';
import { createKeyManagerClient, systemContext } from '@keyhold/proto';
import { EXIT } from '../exit-codes.js';

const addrOption = () =>
  new Option('--key-manager-addr <host:port>', 'key-manager gRPC address')
    .env('KEY_MANAGER_ADDR')
    .default('127.0.0.1:50052');

function epochSeconds(value: string): number {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new InvalidArgumentError('expected an ISO-8601 time');
  return t / 1000;
}

async function withClient<T>(
  addr: string,
  run: (client: ReturnType<typeof createKeyManagerClient>) => Promise<T>,
): Promise<void> {
  const client = createKeyManagerClient(addr);
  try {
    const out = await run(client);
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } catch (err) {
    const unavailable =
      isKmsError(err) &&
      (err.code === 'DependencyTimeoutException' || err.code === 'KeyUnavailableException');
    process.stderr.write(`keyhold: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = unavailable ? EXIT.unavailable : EXIT.serviceError;
  } finally {
    client.close();
  }
}

/**
 * `keyhold keys`: operator commands on key-manager's event store.
 * `rebuild-projections` replays the whole log into the read models;
 * `timeline <key>` shows a key as it was at a time, with its events.
 */
export function registerKeys(program: Command): void {
  const keys = program
    .command('keys')
    .description('key-manager admin: projections and key history');

  keys
    .command('rebuild-projections')
    .description(
      'drop the keys, aliases, grants and rotations views and replay the event log into them',
    )
    .addOption(addrOption())
    .action(async (o: { keyManagerAddr: string }) => {
      await withClient(o.keyManagerAddr, async (client) => {
        const r = await client.RebuildProjections(
          {},
          { context: systemContext('', 'cli', 'RebuildProjections'), timeoutMs: 600_000 },
        );
        const seconds = r.durationMs / 1000;
        return {
          events: Number(r.events),
          keys: Number(r.keys),
          aliases: Number(r.aliases),
          grants: Number(r.grants),
          durationMs: Math.round(r.durationMs),
          eventsPerSecond: seconds > 0 ? Math.round(Number(r.events) / seconds) : null,
        };
      });
    });

  keys
    .command('timeline')
    .description('a key (id or ARN) as it was at a point in time, folded from its events')
    .argument('<key>', 'key id or key ARN')
    .option('--at <time>', 'ISO-8601 time (default: now)', epochSeconds)
    .addOption(addrOption())
    .action(async (key: string, o: { keyManagerAddr: string; at?: number }) => {
      await withClient(o.keyManagerAddr, async (client) => {
        const r = await client.GetKeyTimeline(
          { keyId: key, ...(o.at !== undefined ? { at: o.at } : {}) },
          { context: systemContext('', 'cli', 'GetKeyTimeline') },
        );
        return {
          version: r.version,
          state: JSON.parse(r.stateJson) as unknown,
          events: r.events.map((e) => ({
            version: e.version,
            type: e.type,
            recordedAt: new Date(e.recordedAt * 1000).toISOString(),
          })),
        };
      });
    });
}
