import { GetKeyPolicyCommand, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import type { Command } from 'commander';
import { done, readFileArgument, runKms, withKmsOptions } from './kms-client.js';
import type { KmsOptions } from './kms-client.js';

type PolicyOptions = KmsOptions & { readonly name: string };

/** `keyhold policies get|put` through the gateway (KMS API). */
export function registerPolicies(program: Command): void {
  const policies = program.command('policies').description('key policies (KMS API)');
  const withName = (cmd: Command) =>
    withKmsOptions(cmd)
      .argument('<key>', 'key id or key ARN')
      .option('--name <policy>', 'the policy name (KMS has only "default")', 'default');

  withName(policies.command('get'))
    .description('a key’s policy document (GetKeyPolicy)')
    .action(async (key: string, o: PolicyOptions) =>
      runKms('policies get', o, async (kms) => {
        const r = await kms.send(new GetKeyPolicyCommand({ KeyId: key, PolicyName: o.name }));
        const policy = JSON.parse(r.Policy ?? '{}') as unknown;
        return { json: policy, text: JSON.stringify(policy, null, 2) };
      }),
    );

  withName(policies.command('put'))
    .description('replace a key’s policy with a JSON file (PutKeyPolicy)')
    .requiredOption('--file <path>', 'the policy document')
    .action(async (key: string, o: PolicyOptions & { file: string }) => {
      const policy = readFileArgument(o.file);
      await runKms('policies put', o, async (kms) => {
        await kms.send(new PutKeyPolicyCommand({ KeyId: key, PolicyName: o.name, Policy: policy }));
        return done(`put the ${o.name} policy of ${key}`, { KeyId: key, PolicyName: o.name });
      });
    });
}
