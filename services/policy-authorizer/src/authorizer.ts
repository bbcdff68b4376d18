import { KmsError, deriveSigningKey, isAccountId, isRegion, parseKeyArn } from '@keyhold/core';
import { evaluate } from '@keyhold/policy';
import type { Decision, DecisionBundle } from '@keyhold/policy';

export type { Decision, DecisionBundle } from '@keyhold/policy';
import type { IdentityStore } from './identities.js';

export interface AuthenticateInput {
  readonly accessKeyId: string;
  /** YYYYMMDD from the credential scope. */
  readonly date: string;
  readonly region: string;
  readonly service: string;
}

export interface Authenticated {
  readonly principal: {
    readonly accountId: string;
    readonly principalArn: string;
    readonly accessKeyId: string;
  };
  readonly signingKey: Buffer;
}

export interface AuthorizeInput {
  /** e.g. `kms:DescribeKey` */
  readonly action: string;
  /** A key ARN, or `*` for account-level actions (kms:CreateKey, kms:ListKeys). */
  readonly resourceArn: string;
  readonly accountId: string;
  readonly principalArn: string;
  readonly region: string;
}


export interface Authorizer {
  authenticate(input: AuthenticateInput): Authenticated;
  authorize(input: AuthorizeInput): Decision;
  decisionBundle(keyArn: string): DecisionBundle;
}

const ACTION = /^kms:[A-Za-z]+$/;
const SERVICE = /^[a-z0-9-]{1,64}$/;

/** True for a real calendar date written YYYYMMDD. */
export function isScopeDate(value: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function createAuthorizer(identities: IdentityStore): Authorizer {
  const decisionBundle = (arn: string): DecisionBundle => {
    const parts = parseKeyArn(arn);
    if (!parts) throw new KmsError('InvalidArnException', `ARN ${arn} is not a valid key ARN`);
    return { keyArn: arn, keyAccountId: parts.accountId, version: '0' };
  };

  return {
    authenticate(input) {
      if (!isScopeDate(input.date)) {
        throw new KmsError(
          'IncompleteSignatureException',
          'Date in Credential scope must be YYYYMMDD.',
        );
      }
      if (!isRegion(input.region)) {
        throw new KmsError(
          'IncompleteSignatureException',
          'Credential should be scoped to a valid region.',
        );
      }
      if (!SERVICE.test(input.service)) {
        throw new KmsError(
          'IncompleteSignatureException',
          'Credential should be scoped to a valid service.',
        );
      }
      const identity = identities.byAccessKeyId(input.accessKeyId);
      if (!identity) {
        throw new KmsError(
          'UnrecognizedClientException',
          'The security token included in the request is invalid.',
        );
      }
      return {
        principal: {
          accountId: identity.accountId,
          principalArn: identity.principalArn,
          accessKeyId: identity.accessKeyId,
        },
        signingKey: deriveSigningKey(
          identity.secretAccessKey,
          input.date,
          input.region,
          input.service,
        ),
      };
    },

    authorize(input) {
      if (!ACTION.test(input.action)) {
        throw KmsError.validation(`Action '${input.action}' is not a kms action.`);
      }
      const denied = (): Decision => ({
        allowed: false,
        message: KmsError.accessDenied(input.principalArn, input.action, input.resourceArn).message,
      });
      // Only an authenticated caller has an account; system callers have none.
      if (!isAccountId(input.accountId)) return denied();
      if (input.resourceArn === '*') return { allowed: true };
      // The same pure evaluator crypto-worker runs on its cached bundles, so a
      // management decision and a data-plane decision never disagree.
      return evaluate(decisionBundle(input.resourceArn), input);
    },

    decisionBundle,
  };
}
