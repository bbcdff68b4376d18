import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { ConfigError, env, isAccountId, isRegion, readEnv } from '@keyhold/core';

/** One access key of the development identities. */
export interface DevAccount {
  readonly accountId: string;
  readonly principalArn: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** What `npm start` runs with, from the environment. */
export interface LauncherConfig {
  readonly region: string;
  readonly main: DevAccount;
  readonly alt: DevAccount;
  /** The first identity admin (iam:*), in the main account. */
  readonly admin: DevAccount;
  readonly httpPort: number;
  readonly pgPort: number;
  readonly natsPort: number;
  readonly logLevel: string;
  readonly natsPrefix: string;
  /** Passed to quota-limiter when set. */
  readonly quotaFile: string | undefined;
}

/** The policy-authorizer's identities file (`KEYHOLD_IDENTITIES_FILE`). */
export interface IdentitiesFile {
  readonly accounts: readonly {
    readonly accountId: string;
    readonly principals: readonly {
      readonly arn: string;
      readonly accessKeys: readonly {
        readonly accessKeyId: string;
        readonly secretAccessKey: string;
      }[];
      /** Identity policies; a principal without any may do nothing a key policy does not allow it. */
      readonly policies: readonly unknown[];
    }[];
  }[];
}

/** The crypto-worker's root keyring file (`KEYHOLD_ROOT_KEYRING_FILE`). */
export interface RootKeyringFile {
  readonly current: number;
  readonly keys: Readonly<Record<string, string>>;
}

const port = (defaultValue: number) => env.int({ min: 1, max: 65_535, default: defaultValue });

/** Reads the launcher's settings; every problem is reported in one ConfigError. */
export function loadLauncherConfig(
  source: Readonly<Record<string, string | undefined>>,
): LauncherConfig {
  const c = readEnv(
    'local',
    {
      KEYHOLD_REGION: env.str('us-east-1'),
      KEYHOLD_DEV_ACCOUNT: env.str('111122223333'),
      KEYHOLD_DEV_ACCESS_KEY_ID: env.str('test'),
      KEYHOLD_DEV_SECRET_ACCESS_KEY: env.str('test'),
      KEYHOLD_DEV_ALT_ACCOUNT: env.str('444455556666'),
      KEYHOLD_DEV_ALT_ACCESS_KEY_ID: env.str('alt'),
      KEYHOLD_DEV_ALT_SECRET_ACCESS_KEY: env.str('alt'),
      KEYHOLD_DEV_ADMIN_ACCESS_KEY_ID: env.str('admin'),
      KEYHOLD_DEV_ADMIN_SECRET_ACCESS_KEY: env.str('admin'),
      KEYHOLD_HTTP_PORT: port(4599),
      KEYHOLD_PG_PORT: port(54329),
      KEYHOLD_NATS_PORT: port(4229),
      KEYHOLD_NATS_PREFIX: env.str('keyhold'),
      KEYHOLD_QUOTA_FILE: env.str(''),
      LOG_LEVEL: env.str('info'),
    },
    source,
  );
  const problems: string[] = [];
  if (!isRegion(c.KEYHOLD_REGION)) problems.push('KEYHOLD_REGION: not a region name');
  if (!isAccountId(c.KEYHOLD_DEV_ACCOUNT)) problems.push('KEYHOLD_DEV_ACCOUNT: must be 12 digits');
  if (!isAccountId(c.KEYHOLD_DEV_ALT_ACCOUNT))
    problems.push('KEYHOLD_DEV_ALT_ACCOUNT: must be 12 digits');
  if (c.KEYHOLD_DEV_ACCOUNT === c.KEYHOLD_DEV_ALT_ACCOUNT) {
    problems.push('KEYHOLD_DEV_ALT_ACCOUNT: must differ from KEYHOLD_DEV_ACCOUNT');
  }
  if (c.KEYHOLD_DEV_ACCESS_KEY_ID === c.KEYHOLD_DEV_ALT_ACCESS_KEY_ID) {
    problems.push('KEYHOLD_DEV_ALT_ACCESS_KEY_ID: must differ from KEYHOLD_DEV_ACCESS_KEY_ID');
  }
  if (
    [c.KEYHOLD_DEV_ACCESS_KEY_ID, c.KEYHOLD_DEV_ALT_ACCESS_KEY_ID].includes(
      c.KEYHOLD_DEV_ADMIN_ACCESS_KEY_ID,
    )
  ) {
    problems.push('KEYHOLD_DEV_ADMIN_ACCESS_KEY_ID: must differ from the other dev access key ids');
  }
  const ports = [c.KEYHOLD_HTTP_PORT, c.KEYHOLD_PG_PORT, c.KEYHOLD_NATS_PORT];
  if (new Set(ports).size !== ports.length) {
    problems.push(
      'KEYHOLD_HTTP_PORT, KEYHOLD_PG_PORT, KEYHOLD_NATS_PORT: must be three different ports',
    );
  }
  if (problems.length > 0) throw new ConfigError('local', problems);

  const account = (
    accountId: string,
    accessKeyId: string,
    secretAccessKey: string,
    user: string,
  ): DevAccount => ({
    accountId,
    principalArn: `arn:aws:iam::${accountId}:user/${user}`,
    accessKeyId,
    secretAccessKey,
  });
  return {
    region: c.KEYHOLD_REGION,
    main: account(
      c.KEYHOLD_DEV_ACCOUNT,
      c.KEYHOLD_DEV_ACCESS_KEY_ID,
      c.KEYHOLD_DEV_SECRET_ACCESS_KEY,
      'test',
    ),
    alt: account(
      c.KEYHOLD_DEV_ALT_ACCOUNT,
      c.KEYHOLD_DEV_ALT_ACCESS_KEY_ID,
      c.KEYHOLD_DEV_ALT_SECRET_ACCESS_KEY,
      'alt',
    ),
    admin: account(
      c.KEYHOLD_DEV_ACCOUNT,
      c.KEYHOLD_DEV_ADMIN_ACCESS_KEY_ID,
      c.KEYHOLD_DEV_ADMIN_SECRET_ACCESS_KEY,
      'admin',
    ),
    httpPort: c.KEYHOLD_HTTP_PORT,
    pgPort: c.KEYHOLD_PG_PORT,
    natsPort: c.KEYHOLD_NATS_PORT,
    logLevel: c.LOG_LEVEL,
    natsPrefix: c.KEYHOLD_NATS_PREFIX,
    quotaFile: c.KEYHOLD_QUOTA_FILE === '' ? undefined : c.KEYHOLD_QUOTA_FILE,
  };
}

/** The dev users' identity policy: every kms action (AWS gives no default). */
export const DEV_KMS_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'DevKms', Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
} as const;

/** The dev admin's identity policy: every IAM action of the IdentityAdmin API, on every account. */
export const DEV_ADMIN_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'DevIdentityAdmin', Effect: 'Allow', Action: 'iam:*', Resource: '*' }],
} as const;

/**
 * The identities seed for the given accounts: one user with one access key
 * and the kms:* policy each; `admin`, when given, joins its account with iam:*.
 */
export function identitiesFor(accounts: readonly DevAccount[], admin?: DevAccount): IdentitiesFile {
  const principal = (a: DevAccount, policy: unknown) => ({
    arn: a.principalArn,
    accessKeys: [{ accessKeyId: a.accessKeyId, secretAccessKey: a.secretAccessKey }],
    policies: [policy],
  });
  return {
    accounts: accounts.map((a) => ({
      accountId: a.accountId,
      principals: [
        principal(a, DEV_KMS_POLICY),
        ...(admin?.accountId === a.accountId ? [principal(admin, DEV_ADMIN_POLICY)] : []),
      ],
    })),
  };
}

/** A fresh identity key (seals secret access keys at rest): 32 random bytes, base64. */
export function newIdentityKey(material: Buffer = randomBytes(32)): string {
  if (material.length !== 32) throw new Error('identity key must be 32 bytes');
  return material.toString('base64');
}

/** A fresh root keyring: version 1 = 32 random bytes. */
export function newRootKeyring(material: Buffer = randomBytes(32)): RootKeyringFile {
  if (material.length !== 32) throw new Error('root key must be 32 bytes');
  return { current: 1, keys: { '1': material.toString('base64') } };
}

/** A fresh Ed25519 signing key for audit-log's digests, as a PKCS#8 PEM. */
export function newAuditSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;
}

/** The copy-paste help printed once the cluster is up (credentials are dev-only by construction). */
export function startBanner(config: LauncherConfig, endpoint: string): string {
  const creds = (a: DevAccount): string =>
    `AWS_ACCESS_KEY_ID=${a.accessKeyId} AWS_SECRET_ACCESS_KEY=${a.secretAccessKey} AWS_DEFAULT_REGION=${config.region}`;
  const aws = `${creds(config.main)} aws --endpoint-url ${endpoint} kms`;
  return [
    '',
    `Keyhold is running: ${endpoint}  (region ${config.region})`,
    '',
    `  account ${config.main.accountId}  ${config.main.principalArn}`,
    `    access key id ${config.main.accessKeyId}  secret access key ${config.main.secretAccessKey}`,
    `  account ${config.alt.accountId}  ${config.alt.principalArn}`,
    `    access key id ${config.alt.accessKeyId}  secret access key ${config.alt.secretAccessKey}`,
    `  identity admin ${config.admin.principalArn}`,
    `    access key id ${config.admin.accessKeyId}  secret access key ${config.admin.secretAccessKey}`,
    '',
    'Try it (bash):',
    `  export ${creds(config.main)}`,
    `  KEY_ID=$(aws --endpoint-url ${endpoint} kms create-key --query KeyMetadata.KeyId --output text)`,
    `  aws --endpoint-url ${endpoint} kms encrypt --key-id "$KEY_ID" --plaintext fileb://<(echo hello) \\`,
    '    --query CiphertextBlob --output text | base64 -d > /tmp/keyhold-ciphertext.bin',
    `  aws --endpoint-url ${endpoint} kms decrypt --ciphertext-blob fileb:///tmp/keyhold-ciphertext.bin \\`,
    '    --query Plaintext --output text | base64 -d',
    '',
    'One-liners:',
    `  ${aws} create-key`,
    `  ${aws} encrypt --key-id <KeyId> --plaintext fileb://<(echo -n hello)`,
    `  ${aws} list-keys`,
    `  AWS_ACCESS_KEY_ID=${config.admin.accessKeyId} AWS_SECRET_ACCESS_KEY=${config.admin.secretAccessKey} npm run keyhold -- iam principals list ${config.main.accountId}`,
    '',
    'Ctrl-C stops everything; data stays in .keyhold/ for the next start.',
    '',
  ].join('\n');
}
