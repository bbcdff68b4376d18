import {
  CreateGrantCommand,
  ListGrantsCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
} from '@aws-sdk/client-kms';
import type { GrantListEntry, GrantOperation } from '@aws-sdk/client-kms';
import type { Command } from 'commander';
import { tableOutput } from '../output.js';
import {
  allPages,
  cell,
  done,
  keyValue,
  list,
  runKms,
  usageError,
  withKmsOptions,
  withoutMetadata,
} from './kms-client.js';
import type { KmsOptions } from './kms-client.js';

interface CreateOptions extends KmsOptions {
  readonly grantee: string;
  readonly operations: string[];
  readonly retiringPrincipal?: string;
  readonly name?: string;
  readonly context?: Record<string, string>;
  readonly contextEquals?: Record<string, string>;
}

/** CreateGrant's Constraints from --context / --context-equals (one kind only, as AWS allows). */
export function grantConstraints(o: {
  readonly context?: Record<string, string>;
  readonly contextEquals?: Record<string, string>;
}) {
  if (o.context && o.contextEquals) {
    return usageError('give --context or --context-equals, not both');
  }
  if (o.context) return { EncryptionContextSubset: o.context };
  if (o.contextEquals) return { EncryptionContextEquals: o.contextEquals };
  return undefined;
}

/** `keyhold grants create|list|retire|revoke` through the gateway (KMS API). */
export function registerGrants(program: Command): void {
  const grants = program.command('grants').description('grants on keys (KMS API)');

  withKmsOptions(grants.command('create'))
    .description('allow a principal some operations on a key (CreateGrant)')
    .argument('<key>', 'key id or key ARN')
    .requiredOption('--grantee <arn>', 'the grantee principal')
    .requiredOption('--operations <ops>', 'comma-separated, e.g. Encrypt,Decrypt', list)
    .option('--retiring-principal <arn>', 'a principal that may retire the grant')
    .option('--name <name>', 'makes retries idempotent')
    .option('--context <key=value>', 'encryption context subset constraint (repeatable)', keyValue)
    .option(
      '--context-equals <key=value>',
      'exact encryption context constraint (repeatable)',
      keyValue,
    )
    .action(async (key: string, o: CreateOptions) => {
      const constraints = grantConstraints(o);
      await runKms('grants create', o, async (kms) => {
        const r = await kms.send(
          new CreateGrantCommand({
            KeyId: key,
            GranteePrincipal: o.grantee,
            Operations: o.operations as GrantOperation[],
            RetiringPrincipal: o.retiringPrincipal,
            Name: o.name,
            Constraints: constraints,
          }),
        );
        return {
          json: withoutMetadata(r),
          text: `GrantId ${r.GrantId}\nGrantToken ${r.GrantToken}`,
        };
      });
    });

  withKmsOptions(grants.command('list'))
    .description('the grants of a key (ListGrants, every page)')
    .argument('<key>', 'key id or key ARN')
    .action(async (key: string, o: KmsOptions) =>
      runKms('grants list', o, async (kms) => {
        const rows = await allPages(async (Marker) => {
          const page = await kms.send(new ListGrantsCommand({ KeyId: key, Marker }));
          return { ...page, items: page.Grants };
        });
        return tableOutput(rows as (GrantListEntry & Record<string, unknown>)[], [
          { header: 'GrantId', value: (g) => cell(g.GrantId) },
          { header: 'Name', value: (g) => cell(g.Name) },
          { header: 'Grantee', value: (g) => cell(g.GranteePrincipal) },
          { header: 'Operations', value: (g) => cell(g.Operations) },
          { header: 'Constraints', value: (g) => cell(g.Constraints) },
        ]);
      }),
    );

  withKmsOptions(grants.command('retire'))
    .description('retire a grant, by token or by key and grant id (RetireGrant)')
    .option('--token <token>', 'the grant token')
    .option('--key <key>', 'key ARN (with --grant-id)')
    .option('--grant-id <id>', 'the grant id (with --key)')
    .action(async (o: KmsOptions & { token?: string; key?: string; grantId?: string }) => {
      if (!o.token && !(o.key && o.grantId)) {
        usageError('give --token, or --key and --grant-id');
      }
      await runKms('grants retire', o, async (kms) => {
        await kms.send(
          new RetireGrantCommand({ GrantToken: o.token, KeyId: o.key, GrantId: o.grantId }),
        );
        return done('retired the grant', { GrantId: o.grantId ?? null, KeyId: o.key ?? null });
      });
    });

  withKmsOptions(grants.command('revoke'))
    .description('revoke a grant (RevokeGrant)')
    .argument('<key>', 'key id or key ARN')
    .argument('<grantId>', 'the grant id')
    .action(async (key: string, grantId: string, o: KmsOptions) =>
      runKms('grants revoke', o, async (kms) => {
        await kms.send(new RevokeGrantCommand({ KeyId: key, GrantId: grantId }));
        return done(`revoked ${grantId}`, { KeyId: key, GrantId: grantId });
      }),
    );
}
