import { randomBytes } from 'node:crypto';
import { parseKeyArn } from '@keyhold/core';

/** A grant id: 64 hex digits, as CreateGrant returns it. */
export const GRANT_ID = /^[0-9a-f]{64}$/;

/**
 * A grant token as key-manager's CreateGrant issues it and crypto-worker and
 * key-manager read it: which grant of which key a request may act through
 * before the grant has reached every cache. AWS's tokens are opaque; this one
 * names the key and grant (base64 of JSON, with a random nonce so that two
 * tokens for one grant differ). A token grants nothing by itself: the grant
 * must exist and allow the request; a made-up one only makes the reader look
 * for a grant that is not there.
 */
export function encodeGrantToken(keyArn: string, grantId: string): string {
  const nonce = randomBytes(16).toString('hex');
  return Buffer.from(JSON.stringify({ v: 1, k: keyArn, g: grantId, n: nonce }), 'utf8').toString(
    'base64',
  );
}

/** The key ARN and grant id a token names, or undefined for anything not a token of ours. */
export function decodeGrantToken(token: string): { keyArn: string; grantId: string } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  const p = parsed as { v?: unknown; k?: unknown; g?: unknown } | null;
  if (!p || p.v !== 1 || typeof p.k !== 'string' || typeof p.g !== 'string') return undefined;
  if (!GRANT_ID.test(p.g) || !parseKeyArn(p.k)) return undefined;
  return { keyArn: p.k, grantId: p.g };
}
