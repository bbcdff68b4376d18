import { ConfigError } from '@keyhold/core';
import { describe, expect, it } from 'vitest';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import {
  identitiesFor,
  loadLauncherConfig,
  newAuditSigningKeyPem,
  newRootKeyring,
  startBanner,
} from './dev-config.js';

describe('loadLauncherConfig', () => {
  it('defaults to the documented dev accounts and ports', () => {
    const c = loadLauncherConfig({});
    expect(c.region).toBe('us-east-1');
    expect(c.main).toEqual({
      accountId: '111122223333',
      principalArn: 'arn:aws:iam::111122223333:user/test',
      accessKeyId: 'test',
      secretAccessKey: 'test',
    });
    expect(c.alt).toEqual({
      accountId: '444455556666',
      principalArn: 'arn:aws:iam::444455556666:user/alt',
      accessKeyId: 'alt',
      secretAccessKey: 'alt',
    });
    expect([c.httpPort, c.pgPort, c.natsPort]).toEqual([4599, 54329, 4229]);
    expect(c.natsPrefix).toBe('keyhold');
    expect(c.quotaFile).toBeUndefined();
  });

  it('takes overrides from the environment', () => {
    const c = loadLauncherConfig({
      KEYHOLD_REGION: 'eu-west-1',
      KEYHOLD_DEV_ACCOUNT: '999988887777',
      KEYHOLD_DEV_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      KEYHOLD_DEV_SECRET_ACCESS_KEY: 's3cret',
      KEYHOLD_HTTP_PORT: '8080',
      KEYHOLD_QUOTA_FILE: '/etc/quota.json',
    });
    expect(c.region).toBe('eu-west-1');
    expect(c.main.principalArn).toBe('arn:aws:iam::999988887777:user/test');
    expect(c.main.accessKeyId).toBe('AKIAEXAMPLE');
    expect(c.httpPort).toBe(8080);
    expect(c.quotaFile).toBe('/etc/quota.json');
  });

  it('reports every bad variable at once', () => {
    let error: unknown;
    try {
      loadLauncherConfig({
        KEYHOLD_DEV_ACCOUNT: '12',
        KEYHOLD_REGION: 'moon',
        KEYHOLD_DEV_ALT_ACCESS_KEY_ID: 'test',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'KEYHOLD_REGION: not a region name',
      'KEYHOLD_DEV_ACCOUNT: must be 12 digits',
      'KEYHOLD_DEV_ALT_ACCESS_KEY_ID: must differ from KEYHOLD_DEV_ACCESS_KEY_ID',
    ]);
  });
});

describe('identitiesFor', () => {
  it('writes one principal with one access key and the kms:* policy per account, and the admin', () => {
    const c = loadLauncherConfig({});
    const kms = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'DevKms', Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
    };
    expect(identitiesFor([c.main, c.alt], c.admin)).toEqual({
      accounts: [
        {
          accountId: '111122223333',
          principals: [
            {
              arn: 'arn:aws:iam::111122223333:user/test',
              accessKeys: [{ accessKeyId: 'test', secretAccessKey: 'test' }],
              policies: [kms],
            },
            {
              arn: 'arn:aws:iam::111122223333:user/admin',
              accessKeys: [{ accessKeyId: 'admin', secretAccessKey: 'admin' }],
              policies: [
                {
                  Version: '2012-10-17',
                  Statement: [
                    { Sid: 'DevIdentityAdmin', Effect: 'Allow', Action: 'iam:*', Resource: '*' },
                  ],
                },
              ],
            },
          ],
        },
        {
          accountId: '444455556666',
          principals: [
            {
              arn: 'arn:aws:iam::444455556666:user/alt',
              accessKeys: [{ accessKeyId: 'alt', secretAccessKey: 'alt' }],
              policies: [kms],
            },
          ],
        },
      ],
    });
  });
});

describe('newRootKeyring', () => {
  it('holds version 1 as base64 of 32 bytes', () => {
    const keyring = newRootKeyring(Buffer.alloc(32, 7));
    expect(keyring).toEqual({ current: 1, keys: { '1': Buffer.alloc(32, 7).toString('base64') } });
    expect(Buffer.from(newRootKeyring().keys['1'] ?? '', 'base64')).toHaveLength(32);
    expect(() => newRootKeyring(Buffer.alloc(16))).toThrow('32 bytes');
  });
});

describe('startBanner', () => {
  it('shows the endpoint, both credentials and a working aws example', () => {
    const banner = startBanner(loadLauncherConfig({}), 'http://127.0.0.1:4599');
    expect(banner).toContain('Keyhold is running: http://127.0.0.1:4599');
    expect(banner).toContain('access key id alt  secret access key alt');
    expect(banner).toContain(
      'AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 aws --endpoint-url http://127.0.0.1:4599 kms create-key',
    );
    expect(banner).toContain('--plaintext fileb://<(echo hello)');
    // The CLI as a fresh clone runs it (npx finds no `keyhold` bin there).
    expect(banner).toContain(
      'AWS_ACCESS_KEY_ID=admin AWS_SECRET_ACCESS_KEY=admin npm run keyhold -- iam principals list 111122223333',
    );
    expect(banner).not.toContain('npx keyhold');
  });
});

describe('newAuditSigningKeyPem', () => {
  it('is a fresh Ed25519 PKCS#8 PEM each time, as audit-log reads it', () => {
    const pem = newAuditSigningKeyPem();
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const key = createPrivateKey(pem);
    expect(key.asymmetricKeyType).toBe('ed25519');
    const signature = sign(null, Buffer.from('digest'), key);
    expect(verify(null, Buffer.from('digest'), createPublicKey(key), signature)).toBe(true);
    expect(newAuditSigningKeyPem()).not.toBe(pem);
  });
});
