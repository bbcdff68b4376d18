import { randomUUID } from 'node:crypto';
import { KmsError } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEY_ARN = /^arn:aws:kms:([a-z0-9-]+):(\d{12}):key\/(.+)$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;

/** A new key id: a lowercase UUID v4, as AWS uses for single-Region keys. */
export function newKeyId(): string {
  return randomUUID();
}

export function isKeyId(value: string): boolean {
  return UUID.test(value);
}

export function isRegion(value: string): boolean {
  return REGION.test(value);
}

export function isAccountId(value: string): boolean {
  return ACCOUNT.test(value);
}

/** `arn:aws:kms:<region>:<account>:key/<id>`. */
export function keyArn(region: string, accountId: string, keyId: string): string {
  return `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
}

export interface KeyArnParts {
  readonly region: string;
  readonly accountId: string;
  readonly keyId: string;
}

/** Parses a key ARN; undefined when `value` is not one. */
export function parseKeyArn(value: string): KeyArnParts | undefined {
  const m = KEY_ARN.exec(value);
  if (!m) return undefined;
  return { region: m[1]!, accountId: m[2]!, keyId: m[3]! };
}

/** The root principal ARN of an account, which key policies use to delegate to IAM. */
export function accountRootArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}

/** The stream that holds one key's events. */
export function keyStreamId(keyId: string): string {
  return `key-${keyId}`;
}

export type KeyReference =
  | { readonly kind: 'id'; readonly keyId: string }
  | {
      readonly kind: 'arn';
      readonly region: string;
      readonly accountId: string;
      readonly keyId: string;
    };

const ALIAS_ARN = /^arn:aws:kms:([a-z0-9-]+):(\d{12}):(alias\/.+)$/;

/** The parts of an alias ARN (`arn:aws:kms:<region>:<account>:alias/<name>`), or undefined. */
export function parseAliasArn(
  value: string,
): { readonly region: string; readonly accountId: string; readonly aliasName: string } | undefined {
  const m = ALIAS_ARN.exec(value);
  return m ? { region: m[1]!, accountId: m[2]!, aliasName: m[3]! } : undefined;
}

/**
 * Classifies a KeyId parameter the way AWS does: a bare key id (resolved in
 * the caller's account and region) or a key ARN (which names both).
 */
export function parseKeyReference(value: string, field = 'keyId'): KeyReference {
  if (value.length < 1 || value.length > 2048) {
    throw KmsError.constraint(
      field,
      value,
      'Member must have length greater than or equal to 1 and less than or equal to 2048',
    );
  }
  if (value.startsWith('arn:')) {
    const parts = parseKeyArn(value);
    if (!parts) throw new KmsError('InvalidArnException', `ARN ${value} is not a valid key ARN`);
    return { kind: 'arn', ...parts };
  }
  return { kind: 'id', keyId: value };
}

/** An IAM principal ARN: the account root, or a user or role with an optional path. */
export const PRINCIPAL_ARN =
  /^arn:aws:iam::(\d{12}):(root|(user|role)\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,128})$/;

/** The account and kind of an IAM principal ARN, or undefined when it is not one. */
export function parsePrincipalArn(
  arn: string,
): { readonly accountId: string; readonly kind: 'root' | 'user' | 'role' } | undefined {
  const m = PRINCIPAL_ARN.exec(arn);
  if (!m) return undefined;
  return { accountId: m[1]!, kind: m[2] === 'root' ? 'root' : (m[3] as 'user' | 'role') };
}
