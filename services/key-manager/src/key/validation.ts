import { KmsError, accountRootArn } from '@keyhold/core';
import { callerPrincipal as policyCaller, parsePolicy, wouldLockOut } from '@keyhold/policy';
import type { CallerPrincipal, Policy } from '@keyhold/policy';
import type { KeyTag } from './commands.js';

export const MAX_DESCRIPTION = 8192;
export const MAX_TAGS = 50;
const MAX_TAG_KEY = 128;
const MAX_TAG_VALUE = 256;
export const MAX_POLICY_BYTES = 32_768;
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

/**
 * Size and syntax of a key policy, the checks AWS makes on PutKeyPolicy and
 * CreateKey, by the policy language's parser (the one the authorizer
 * evaluates with): over 32 KB is LimitExceededException, anything else wrong
 * a MalformedPolicyDocumentException naming the statement and element.
 */
export function assertPolicy(policy: string): Policy {
  return parsePolicy(policy, { kind: 'key', maxBytes: MAX_POLICY_BYTES });
}

/** Who asks for a policy change, as the lockout check needs it. */
export interface PolicyCaller {
  readonly principalArn: string;
  readonly accountId: string;
  readonly region: string;
  /** `aws:SourceIp` of the request, so that network conditions judge it as they will later. */
  readonly sourceIp?: string | undefined;
  /** `kms:ViaService` of the request, when a service made it for the caller. */
  readonly viaService?: string | undefined;
}

/**
 * The caller as the policy language sees it (the evaluator's own reading of
 * ARNs and service names); no principal ARN means the account itself.
 */
export function callerPrincipal(caller: PolicyCaller): CallerPrincipal {
  return policyCaller(caller.principalArn || accountRootArn(caller.accountId), caller.accountId);
}

/**
 * The lockout safety check of CreateKey and PutKeyPolicy: the new policy
 * must let the caller change it again (IAM assumed to allow, as AWS cannot
 * know better either), unless the request bypasses the check.
 */
export function assertNoLockout(
  policy: Policy,
  caller: PolicyCaller,
  key?: { readonly arn: string; readonly accountId: string },
): void {
  const locked = wouldLockOut(policy, callerPrincipal(caller), {
    ...(key ? { key } : {}),
    context: {
      region: caller.region,
      ...(caller.sourceIp ? { sourceIp: caller.sourceIp } : {}),
      ...(caller.viaService ? { viaService: caller.viaService } : {}),
    },
  });
  if (locked) {
    throw new KmsError(
      'MalformedPolicyDocumentException',
      'The new key policy will not allow you to update the key policy in the future.',
    );
  }
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
