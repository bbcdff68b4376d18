import {
  CancelKeyDeletionCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  ListKeysCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateKeyDescriptionCommand,
} from '@aws-sdk/client-kms';
import type { KeyListEntry, KeyMetadata, KeySpec, KeyUsageType } from '@aws-sdk/client-kms';
import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { createKeyManagerClient, systemContext } from '@keyhold/proto';
import { jsonOption, runCommand, tableOutput } from '../output.js';
import type { Output } from '../output.js';
import {
  allPages,
  cell,
  done,
  keyValue,
  positiveInteger,
  readFileArgument,
  recordOutput,
  runKms,
  tagList,
  withKmsOptions,
  withoutMetadata,
} from './kms-client.js';
import type { KmsOptions } from './kms-client.js';

export const keyManagerAddrOption = () =>
  new Option('--key-manager-addr <host:port>', 'key-manager gRPC address')
    .env('KEY_MANAGER_ADDR')
    .default('127.0.0.1:50052');

function epochSeconds(value: string): number {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new InvalidArgumentError('expected an ISO-8601 time');
  return t / 1000;
}

/** Runs one admin call against key-manager's gRPC API and prints its Output. */
async function withKeyManager(
  name: string,
  o: { keyManagerAddr: string; json?: boolean },
  run: (client: ReturnType<typeof createKeyManagerClient>) => Promise<Output>,
): Promise<void> {
  const client = createKeyManagerClient(o.keyManagerAddr);
  try {
    await runCommand(name, o, () => run(client));
  } finally {
    client.close();
  }
}

/** The fields `keys describe` shows, in this order. */
export const KEY_FIELDS: readonly (keyof KeyMetadata)[] = [
  'KeyId',
  'Arn',
  'Description',
  'KeyState',
  'Enabled',
  'KeyUsage',
  'KeySpec',
  'KeyManager',
  'Origin',
  'CreationDate',
  'DeletionDate',
  'PendingDeletionWindowInDays',
  'MultiRegion',
  'EncryptionAlgorithms',
  'SigningAlgorithms',
  'MacAlgorithms',
];

/** `keyhold keys <subcommand>` through the gateway (KMS API). */
function registerKmsKeyCommands(keys: Command): void {
  withKmsOptions(keys.command('create'))
    .description('create a customer managed key (CreateKey)')
    .option('--description <text>', 'what the key is for')
    .option('--key-usage <usage>', 'ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC, ...')
    .option('--key-spec <spec>', 'SYMMETRIC_DEFAULT, RSA_2048, HMAC_256, ...')
    .option('--policy-file <path>', 'the key policy, a JSON file')
    .option('--tag <key=value>', 'a tag (repeatable)', keyValue)
    .option('--multi-region', 'a multi-Region primary key')
    .action(
      async (
        o: KmsOptions & {
          description?: string;
          keyUsage?: string;
          keySpec?: string;
          policyFile?: string;
          tag?: Record<string, string>;
          multiRegion?: boolean;
        },
      ) => {
        const policy = o.policyFile === undefined ? undefined : readFileArgument(o.policyFile);
        await runKms('keys create', o, async (kms) => {
          const r = await kms.send(
            new CreateKeyCommand({
              Description: o.description,
              KeyUsage: o.keyUsage as KeyUsageType | undefined,
              KeySpec: o.keySpec as KeySpec | undefined,
              Policy: policy,
              Tags: o.tag ? tagList(o.tag) : undefined,
              MultiRegion: o.multiRegion,
            }),
          );
          return recordOutput(r.KeyMetadata ?? {}, KEY_FIELDS);
        });
      },
    );

  withKmsOptions(keys.command('list'))
    .description('the keys of the caller’s account and region (ListKeys, every page)')
    .action(async (o: KmsOptions) =>
      runKms('keys list', o, async (kms) => {
        const keys = await allPages(async (Marker) => {
          const page = await kms.send(new ListKeysCommand({ Marker }));
          return { ...page, items: page.Keys };
        });
        return tableOutput(keys as (KeyListEntry & Record<string, unknown>)[], [
          { header: 'KeyId', value: (k) => cell(k.KeyId) },
          { header: 'KeyArn', value: (k) => cell(k.KeyArn) },
        ]);
      }),
    );

  withKmsOptions(keys.command('describe'))
    .description('a key’s metadata (DescribeKey); accepts an alias')
    .argument('<key>', 'key id, key ARN, alias name or alias ARN')
    .action(async (key: string, o: KmsOptions) =>
      runKms('keys describe', o, async (kms) => {
        const r = await kms.send(new DescribeKeyCommand({ KeyId: key }));
        return recordOutput(r.KeyMetadata ?? {}, KEY_FIELDS);
      }),
    );

  for (const [name, Cmd, verb] of [
    ['enable', EnableKeyCommand, 'enabled'],
    ['disable', DisableKeyCommand, 'disabled'],
  ] as const) {
    withKmsOptions(keys.command(name))
      .description(`${name} a key (${Cmd.name.replace(/Command$/, '')})`)
      .argument('<key>', 'key id or key ARN')
      .action(async (key: string, o: KmsOptions) =>
        runKms(`keys ${name}`, o, async (kms) => {
          await kms.send(new Cmd({ KeyId: key }));
          return done(`${verb} ${key}`, { KeyId: key, Enabled: name === 'enable' });
        }),
      );
  }

  withKmsOptions(keys.command('update-description'))
    .description('change a key’s description (UpdateKeyDescription)')
    .argument('<key>', 'key id or key ARN')
    .argument('<description>', 'the new description')
    .action(async (key: string, description: string, o: KmsOptions) =>
      runKms('keys update-description', o, async (kms) => {
        await kms.send(new UpdateKeyDescriptionCommand({ KeyId: key, Description: description }));
        return done(`updated the description of ${key}`, { KeyId: key, Description: description });
      }),
    );

  withKmsOptions(keys.command('tag'))
    .description('add or overwrite tags (TagResource)')
    .argument('<key>', 'key id or key ARN')
    .argument('<tags...>', 'key=value pairs')
    .action(async (key: string, pairs: string[], o: KmsOptions) => {
      const tags = pairs.reduce<Record<string, string>>((acc, p) => keyValue(p, acc), {});
      await runKms('keys tag', o, async (kms) => {
        await kms.send(new TagResourceCommand({ KeyId: key, Tags: tagList(tags) }));
        return done(`tagged ${key}: ${Object.keys(tags).join(', ')}`, { KeyId: key, Tags: tags });
      });
    });

  withKmsOptions(keys.command('untag'))
    .description('remove tags by key (UntagResource)')
    .argument('<key>', 'key id or key ARN')
    .argument('<tagKeys...>', 'the tag keys to remove')
    .action(async (key: string, tagKeys: string[], o: KmsOptions) =>
      runKms('keys untag', o, async (kms) => {
        await kms.send(new UntagResourceCommand({ KeyId: key, TagKeys: tagKeys }));
        return done(`untagged ${key}: ${tagKeys.join(', ')}`, { KeyId: key, TagKeys: tagKeys });
      }),
    );

  withKmsOptions(keys.command('schedule-deletion'))
    .description('schedule a key’s deletion after a waiting period (ScheduleKeyDeletion)')
    .argument('<key>', 'key id or key ARN')
    .option('--days <n>', 'waiting period, 7-30 days (default 30)', positiveInteger)
    .action(async (key: string, o: KmsOptions & { days?: number }) =>
      runKms('keys schedule-deletion', o, async (kms) => {
        const r = await kms.send(
          new ScheduleKeyDeletionCommand({ KeyId: key, PendingWindowInDays: o.days }),
        );
        return {
          json: withoutMetadata(r),
          text: `${r.KeyId} is ${cell(r.KeyState)}, deleted on ${cell(r.DeletionDate)}`,
        };
      }),
    );

  withKmsOptions(keys.command('cancel-deletion'))
    .description('cancel a scheduled deletion; the key is left Disabled (CancelKeyDeletion)')
    .argument('<key>', 'key id or key ARN')
    .action(async (key: string, o: KmsOptions) =>
      runKms('keys cancel-deletion', o, async (kms) => {
        const r = await kms.send(new CancelKeyDeletionCommand({ KeyId: key }));
        return done(`canceled the deletion of ${r.KeyId}; it is Disabled`, withoutMetadata(r));
      }),
    );
}

/**
 * `keyhold keys`: the key operations of the KMS API through the gateway, and
 * operator commands on key-manager's event store: `rebuild-projections`
 * replays the whole log into the read models; `timeline <key>` shows a key as
 * it was at a time, with its events.
 */
export function registerKeys(program: Command): void {
  const keys = program
    .command('keys')
    .description('keys (KMS API), and key-manager admin: projections and key history');
  registerKmsKeyCommands(keys);

  keys
    .command('rebuild-projections')
    .description(
      'drop the keys, aliases, grants and rotations views and replay the event log into them',
    )
    .addOption(keyManagerAddrOption())
    .addOption(jsonOption())
    .action(async (o: { keyManagerAddr: string; json?: boolean }) =>
      withKeyManager('keys rebuild-projections', o, async (client) => {
        const r = await client.RebuildProjections(
          {},
          { context: systemContext('', 'cli', 'RebuildProjections'), timeoutMs: 600_000 },
        );
        const seconds = r.durationMs / 1000;
        const counts = {
          events: Number(r.events),
          keys: Number(r.keys),
          aliases: Number(r.aliases),
          grants: Number(r.grants),
          durationMs: Math.round(r.durationMs),
          eventsPerSecond: seconds > 0 ? Math.round(Number(r.events) / seconds) : null,
        };
        return recordOutput(counts, Object.keys(counts));
      }),
    );

  keys
    .command('rewrap-material')
    .description(
      'root keyring rotation, step 2: re-wrap all stored key material under a root key version',
    )
    .requiredOption('--target-root-version <n>', 'the new current root key version', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected 1 or more');
      return n;
    })
    .addOption(keyManagerAddrOption())
    .addOption(jsonOption())
    .action(async (o: { keyManagerAddr: string; targetRootVersion: number; json?: boolean }) =>
      withKeyManager('keys rewrap-material', o, async (client) => {
        const r = await client.RewrapAllKeyMaterial(
          { targetRootVersion: o.targetRootVersion },
          { context: systemContext('', 'cli', 'RewrapAllKeyMaterial'), timeoutMs: 3_600_000 },
        );
        const counts = {
          scanned: Number(r.scanned),
          rewrapped: Number(r.rewrapped),
          skipped: Number(r.skipped),
          remaining: Number(r.remaining),
        };
        return recordOutput(counts, Object.keys(counts));
      }),
    );

  keys
    .command('timeline')
    .description('a key (id or ARN) as it was at a point in time, folded from its events')
    .argument('<key>', 'key id or key ARN')
    .option('--at <time>', 'ISO-8601 time (default: now)', epochSeconds)
    .addOption(keyManagerAddrOption())
    .addOption(jsonOption())
    .action(async (key: string, o: { keyManagerAddr: string; at?: number; json?: boolean }) =>
      withKeyManager('keys timeline', o, async (client) => {
        const r = await client.GetKeyTimeline(
          { keyId: key, ...(o.at !== undefined ? { at: o.at } : {}) },
          { context: systemContext('', 'cli', 'GetKeyTimeline') },
        );
        const events = r.events.map((e) => ({
          version: e.version,
          type: e.type,
          recordedAt: new Date(e.recordedAt * 1000).toISOString(),
        }));
        const state = JSON.parse(r.stateJson) as unknown;
        const table = tableOutput(events, [
          { header: 'version', value: (e) => String(e.version), align: 'right' },
          { header: 'type', value: (e) => e.type },
          { header: 'recorded at', value: (e) => e.recordedAt },
        ]);
        return {
          json: { version: r.version, state, events },
          text: `${JSON.stringify(state, null, 2)}\n\n${table.text}`,
        };
      }),
    );
}
