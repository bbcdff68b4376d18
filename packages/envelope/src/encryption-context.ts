import { KmsError } from '@keyhold/core';

/** An AWS encryption context: string keys to string values, not secret. */
export type EncryptionContext = Readonly<Record<string, string>>;

const MAX_UINT16 = 0xffff;

/**
 * The canonical byte encoding of an encryption context, used as AAD: pairs
 * sorted by the UTF-8 bytes of their keys, a uint16 pair count, then for each
 * pair a uint16-length-prefixed key and a uint16-length-prefixed value (the
 * AWS Encryption SDK's AAD encoding). Length prefixes keep `{"ab":"c"}` and
 * `{"a":"bc"}` apart; sorting makes the order callers send irrelevant. An
 * empty or absent context encodes as a zero count.
 *
 * @throws KmsError ValidationException when a key or value exceeds 65,535
 * UTF-8 bytes or there are more than 65,535 pairs.
 */
export function encodeEncryptionContext(context: EncryptionContext | undefined): Buffer {
  const pairs = Object.entries(context ?? {}).map(
    ([k, v]) => [Buffer.from(k, 'utf8'), Buffer.from(v, 'utf8')] as const,
  );
  if (pairs.length > MAX_UINT16)
    throw KmsError.validation('The encryption context has too many entries.');
  pairs.sort((a, b) => Buffer.compare(a[0], b[0]));
  let size = 2;
  for (const [k, v] of pairs) {
    if (k.length > MAX_UINT16 || v.length > MAX_UINT16) {
      throw KmsError.validation('An encryption context key or value is too long.');
    }
    size += 4 + k.length + v.length;
  }
  const out = Buffer.allocUnsafe(size);
  let at = out.writeUInt16BE(pairs.length, 0);
  for (const [k, v] of pairs) {
    at = out.writeUInt16BE(k.length, at);
    at += k.copy(out, at);
    at = out.writeUInt16BE(v.length, at);
    at += v.copy(out, at);
  }
  return out;
}
