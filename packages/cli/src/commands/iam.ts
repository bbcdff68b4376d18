import { Option } from 'commander';
import type { Command } from 'commander';
import { createIdentityAdminClient } from '@keyhold/proto';
import type {
  AccessKeyMetadata__Output,
  Client,
  IdentityAdminMethods,
  PrincipalInfo__Output,
} from '@keyhold/proto';
import { jsonOption, runCommand, tableOutput } from '../output.js';
import type { Output } from '../output.js';
import { done, readFileArgument, usageError } from './kms-client.js';

interface IamOptions {
  readonly authorizerAddr: string;
  readonly region: string;
  readonly json?: boolean;
}

/** The admin's credentials: the standard AWS variables, as every SDK reads them. */
function credentials(o: IamOptions) {
  const accessKeyId = process.env['AWS_ACCESS_KEY_ID'];
  const secretAccessKey = process.env['AWS_SECRET_ACCESS_KEY'];
  if (!accessKeyId || !secretAccessKey) {
    usageError('set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to an identity admin’s access key');
  }
  return { accessKeyId, secretAccessKey, region: o.region };
}

/** One signed call to the authorizer's IdentityAdmin API, printed through output.ts. */
async function runIam(
  name: string,
  o: IamOptions,
  body: (admin: Client<IdentityAdminMethods>) => Promise<Output>,
): Promise<void> {
  const admin = createIdentityAdminClient(o.authorizerAddr, credentials(o));
  try {
    await runCommand(`iam ${name}`, o, () => body(admin));
  } finally {
    admin.close();
  }
}

function withIamOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--authorizer-addr <host:port>', 'policy-authorizer gRPC address')
        .env('AUTHORIZER_ADDR')
        .default('127.0.0.1:50054'),
    )
    .addOption(
      new Option('--region <region>', 'credential scope region')
        .env('AWS_REGION')
        .default('us-east-1'),
    )
    .addOption(jsonOption());
}

// Spread copies: generated interfaces have no index signature for tableOutput.
const principalTable = (rows: readonly PrincipalInfo__Output[]) =>
  tableOutput(
    rows.map((r) => ({ ...r })),
    [
      { header: 'principal', value: (r) => r.principalArn },
      { header: 'kind', value: (r) => r.kind },
      { header: 'created', value: (r) => r.createdAt },
    ],
  );

const keyTable = (rows: readonly AccessKeyMetadata__Output[]) =>
  tableOutput(
    rows.map((r) => ({ ...r })),
    [
      { header: 'access key id', value: (r) => r.accessKeyId },
      { header: 'owner', value: (r) => r.owner },
      { header: 'status', value: (r) => r.status },
      { header: 'created', value: (r) => r.createdAt },
    ],
  );

/** `--account` is needed only for a service principal owner. */
const ownerOptions = (cmd: Command) =>
  cmd
    .argument('<owner>', 'principal ARN, or a service principal name with --account')
    .option('--account <id>', 'the account of a service principal owner', '');

function registerAccounts(iam: Command): void {
  const accounts = iam.command('accounts').description('accounts (12-digit ids)');
  withIamOptions(accounts.command('create'))
    .description('create an account and its root principal (iam:CreateAccount)')
    .argument('<account-id>')
    .action((accountId: string, o: IamOptions) =>
      runIam('accounts create', o, async (admin) => {
        const a = await admin.CreateAccount({ accountId });
        return done(`created account ${a.accountId} (${a.rootArn})`, { ...a });
      }),
    );
  withIamOptions(accounts.command('list'))
    .description('accounts the caller may list (iam:ListAccounts)')
    .action((o: IamOptions) =>
      runIam('accounts list', o, async (admin) =>
        tableOutput(
          (await admin.ListAccounts({})).accounts.map((r) => ({ ...r })),
          [
            { header: 'account', value: (r) => r.accountId },
            { header: 'root', value: (r) => r.rootArn },
            { header: 'created', value: (r) => r.createdAt },
          ],
        ),
      ),
    );
}

function registerPrincipals(iam: Command): void {
  const principals = iam.command('principals').description('users and roles');
  withIamOptions(principals.command('create'))
    .description('create a user or role (iam:CreateUser, iam:CreateRole)')
    .argument('<arn>', 'arn:aws:iam::<account>:user/<name> or role/<name>')
    .action((principalArn: string, o: IamOptions) =>
      runIam('principals create', o, async (admin) =>
        principalTable([await admin.CreatePrincipal({ principalArn })]),
      ),
    );
  withIamOptions(principals.command('delete'))
    .description(
      'delete a user or role with its access keys and policies (iam:DeleteUser, iam:DeleteRole)',
    )
    .argument('<arn>')
    .action((principalArn: string, o: IamOptions) =>
      runIam('principals delete', o, async (admin) => {
        await admin.DeletePrincipal({ principalArn });
        return done(`deleted ${principalArn}`, { principalArn });
      }),
    );
  withIamOptions(principals.command('list'))
    .description('principals and service principals of an account (iam:ListUsers)')
    .argument('<account-id>')
    .action((accountId: string, o: IamOptions) =>
      runIam('principals list', o, async (admin) => {
        const r = await admin.ListPrincipals({ accountId });
        const table = principalTable([
          ...r.principals,
          ...r.servicePrincipals.map((s) => ({
            principalArn: s.name,
            accountId: s.accountId,
            kind: 'service',
            createdAt: s.createdAt,
          })),
        ]);
        return table;
      }),
    );
}

function registerServicePrincipals(iam: Command): void {
  const services = iam
    .command('service-principals')
    .description('the platform’s integrated services (e.g. s3.amazonaws.com)');
  const serviceCommand = (verb: 'register' | 'remove', description: string) =>
    withIamOptions(services.command(verb))
      .description(description)
      .argument('<name>', 'e.g. objectstore.keyhold.internal')
      .requiredOption('--account <id>', 'the account the service principal belongs to');
  serviceCommand('register', 'register a service principal (iam:RegisterServicePrincipal)').action(
    (name: string, o: IamOptions & { account: string }) =>
      runIam('service-principals register', o, async (admin) => {
        const s = await admin.RegisterServicePrincipal({ accountId: o.account, name });
        return done(`registered ${s.name} in ${s.accountId}`, { ...s });
      }),
  );
  serviceCommand(
    'remove',
    'remove a service principal and its access keys (iam:RemoveServicePrincipal)',
  ).action((name: string, o: IamOptions & { account: string }) =>
    runIam('service-principals remove', o, async (admin) => {
      await admin.RemoveServicePrincipal({ accountId: o.account, name });
      return done(`removed ${name} from ${o.account}`, { accountId: o.account, name });
    }),
  );
}

function registerAccessKeys(iam: Command): void {
  const keys = iam.command('access-keys').description('access keys (the secret is shown once)');
  ownerOptions(withIamOptions(keys.command('create')))
    .description('create an access key; prints its secret this once (iam:CreateAccessKey)')
    .action((owner: string, o: IamOptions & { account: string }) =>
      runIam('access-keys create', o, async (admin) => {
        const k = await admin.CreateAccessKey({ owner, accountId: o.account });
        const id = k.metadata?.accessKeyId ?? '';
        return {
          json: { ...k.metadata, secretAccessKey: k.secretAccessKey },
          text: [
            `AWS_ACCESS_KEY_ID=${id}`,
            `AWS_SECRET_ACCESS_KEY=${k.secretAccessKey}`,
            '# the secret is not shown again: store it now',
          ].join('\n'),
        };
      }),
    );
  ownerOptions(withIamOptions(keys.command('list')))
    .description('access keys of a principal, never their secrets (iam:ListAccessKeys)')
    .action((owner: string, o: IamOptions & { account: string }) =>
      runIam('access-keys list', o, async (admin) =>
        keyTable((await admin.ListAccessKeys({ owner, accountId: o.account })).accessKeys),
      ),
    );
  for (const [verb, status] of [
    ['deactivate', 'Inactive'],
    ['activate', 'Active'],
  ] as const) {
    withIamOptions(keys.command(verb))
      .description(
        `mark an access key ${status}; takes effect within a second (iam:UpdateAccessKey)`,
      )
      .argument('<access-key-id>')
      .action((accessKeyId: string, o: IamOptions) =>
        runIam(`access-keys ${verb}`, o, async (admin) =>
          keyTable([await admin.UpdateAccessKey({ accessKeyId, status })]),
        ),
      );
  }
  withIamOptions(keys.command('delete'))
    .description('delete an access key (iam:DeleteAccessKey)')
    .argument('<access-key-id>')
    .action((accessKeyId: string, o: IamOptions) =>
      runIam('access-keys delete', o, async (admin) => {
        await admin.DeleteAccessKey({ accessKeyId });
        return done(`deleted access key ${accessKeyId}`, { accessKeyId });
      }),
    );
}

function registerIdentityPolicies(iam: Command): void {
  const policies = iam
    .command('policies')
    .description('inline identity policies of users and roles (iam:*UserPolicy, iam:*RolePolicy)');
  const named = (cmd: Command) =>
    withIamOptions(cmd).argument('<principal-arn>').argument('<policy-name>');
  named(policies.command('put'))
    .description(
      'attach or replace a named policy from a JSON file (iam:PutUserPolicy, iam:PutRolePolicy)',
    )
    .requiredOption('--file <path>', 'the policy document')
    .action((principalArn: string, policyName: string, o: IamOptions & { file: string }) => {
      const policyDocument = readFileArgument(o.file);
      return runIam('policies put', o, async (admin) => {
        await admin.PutPrincipalPolicy({ principalArn, policyName, policyDocument });
        return done(`put policy ${policyName} on ${principalArn}`, { principalArn, policyName });
      });
    });
  named(policies.command('get'))
    .description('a named policy document (iam:GetUserPolicy, iam:GetRolePolicy)')
    .action((principalArn: string, policyName: string, o: IamOptions) =>
      runIam('policies get', o, async (admin) => {
        const p = await admin.GetPrincipalPolicy({ principalArn, policyName });
        const document = JSON.parse(p.policyDocument) as unknown;
        return { json: document, text: JSON.stringify(document, null, 2) };
      }),
    );
  named(policies.command('delete'))
    .description('detach a named policy (iam:DeleteUserPolicy, iam:DeleteRolePolicy)')
    .action((principalArn: string, policyName: string, o: IamOptions) =>
      runIam('policies delete', o, async (admin) => {
        await admin.DeletePrincipalPolicy({ principalArn, policyName });
        return done(`deleted policy ${policyName} of ${principalArn}`, {
          principalArn,
          policyName,
        });
      }),
    );
  withIamOptions(policies.command('list'))
    .description('policy names of a principal (iam:ListUserPolicies, iam:ListRolePolicies)')
    .argument('<principal-arn>')
    .action((principalArn: string, o: IamOptions) =>
      runIam('policies list', o, async (admin) =>
        tableOutput(
          (await admin.ListPrincipalPolicies({ principalArn })).policyNames.map((name) => ({
            name,
          })),
          [{ header: 'policy', value: (r) => r.name }],
        ),
      ),
    );
}

/**
 * `keyhold iam ...`: identities through policy-authorizer's IdentityAdmin
 * API, signed with the admin's AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
 */
export function registerIam(program: Command): void {
  const iam = program
    .command('iam')
    .description('accounts, principals, access keys and identity policies (policy-authorizer)');
  registerAccounts(iam);
  registerPrincipals(iam);
  registerServicePrincipals(iam);
  registerAccessKeys(iam);
  registerIdentityPolicies(iam);
}
