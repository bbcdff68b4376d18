import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printLog, startCluster } from '@keyhold/local';
import { findFreePort, testBusPrefix, testDatabase, testNatsUrl } from '@keyhold/testkit';
import { SecretScan, auditRecordsSettled } from './secret-scan.js';

/** One identity the cluster knows; its account is the one in its ARN. */
export interface TestPrincipal {
  readonly arn: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** IAM identity policies; omitted, the fixture writes one allowing every kms action. */
  readonly policies?: readonly unknown[];
}

/**
 * A quota override (`TestClusterOptions.quota`) lifting the given per-API
 * quota classes to 1,000/s, for files that test behaviour, not throttling
 * (quota-limiter's tests do that), and call management APIs faster than AWS's
 * quotas allow (CreateKey: 5/s) without retrying.
 */
export function liftedQuotas(classes: readonly string[]): {
  default: Record<string, { rate: number; burst: number }>;
} {
  return { default: Object.fromEntries(classes.map((c) => [c, { rate: 1000, burst: 1000 }])) };
}

export interface TestClusterOptions {
  /** Names the temp folder, e.g. `policy`. */
  readonly name: string;
  readonly principals: readonly TestPrincipal[];
  /** The quota-limiter's override file, when the test needs one. */
  readonly quota?: unknown;
  /** @default the run's NATS from the testkit */
  readonly natsUrl?: string;
  /** @default a fresh prefix */
  readonly natsPrefix?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** The region the launcher names (`KEYHOLD_REGION`). @default 'us-east-1' */
  readonly region?: string;
  /** @default 'warn' */
  readonly logLevel?: string;
  /** Sees every service log line after the secret scan. @default printed on stdout */
  readonly onLog?: (service: string, line: string) => void;
}

export interface TestCluster {
  readonly cluster: Awaited<ReturnType<typeof startCluster>>;
  readonly endpoint: string;
  /** The temp folder holding the keyring (`keyring.json`), identities and quota files. */
  readonly dir: string;
  /** The cluster's own fresh database. */
  readonly db: Awaited<ReturnType<typeof testDatabase>>;
  /**
   * A plaintext, data key or other secret the test saw: stop() fails if it is
   * in any stored audit record or service log line (as itself, base64 or hex).
   */
  registerSecret(value: string | Uint8Array): void;
  /**
   * Stops the services, then scans every stored audit record and every log
   * line for the root keyring's keys and the registered secrets; drops the
   * database, removes the temp folder, and throws naming each record (or
   * service) a secret was found in.
   */
  stop(): Promise<void>;
}

/** The identities file format of policy-authorizer, accounts taken from the ARNs. */
export function identitiesDocument(principals: readonly TestPrincipal[]): unknown {
  const byAccount = new Map<string, TestPrincipal[]>();
  for (const p of principals) {
    const account = p.arn.split(':')[4] ?? '';
    byAccount.set(account, [...(byAccount.get(account) ?? []), p]);
  }
  return {
    accounts: [...byAccount].map(([accountId, members]) => ({
      accountId,
      principals: members.map((p) => ({
        arn: p.arn,
        accessKeys: [{ accessKeyId: p.accessKeyId, secretAccessKey: p.secretAccessKey }],
        // Written out: a principal without identity policies has none (AWS gives no default).
        policies: p.policies ?? [
          {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
          },
        ],
      })),
    })),
  };
}

/**
 * The whole cluster as processes on a fresh database, with a random root
 * keyring and the given identities: what every e2e file starts from.
 */
export async function startTestCluster(options: TestClusterOptions): Promise<TestCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `keyhold-${options.name}-e2e-`));
  const rootKeyringFile = path.join(dir, 'keyring.json');
  const rootKey = randomBytes(32);
  fs.writeFileSync(
    rootKeyringFile,
    JSON.stringify({ current: 1, keys: { '1': rootKey.toString('base64') } }),
    { mode: 0o600 },
  );
  const scan = new SecretScan();
  scan.register(rootKey);
  const identitiesFile = path.join(dir, 'identities.json');
  fs.writeFileSync(identitiesFile, JSON.stringify(identitiesDocument(options.principals)));
  let quotaFile: string | undefined;
  if (options.quota !== undefined) {
    quotaFile = path.join(dir, 'quota.json');
    fs.writeFileSync(quotaFile, JSON.stringify(options.quota));
  }
  const db = await testDatabase();
  try {
    const cluster = await startCluster({
      databaseUrl: db.url,
      natsUrl: options.natsUrl ?? testNatsUrl(),
      natsPrefix: options.natsPrefix ?? testBusPrefix(),
      httpPort: await findFreePort(),
      basePort: 'auto',
      rootKeyringFile,
      identitiesFile,
      ...(quotaFile ? { quotaFile } : {}),
      logLevel: options.logLevel ?? 'warn',
      onLog: (service, line) => {
        scan.scanLog(service, line);
        (options.onLog ?? printLog)(service, line);
      },
      ...(options.env ? { env: options.env } : {}),
      ...(options.region ? { region: options.region } : {}),
    });
    return {
      cluster,
      endpoint: cluster.endpoint,
      dir,
      db,
      registerSecret: (value) => scan.register(value),
      stop: async () => {
        try {
          // Records still in flight land before the services stop.
          await auditRecordsSettled(db.sql);
          await cluster.stop();
          await scan.scanAuditRecords(db.sql);
        } finally {
          await db.drop();
          fs.rmSync(dir, { recursive: true, force: true });
        }
        scan.assertClean();
      },
    };
  } catch (err) {
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
