import { Events } from 'nats';
import type { Subscription } from 'nats';
import { Counter, createRpcMetrics } from '@keyhold/core';
import type { Logger, Registry } from '@keyhold/core';
import type { Bus } from '@keyhold/bus';
import type { RootKeyring } from '@keyhold/envelope';
import { implement, loadProto, serviceDefinitions, startGrpcServer } from '@keyhold/proto';
import type { AuthorizerMethods, KeyManagerMethods } from '@keyhold/proto';
import type { Config } from './config.js';
import { toDecisionBundle, toIdentityPolicies } from './bundle.js';
import { KeyCache } from './key-cache.js';
import { dataPlaneService } from './data-plane.js';
import { resolveKey } from './material.js';
import { decryptHandler } from './ops/decrypt.js';
import { encryptHandler } from './ops/encrypt.js';
import {
  generateDataKeyHandler,
  generateDataKeyWithoutPlaintextHandler,
} from './ops/generate-data-key.js';
import { generateKeyMaterialHandler } from './ops/generate-key-material.js';
import { generateRandomHandler } from './ops/generate-random.js';
import { reEncryptHandler } from './ops/re-encrypt.js';
import { rewrapKeyMaterialHandler } from './ops/rewrap-key-material.js';

/** What the crypto-worker needs from outside; main.ts builds it, tests pass stand-ins. */
export interface CryptoWorkerDeps {
  readonly logger: Logger;
  readonly keyring: RootKeyring;
  readonly keyManager: Pick<KeyManagerMethods, 'GetKeyForCrypto'>;
  readonly authorizer: Pick<AuthorizerMethods, 'GetDecisionBundle' | 'GetIdentityPolicies'>;
  /** Key events on `names.keyEventsSubjects` evict cached keys. */
  readonly bus: Pick<Bus, 'nc' | 'names'>;
  readonly registry?: Registry;
  /** @default Date.now */
  readonly now?: () => number;
}

export type CryptoWorkerConfig = Pick<Config, 'grpcListen' | 'keyCacheTtlMs'>;

export interface CryptoWorker {
  /** The bound `host:port`. */
  readonly address: string;
  readonly port: number;
  readonly cache: KeyCache;
  /** Health NOT_SERVING, stop taking events, finish in-flight calls (bounded by `graceMs`). */
  close(graceMs?: number): Promise<void>;
}

/** Upstream calls on a cache miss; short, since a request waits on them. */
const UPSTREAM_TIMEOUT_MS = 5_000;

/**
 * Starts the CryptoWorker gRPC service: subscribes to key events first (so
 * no eviction is missed once serving), then binds and reports SERVING.
 */
export async function startCryptoWorker(
  deps: CryptoWorkerDeps,
  config: CryptoWorkerConfig,
): Promise<CryptoWorker> {
  const logger = deps.logger;
  const lookups = deps.registry
    ? new Counter({
        name: 'keyhold_crypto_cache_lookups_total',
        help: 'Key and decision-bundle cache lookups, by cache and hit or miss',
        labelNames: ['cache', 'result'] as const,
        registers: [deps.registry],
      })
    : undefined;
  const cache = new KeyCache({
    ttlMs: config.keyCacheTtlMs,
    ...(deps.now ? { now: deps.now } : {}),
    ...(lookups ? { lookups } : {}),
    fetchKey: async (keyId, context, { anyAccount }) =>
      resolveKey(
        await deps.keyManager.GetKeyForCrypto(
          { keyId, anyAccount },
          { context, timeoutMs: UPSTREAM_TIMEOUT_MS },
        ),
        deps.keyring,
      ),
    fetchBundle: async (keyArn, context, { minVersion, grantId }) =>
      toDecisionBundle(
        await deps.authorizer.GetDecisionBundle(
          { keyArn, minVersion, grantId: grantId ?? '' },
          { context, timeoutMs: UPSTREAM_TIMEOUT_MS },
        ),
      ),
    fetchIdentityPolicies: async (context) =>
      toIdentityPolicies(
        await deps.authorizer.GetIdentityPolicies(
          { principalArn: context.principalArn },
          { context, timeoutMs: UPSTREAM_TIMEOUT_MS },
        ),
      ),
  });

  const subscription = subscribeKeyEvents(deps.bus, cache, logger);
  await deps.bus.nc.flush();

  const ops = { cache };
  const dataOps = {
    encrypt: encryptHandler(ops),
    decrypt: decryptHandler(ops),
    reEncrypt: reEncryptHandler(ops),
    generateDataKey: generateDataKeyHandler(ops),
    generateDataKeyWithoutPlaintext: generateDataKeyWithoutPlaintextHandler(ops),
    generateRandom: generateRandomHandler(ops),
  };
  const adapter = {
    logger,
    ...(deps.registry ? { metrics: createRpcMetrics(deps.registry) } : {}),
  };
  const handlers = implement(
    {
      Encrypt: dataOps.encrypt,
      Decrypt: dataOps.decrypt,
      ReEncrypt: dataOps.reEncrypt,
      GenerateDataKey: dataOps.generateDataKey,
      GenerateDataKeyWithoutPlaintext: dataOps.generateDataKeyWithoutPlaintext,
      GenerateRandom: dataOps.generateRandom,
      GenerateKeyMaterial: generateKeyMaterialHandler({ keyring: deps.keyring }),
      RewrapKeyMaterial: rewrapKeyMaterialHandler({ keyring: deps.keyring }),
    },
    adapter,
  );
  const server = await startGrpcServer(config.grpcListen, [
    [serviceDefinitions().cryptoWorker, handlers],
    [loadProto().keyhold.crypto.v1.CryptoDataPlane.service, dataPlaneService(dataOps, adapter)],
  ]);
  server.serving();
  logger.info(
    { address: server.address, rootKeyVersion: deps.keyring.currentVersion },
    'crypto-worker serving',
  );

  return {
    address: server.address,
    port: server.port,
    cache,
    close: async (graceMs = 10_000) => {
      await server.close(graceMs);
      subscription.stop();
      cache.clear();
    },
  };
}

/**
 * Every instance sees every key event (no queue group): any event for a key
 * drops what is cached for it. Core NATS may miss events while disconnected,
 * so a reconnect drops the whole cache.
 */
function subscribeKeyEvents(
  bus: Pick<Bus, 'nc' | 'names'>,
  cache: KeyCache,
  logger: Logger,
): { stop(): void } {
  let stopped = false;
  const sub: Subscription = bus.nc.subscribe(bus.names.keyEventsSubjects, {
    callback: (err, msg) => {
      if (err) {
        logger.warn({ err }, 'key event subscription error');
        cache.clear();
        return;
      }
      // <prefix>.key.<region>.<keyId>
      const keyId = msg.subject.slice(msg.subject.lastIndexOf('.') + 1);
      cache.evictKey(keyId);
      logger.debug({ keyId }, 'key evicted');
    },
  });
  void (async () => {
    for await (const status of bus.nc.status()) {
      if (stopped) break;
      if (status.type === Events.Reconnect) {
        cache.clear();
        logger.info('key cache cleared after reconnect');
      }
    }
  })().catch((err: unknown) => logger.warn({ err }, 'nats status watch ended'));
  return {
    stop: () => {
      stopped = true;
      sub.unsubscribe();
    },
  };
}
