import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@keyhold/core';
import { testDatabase } from '@keyhold/testkit';
import type { TestDatabase } from '@keyhold/testkit';
import { validateIdentities } from '../identities.js';
import { openIdentityDirectory } from './directory.js';
import type { IdentityDirectory } from './directory.js';
import { migratePolicyAuthorizer } from './schema.js';
import { createSecretBox } from './secrets.js';
import { seedIdentities } from './seed.js';

const logger = createLogger({ service: 'policy-authorizer-test', level: 'silent' });
const box = createSecretBox(randomBytes(32));
const SEED_SECRET = 'seed-secret-value-0123456789abcdefghij';
const seed = validateIdentities(
  JSON.stringify({
    accounts: [
      {
        accountId: '111122223333',
        principals: [
          {
            arn: 'arn:aws:iam::111122223333:user/admin',
            accessKeys: [{ accessKeyId: 'AKIASEEDADMIN0000001', secretAccessKey: SEED_SECRET }],
            policies: [
              {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }],
              },
            ],
          },
          { arn: 'arn:aws:iam::111122223333:user/nobody', accessKeys: [] },
        ],
      },
    ],
  }),
);

let db: TestDatabase;
const open: IdentityDirectory[] = [];
const openDirectory = async (): Promise<IdentityDirectory> => {
  const d = await openIdentityDirectory({ sql: db.sql, box, logger });
  open.push(d);
  return d;
};

beforeAll(async () => {
  db = await testDatabase();
  await migratePolicyAuthorizer(db.sql);
  await migratePolicyAuthorizer(db.sql);
});

afterAll(async () => {
  for (const d of open) await d.close();
  await db?.drop();
});

describe('identity directory on Postgres', () => {
  it('seeds once: a second start (and a re-run) creates nothing', async () => {
    const first = await openDirectory();
    expect(await seedIdentities(first, seed, logger)).toBeGreaterThan(0);
    expect(await seedIdentities(first, seed, logger)).toBe(0);
    const restarted = await openDirectory();
    expect(await seedIdentities(restarted, seed, logger)).toBe(0);
    expect(restarted.byAccessKeyId('AKIASEEDADMIN0000001')).toEqual({
      accountId: '111122223333',
      principalArn: 'arn:aws:iam::111122223333:user/admin',
      accessKeyId: 'AKIASEEDADMIN0000001',
      secretAccessKey: SEED_SECRET,
    });
    expect(restarted.policiesOf('arn:aws:iam::111122223333:user/admin').parsed).toHaveLength(1);
    // No default: a principal without policies has none.
    expect(restarted.policiesOf('arn:aws:iam::111122223333:user/nobody').documents).toEqual([]);
  });

  it('stores secrets only sealed: the event log never holds one in the clear', async () => {
    const rows = await db.sql<{ type: string; data: unknown }[]>`
      select type, data from policy_authorizer.events order by position`;
    const stored = JSON.stringify(rows);
    expect(rows.some((r) => r.type === 'AccessKeyCreated')).toBe(true);
    expect(stored).not.toContain(SEED_SECRET);
    expect(stored).not.toContain(Buffer.from(SEED_SECRET).toString('base64'));
  });

  it('rebuilds the same state from the log, and follows other processes at once', async () => {
    const a = await openDirectory();
    const b = await openDirectory();
    await a.execute({
      type: 'UpdateAccessKey',
      accountId: '111122223333',
      accessKeyId: 'AKIASEEDADMIN0000001',
      status: 'Inactive',
      at: new Date().toISOString(),
    });
    expect(a.byAccessKeyId('AKIASEEDADMIN0000001')).toBeUndefined();
    // b learns through the append's NOTIFY.
    await expect
      .poll(() => b.byAccessKeyId('AKIASEEDADMIN0000001'), { timeout: 2_000 })
      .toBeUndefined();
    expect(b.account('111122223333')?.accessKeys.get('AKIASEEDADMIN0000001')?.status).toBe(
      'Inactive',
    );
    const c = await openDirectory();
    expect(c.account('111122223333')?.accessKeys.get('AKIASEEDADMIN0000001')?.status).toBe(
      'Inactive',
    );
    // A restart's seed leaves the deactivated key as it is.
    expect(await seedIdentities(c, seed, logger)).toBe(0);
    expect(c.byAccessKeyId('AKIASEEDADMIN0000001')).toBeUndefined();
  });

  it('keeps access key ids unique across accounts', async () => {
    const d = await openDirectory();
    const at = new Date().toISOString();
    await d.execute({ type: 'CreateAccount', accountId: '444455556666', at });
    const err = await d
      .execute({
        type: 'CreateAccessKey',
        accountId: '444455556666',
        owner: 'arn:aws:iam::444455556666:root',
        accessKeyId: 'AKIASEEDADMIN0000001',
        secret: box.seal('AKIASEEDADMIN0000001', 'x'),
        at,
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'AlreadyExistsException' });
    expect(d.account('444455556666')?.accessKeys.size).toBe(0);
  });
});
