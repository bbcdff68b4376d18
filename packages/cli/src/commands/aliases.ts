import {
  CreateAliasCommand,
  DeleteAliasCommand,
  ListAliasesCommand,
  UpdateAliasCommand,
} from '@aws-sdk/client-kms';
import type { AliasListEntry } from '@aws-sdk/client-kms';
import type { Command } from 'commander';
import { tableOutput } from '../output.js';
import { allPages, cell, done, runKms, withKmsOptions } from './kms-client.js';
import type { KmsOptions } from './kms-client.js';

/** `keyhold aliases create|update|delete|list` through the gateway (KMS API). */
export function registerAliases(program: Command): void {
  const aliases = program.command('aliases').description('alias names of keys (KMS API)');

  for (const [name, Cmd, verb] of [
    ['create', CreateAliasCommand, 'now names'],
    ['update', UpdateAliasCommand, 'now names'],
  ] as const) {
    withKmsOptions(aliases.command(name))
      .description(
        name === 'create'
          ? 'name a key (CreateAlias)'
          : 'point an alias at another key (UpdateAlias)',
      )
      .argument('<alias>', 'alias/<name>')
      .argument('<key>', 'key id or key ARN')
      .action(async (alias: string, key: string, o: KmsOptions) =>
        runKms(`aliases ${name}`, o, async (kms) => {
          await kms.send(new Cmd({ AliasName: alias, TargetKeyId: key }));
          return done(`${alias} ${verb} ${key}`, { AliasName: alias, TargetKeyId: key });
        }),
      );
  }

  withKmsOptions(aliases.command('delete'))
    .description('delete an alias; its key is unchanged (DeleteAlias)')
    .argument('<alias>', 'alias/<name>')
    .action(async (alias: string, o: KmsOptions) =>
      runKms('aliases delete', o, async (kms) => {
        await kms.send(new DeleteAliasCommand({ AliasName: alias }));
        return done(`deleted ${alias}`, { AliasName: alias });
      }),
    );

  withKmsOptions(aliases.command('list'))
    .description('the aliases of the account and region, or of one key (ListAliases, every page)')
    .option('--key <key>', 'only the aliases of this key')
    .action(async (o: KmsOptions & { key?: string }) =>
      runKms('aliases list', o, async (kms) => {
        const rows = await allPages(async (Marker) => {
          const page = await kms.send(new ListAliasesCommand({ KeyId: o.key, Marker }));
          return { ...page, items: page.Aliases };
        });
        return tableOutput(rows as (AliasListEntry & Record<string, unknown>)[], [
          { header: 'AliasName', value: (a) => cell(a.AliasName) },
          { header: 'TargetKeyId', value: (a) => cell(a.TargetKeyId) },
          { header: 'CreationDate', value: (a) => cell(a.CreationDate) },
        ]);
      }),
    );
}
