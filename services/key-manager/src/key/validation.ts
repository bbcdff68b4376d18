import { KmsError } from '@keyhold/core';
import type { KeyTag } from './commands.js';

export const MAX_DESCRIPTION = 8192;
export const MAX_TAGS = 50;
const MAX_TAG_KEY = 128;
const MAX_TAG_VALUE = 256;
export const MAX_POLICY_BYTES = 32_768;
const POLICY_CHARS = /^[\t\n\r\u0020-\u00FF]*$/;
const AWS_PRINCIPAL = /^(\*|\d{12}|arn:aws:(iam|sts)::(\d{12}|aws):\S+)$/;
const PRINCIPAL_KINDS = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
const ALIAS_NAME = /^[a-zA-Z0-9:/_-]+$/;

export function assertDescription(description: string): void {
  if (description.length > MAX_DESCRIPTION) {
    throw KmsError.constraint(
      'description',
      description,
      `Member must have length less than or equal to ${MAX_DESCRIPTION}`,
    );
  }
}

/** One tag's key and value, the way TagResource and CreateKey check them. */
function assertTag({ tagKey, tagValue }: KeyTag): void {
  if (tagKey.length < 1 || tagKey.length > MAX_TAG_KEY) {
    throw new KmsError('TagException', `Tag keys must be 1 to ${MAX_TAG_KEY} characters long.`);
  }
  if (tagValue.length > MAX_TAG_VALUE) {
    throw new KmsError(
      'TagException',
      `Tag values must be at most ${MAX_TAG_VALUE} characters long.`,
    );
  }
  if (tagKey.startsWith('aws:')) {
    throw new KmsError('TagException', "Tag keys beginning with 'aws:' are reserved.");
  }
}

/** A request's tags: valid and without duplicate keys. */
export function assertTags(tags: readonly KeyTag[]): void {
  const seen = new Set<string>();
  for (const t of tags) {
    assertTag(t);
    if (seen.has(t.tagKey)) throw new KmsError('TagException', `Duplicate tag key: ${t.tagKey}`);
    seen.add(t.tagKey);
  }
}

export function assertTagKeys(tagKeys: readonly string[]): void {
  for (const tagKey of tagKeys) assertTag({ tagKey, tagValue: '' });
}

const malformed = (message: string): KmsError =>
  new KmsError('MalformedPolicyDocumentException', message);

function assertPrincipal(where: string, principal: unknown): void {
  if (principal === '*') return;
  if (typeof principal !== 'object' || principal === null || Array.isArray(principal)) {
    throw malformed(`${where} has a Principal that is neither "*" nor an object.`);
  }
  for (const [kind, value] of Object.entries(principal)) {
    if (!PRINCIPAL_KINDS.includes(kind)) {
      throw malformed(`${where} has an unknown principal type '${kind}'.`);
    }
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (values.length === 0) throw malformed(`${where} has an empty ${kind} principal list.`);
    for (const v of values) {
      if (typeof v !== 'string' || v.length === 0) {
        throw malformed(`${where} has a ${kind} principal that is not a string.`);
      }
      if (kind === 'AWS' && !AWS_PRINCIPAL.test(v)) {
        throw malformed(`${where} has an invalid AWS principal '${v}'.`);
      }
    }
  }
}

function assertStringOrList(where: string, name: string, value: unknown): void {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  if (values.length === 0 || values.some((v) => typeof v !== 'string' || v.length === 0)) {
    throw malformed(`${where} has a ${name} that is not a string or a list of strings.`);
  }
}

/**
 * Size and syntax of a key policy, the checks AWS makes on PutKeyPolicy and
 * CreateKey: too large is LimitExceededException, anything else wrong is a
 * MalformedPolicyDocumentException that says what. Evaluation is the
 * authorizer's business, not this.
 */
export function assertPolicy(policy: string): void {
  if (Buffer.byteLength(policy, 'utf8') > MAX_POLICY_BYTES) {
    throw new KmsError(
      'LimitExceededException',
      `The key policy exceeds the maximum size of ${MAX_POLICY_BYTES} bytes.`,
    );
  }
  if (!POLICY_CHARS.test(policy)) {
    const at = [...policy].findIndex((c) => !POLICY_CHARS.test(c));
    throw malformed(
      `The key policy contains a character that is not allowed at position ${at}: only printable ASCII, Latin-1, tab, newline and carriage return are.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(policy);
  } catch (err) {
    throw malformed(`The key policy is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw malformed('The key policy must be a JSON object.');
  }
  const doc = parsed as Record<string, unknown>;
  if (
    doc['Version'] !== undefined &&
    doc['Version'] !== '2012-10-17' &&
    doc['Version'] !== '2008-10-17'
  ) {
    throw malformed(`The key policy has an unsupported Version '${String(doc['Version'])}'.`);
  }
  const statement = doc['Statement'];
  if (statement === undefined) throw malformed('The key policy has no Statement.');
  const statements: unknown[] = Array.isArray(statement) ? statement : [statement];
  statements.forEach((s, i) => {
    const where = `Statement ${i}`;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) {
      throw malformed(`${where} is not a JSON object.`);
    }
    const st = s as Record<string, unknown>;
    if (st['Effect'] !== 'Allow' && st['Effect'] !== 'Deny') {
      throw malformed(`${where} has an Effect other than "Allow" or "Deny".`);
    }
    const hasPrincipal = st['Principal'] !== undefined;
    const hasNotPrincipal = st['NotPrincipal'] !== undefined;
    if (hasPrincipal === hasNotPrincipal) {
      throw malformed(`${where} must have exactly one of Principal and NotPrincipal.`);
    }
    assertPrincipal(where, hasPrincipal ? st['Principal'] : st['NotPrincipal']);
    if (st['Action'] !== undefined && st['NotAction'] !== undefined) {
      throw malformed(`${where} has both Action and NotAction.`);
    }
    for (const name of ['Action', 'NotAction', 'Resource', 'NotResource']) {
      if (st[name] !== undefined) assertStringOrList(where, name, st[name]);
    }
    const condition = st['Condition'];
    if (
      condition !== undefined &&
      (typeof condition !== 'object' || condition === null || Array.isArray(condition))
    ) {
      throw malformed(`${where} has a Condition that is not an object.`);
    }
    if (st['Sid'] !== undefined && typeof st['Sid'] !== 'string') {
      throw malformed(`${where} has a Sid that is not a string.`);
    }
  });
}

/**
 * AliasName rules beyond the model's length: the alias/ prefix, the
 * character set and the reserved alias/aws/ prefix.
 */
export function assertAliasName(aliasName: string, { allowReserved = false } = {}): void {
  if (aliasName.length < 1 || aliasName.length > 256) {
    throw KmsError.constraint(
      'aliasName',
      aliasName,
      'Member must have length less than or equal to 256',
    );
  }
  if (!ALIAS_NAME.test(aliasName)) {
    throw KmsError.constraint(
      'aliasName',
      aliasName,
      'Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$',
    );
  }
  if (!aliasName.startsWith('alias/') || aliasName.length === 'alias/'.length) {
    throw new KmsError(
      'InvalidAliasNameException',
      `Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html`,
    );
  }
  if (!allowReserved && aliasName.startsWith('alias/aws/')) {
    throw new KmsError(
      'InvalidAliasNameException',
      'Alias names that begin with "alias/aws/" are reserved.',
    );
  }
}
