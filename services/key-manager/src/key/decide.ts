import type { KeyCreated, KeyEvent } from '@keyhold/bus';
import { KEY_SPECS, KEY_USAGES, KmsError, ORIGINS, accountRootArn, keyArn } from '@keyhold/core';
import type { Decider } from '@keyhold/eventstore';
import type { CreateKey, KeyCommand } from './commands.js';
import { evolve, initialState } from './state.js';
import type { KeyState } from './state.js';

const MAX_DESCRIPTION = 8192;
const MAX_TAGS = 50;
const MAX_TAG_KEY = 128;
const MAX_TAG_VALUE = 256;
const MAX_POLICY_BYTES = 32_768;

// The model's full value sets: anything outside them is a ValidationException,
// a valid value Keyhold does not implement is an UnsupportedOperationException.
const ALL_KEY_USAGES = ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT'];
const ALL_KEY_SPECS = [
  'SYMMETRIC_DEFAULT',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'ECC_NIST_EDWARDS25519',
  'HMAC_224',
  'HMAC_256',
  'HMAC_384',
  'HMAC_512',
  'ML_DSA_44',
  'ML_DSA_65',
  'ML_DSA_87',
  'SM2',
];
const ALL_ORIGINS = ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'];

/** The policy AWS gives a key created through the API without one. */
export function defaultKeyPolicy(accountId: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: accountRootArn(accountId) },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  });
}

function enumValue(
  field: string,
  value: string | undefined,
  all: readonly string[],
  supported: string,
): string {
  if (value === undefined) return supported;
  if (!all.includes(value)) {
    throw KmsError.constraint(
      field,
      value,
      `Member must satisfy enum value set: [${all.join(', ')}]`,
    );
  }
  if (value !== supported) {
    throw new KmsError(
      'UnsupportedOperationException',
      `${value} is not supported for ${field}; only ${supported} is.`,
    );
  }
  return value;
}

function assertTags(tags: CreateKey['data']['tags']): void {
  if (tags.length > MAX_TAGS) {
    throw new KmsError('TagException', `A KMS key can have at most ${MAX_TAGS} tags.`);
  }
  const seen = new Set<string>();
  for (const { tagKey, tagValue } of tags) {
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
    if (seen.has(tagKey)) throw new KmsError('TagException', `Duplicate tag key: ${tagKey}`);
    seen.add(tagKey);
  }
}

function assertPolicy(policy: string): void {
  if (Buffer.byteLength(policy, 'utf8') > MAX_POLICY_BYTES) {
    throw new KmsError(
      'LimitExceededException',
      `The key policy exceeds the maximum size of ${MAX_POLICY_BYTES} bytes.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(policy);
  } catch {
    throw new KmsError('MalformedPolicyDocumentException', 'The new key policy is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new KmsError(
      'MalformedPolicyDocumentException',
      'The new key policy must be a JSON object.',
    );
  }
}

/**
 * Checks a CreateKey request the way AWS does: model constraints
 * (ValidationException) first, then what Keyhold does not implement
 * (UnsupportedOperationException), then tags and policy. Pure; the handler
 * calls it before asking for key material, and `decide` again.
 */
export function assertCreateKeyValid(data: CreateKey['data']): {
  keyUsage: string;
  keySpec: string;
  origin: string;
} {
  const description = data.description ?? '';
  if (description.length > MAX_DESCRIPTION) {
    throw KmsError.constraint(
      'description',
      description,
      `Member must have length less than or equal to ${MAX_DESCRIPTION}`,
    );
  }
  const keyUsage = enumValue('keyUsage', data.keyUsage, ALL_KEY_USAGES, KEY_USAGES.ENCRYPT_DECRYPT);
  const keySpec = enumValue('keySpec', data.keySpec, ALL_KEY_SPECS, KEY_SPECS.SYMMETRIC_DEFAULT);
  const origin = enumValue('origin', data.origin, ALL_ORIGINS, ORIGINS.AWS_KMS);
  if (data.multiRegion === true) {
    throw new KmsError('UnsupportedOperationException', 'Multi-Region keys are not supported.');
  }
  assertTags(data.tags);
  if (data.policy !== undefined) assertPolicy(data.policy);
  return { keyUsage, keySpec, origin };
}

function createKey(command: CreateKey, state: KeyState): KeyCreated[] {
  const { data } = command;
  if (state.status !== 'Nonexistent') {
    throw new KmsError('AlreadyExistsException', `Key '${state.arn}' already exists`);
  }
  const { keyUsage, keySpec, origin } = assertCreateKeyValid(data);
  return [
    {
      type: 'KeyCreated',
      data: {
        keyId: data.keyId,
        arn: keyArn(data.region, data.accountId, data.keyId),
        accountId: data.accountId,
        region: data.region,
        description: data.description ?? '',
        keyUsage,
        keySpec,
        origin,
        keyManager: 'CUSTOMER',
        multiRegion: false,
        policy: data.policy ?? defaultKeyPolicy(data.accountId),
        tags: data.tags.map((t) => ({ tagKey: t.tagKey, tagValue: t.tagValue })),
        createdAt: command.metadata.now.toISOString(),
        materialVersion: 1,
      },
    },
  ];
}

/** Decides a command on the current state; pure, throws KmsError to reject. */
export function decide(command: KeyCommand, state: KeyState): KeyEvent[] {
  switch (command.type) {
    case 'CreateKey':
      return createKey(command, state);
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown command ${String(unknown)}`);
    }
  }
}

/** The key aggregate. */
export const keyDecider: Decider<KeyState, KeyCommand, KeyEvent> = { decide, evolve, initialState };
