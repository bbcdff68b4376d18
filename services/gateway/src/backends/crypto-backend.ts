import type { Client, CryptoWorkerMethods } from '@keyhold/proto';
import type { CryptoStreams } from './crypto-streams.js';

/**
 * The crypto-worker backend the operations table sees: data-plane methods
 * over the streams when given, everything else (and everything, with no
 * streams) over the unary client.
 */
export function cryptoBackend(
  unary: Client<CryptoWorkerMethods>,
  streams: CryptoStreams | undefined,
): CryptoWorkerMethods {
  if (!streams) return unary;
  return {
    Encrypt: streams.Encrypt,
    Decrypt: streams.Decrypt,
    ReEncrypt: streams.ReEncrypt,
    GenerateDataKey: streams.GenerateDataKey,
    GenerateDataKeyWithoutPlaintext: streams.GenerateDataKeyWithoutPlaintext,
    GenerateRandom: streams.GenerateRandom,
    GenerateKeyMaterial: unary.GenerateKeyMaterial,
    RewrapKeyMaterial: unary.RewrapKeyMaterial,
  };
}
