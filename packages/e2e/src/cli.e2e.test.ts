import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findFreePort } from '@keyhold/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster } from './support/test-cluster.js';
import type { TestCluster } from './support/test-cluster.js';

// The built `keyhold` CLI as a script runs it: a child process per command,
// configured by environment, judged by its output and exit code.

const REGION = 'us-east-1';
const ACCOUNT = '111122223333';
const USER = `arn:aws:iam::${ACCOUNT}:user/cli`;
const MAIN = path.resolve(import.meta.dirname, '../../cli/dist/main.js');

let test: TestCluster;
let env: NodeJS.ProcessEnv;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN, ...args], { env, timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs a command that must succeed with --json and returns its parsed output. */
async function json<T>(...args: string[]): Promise<T> {
  const r = await cli(...args, '--json');
  expect(r, r.stderr).toMatchObject({ code: 0 });
  return JSON.parse(r.stdout) as T;
}

beforeAll(async () => {
  test = await startTestCluster({
    name: 'cli',
    region: REGION,
    principals: [
      {
        arn: USER,
        accessKeyId: 'cli',
        secretAccessKey: 'cli-secret',
        // No `policies`: the fixture writes one allowing every kms action.
      },
    ],
  });
  env = {
    PATH: process.env['PATH'],
    NODE_NO_WARNINGS: '1',
    AWS_ACCESS_KEY_ID: 'cli',
    AWS_SECRET_ACCESS_KEY: 'cli-secret',
    AWS_REGION: REGION,
    AWS_ENDPOINT_URL_KMS: test.endpoint,
    KEY_MANAGER_ADDR: test.cluster.addresses['key-manager'],
    AUDIT_LOG_ADDR: test.cluster.addresses['audit-log'],
  };
});

afterAll(async () => {
  await test?.stop();
});

describe('keyhold CLI against a cluster', () => {
  let keyId = '';

  it('creates a key, names it, and describes it as a table and as JSON', async () => {
    const created = await json<{ KeyId: string; Description: string }>(
      'keys',
      'create',
      '--description',
      'cli e2e',
      '--tag',
      'team=payments',
    );
    expect(created.Description).toBe('cli e2e');
    keyId = created.KeyId;

    const alias = await cli('aliases', 'create', 'alias/cli-e2e', keyId);
    expect(alias).toMatchObject({ code: 0, stdout: `alias/cli-e2e now names ${keyId}\n` });

    const table = await cli('keys', 'describe', 'alias/cli-e2e');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^field\s+value\n/);
    expect(table.stdout).toMatch(new RegExp(`\\nKeyId\\s+${keyId}\\n`));
    expect(table.stdout).toMatch(/\nKeyState\s+Enabled\n/);

    const described = await json<Record<string, unknown>>('keys', 'describe', 'alias/cli-e2e');
    expect(described).toMatchObject({ KeyId: keyId, KeyState: 'Enabled', KeyManager: 'CUSTOMER' });

    const aliases = await json<{ AliasName: string; TargetKeyId: string }[]>(
      'aliases',
      'list',
      '--key',
      keyId,
    );
    expect(aliases.map((a) => [a.AliasName, a.TargetKeyId])).toEqual([['alias/cli-e2e', keyId]]);
  });

  it('reads and replaces the key policy, tags and lists keys', async () => {
    const policy = await json<{ Statement: unknown[] }>('policies', 'get', keyId);
    expect(policy.Statement.length).toBeGreaterThan(0);
    const file = path.join(test.dir, 'policy.json');
    fs.writeFileSync(file, JSON.stringify({ ...policy, Id: 'cli-e2e' }));
    expect((await cli('policies', 'put', keyId, '--file', file)).code).toBe(0);
    expect(await json('policies', 'get', keyId)).toMatchObject({ Id: 'cli-e2e' });
    expect((await cli('policies', 'put', keyId, '--file', `${file}.missing`)).code).toBe(2);

    expect((await cli('keys', 'tag', keyId, 'env=test', 'owner=cli')).code).toBe(0);
    expect((await cli('keys', 'untag', keyId, 'owner')).code).toBe(0);
    const keys = await json<{ KeyId: string }[]>('keys', 'list');
    expect(keys.map((k) => k.KeyId)).toContain(keyId);
  });

  it('grants, lists and revokes with an encryption context constraint', async () => {
    const grant = await json<{ GrantId: string }>(
      'grants',
      'create',
      keyId,
      '--grantee',
      USER,
      '--operations',
      'Encrypt,Decrypt',
      '--context',
      'app=orders',
    );
    const grants = await json<Record<string, unknown>[]>('grants', 'list', keyId);
    expect(grants).toEqual([
      expect.objectContaining({
        GrantId: grant.GrantId,
        Operations: ['Encrypt', 'Decrypt'],
        Constraints: { EncryptionContextSubset: { app: 'orders' } },
      }),
    ]);
    expect((await cli('grants', 'revoke', keyId, grant.GrantId)).code).toBe(0);
    expect(await json('grants', 'list', keyId)).toEqual([]);
  });

  it('turns rotation on, rotates now and lists the rotation', async () => {
    expect((await cli('rotation', 'enable', keyId, '--period-days', '180')).code).toBe(0);
    expect(await json('rotation', 'status', keyId)).toMatchObject({
      KeyRotationEnabled: true,
      RotationPeriodInDays: 180,
    });
    expect((await cli('rotation', 'rotate-now', keyId)).code).toBe(0);
    const rotations = await json<{ RotationType: string }[]>('rotation', 'list', keyId);
    expect(rotations.map((r) => r.RotationType)).toEqual(['ON_DEMAND']);
  });

  it('exits 1 with Code: message on AWS errors, 2 on usage errors, 3 when unreachable', async () => {
    const missing = await cli('keys', 'describe', 'alias/none');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^keyhold keys describe: NotFoundException: /);
    expect((await cli('keys', 'schedule-deletion')).code).toBe(2);
    expect((await cli('grants', 'create', keyId, '--operations', 'Encrypt')).code).toBe(2);
    const down = `http://127.0.0.1:${await findFreePort()}`;
    const unreachable = await cli('keys', 'list', '--endpoint', down);
    expect(unreachable.code).toBe(3);
  });

  it('schedules the deletion', async () => {
    const r = await cli('keys', 'schedule-deletion', keyId, '--days', '7');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${keyId} is PendingDeletion, deleted on \\d{4}-`));
    expect(await json('keys', 'describe', keyId)).toMatchObject({ KeyState: 'PendingDeletion' });
  });

  it('reports the month’s usage of that activity', async () => {
    const now = new Date();
    const month = now.toISOString().slice(0, 7);
    type Bill = { accountId: string; lines: { item: string; quantity: number; cost: number }[] };
    // Audit records reach audit-log asynchronously: wait for the last call's.
    let bill: Bill | undefined;
    for (let i = 0; i < 100; i++) {
      const bills = await json<Bill[]>('usage', 'report', '--month', month, '--account', ACCOUNT);
      bill = bills[0];
      if (bill?.lines.some((l) => l.item === 'Requests: ScheduleKeyDeletion')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const line = (item: string) => bill?.lines.find((l) => l.item === item);
    const hours =
      (Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1) -
        Date.UTC(now.getUTCFullYear(), now.getUTCMonth())) /
      3_600_000;
    // Billable from creation to the deletion schedule: one clock hour, two if it crossed one.
    expect([1 / hours, 2 / hours]).toContainEqual(line('Customer managed keys')?.quantity);
    expect(line('Key rotations (first two per key)')?.quantity).toBeGreaterThan(0);
    expect(line('Requests: CreateKey')?.quantity).toBe(1);
    expect(line('Requests: CreateGrant')?.quantity).toBe(1);
    expect(line('Requests: RotateKeyOnDemand')?.quantity).toBe(1);
    expect(line('Requests: ScheduleKeyDeletion')?.quantity).toBe(1);
    // Well within the free tier: only the key-months cost.
    expect(line('Free tier requests')?.cost).toBe(0);
    expect(
      bill?.lines.filter((l) => l.item.startsWith('Requests')).every((l) => l.cost === 0),
    ).toBe(true);

    const table = await cli('usage', 'report', '--month', month, '--account', ACCOUNT);
    expect(table.stdout).toMatch(new RegExp(`^account ${ACCOUNT}, ${month}\\n`));
    expect(table.stdout).toMatch(/\nTotal\s+\d+\.\d{4}\n$/);
    const csv = await cli('usage', 'report', '--month', month, '--account', ACCOUNT, '--csv');
    expect(csv.stdout.split('\n')[0]).toBe('account,month,item,quantity,unit,cost');
    expect(csv.stdout).toContain(`${ACCOUNT},${month},Requests: CreateKey,1,requests,0\n`);
  });
});
