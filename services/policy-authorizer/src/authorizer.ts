import { KmsError, deriveSigningKey, isAccountId, isRegion, parseKeyArn } from '@keyhold/core';
import { callerPrincipal, describeReason, evaluatePolicies, parsePolicy } from '@keyhold/policy';
import type {
  GrantRequestFields,
  KeyAttributes,
  OperationParameters,
  Policy,
  RequestContext,
} from '@keyhold/policy';
import type { DecisionBundle, IdentityPolicies__Output } from '@keyhold/proto';
import type { IdentityStore } from './identities.js';
import { notCaughtUp } from './read-model.js';
import type { KeyReadModel, KeyView } from './read-model.js';

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
  /** `aws:SourceIp`, `kms:ViaService`; empty when unknown. */
  readonly sourceIp?: string;
  readonly viaService?: string;
  /** The key stream version the caller has seen: judge a key at least that new. */
  readonly minVersion?: number;
  /** Grants named by the request's grant tokens: waited for, then they count. */
  readonly grantIds?: readonly string[];
  /** CreateGrant / RetireGrant / RevokeGrant parameters. */
  readonly grant?: GrantRequestFields;
  readonly parameters?: OperationParameters;
  /** `aws:RequestTag/<k>`, `aws:TagKeys`. */
  readonly requestTags?: Readonly<Record<string, string>>;
  readonly tagKeys?: readonly string[];
  /** `kms:RequestAlias`. */
  readonly requestAlias?: string;
  /** CreateKey: the key asked for, judged in place of a stored key. */
  readonly newKey?: Pick<KeyAttributes, 'keySpec' | 'keyUsage' | 'origin' | 'multiRegion'>;
}

/** A decision; `reason` names the statement or grant that decided, or `no allow`. */
export type Decision =
  | { readonly allowed: true; readonly reason: string }
  | { readonly allowed: false; readonly message: string; readonly reason: string };

export interface BundleRequest {
  readonly keyArn: string;
  /** The key stream version the caller has seen; the bundle is at least that new. */
  readonly minVersion?: number;
  /** A grant a grant token named: wait (briefly) for it to arrive too. */
  readonly grantId?: string;
}

export interface Authorizer {
  authenticate(input: AuthenticateInput): Authenticated;
  authorize(input: AuthorizeInput): Promise<Decision>;
  decisionBundle(request: BundleRequest): Promise<DecisionBundle>;
  identityPolicies(principalArn: string): IdentityPolicies__Output;
}

export interface AuthorizerOptions {
  /** How long a request waits for the read model to catch up with a key. @default 2000 */
  readonly catchUpMs?: number;
  /** @default () => new Date() */
  readonly now?: () => Date;
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

/** The key policy every account-level action (CreateKey, ListKeys, ...) is judged by: IAM decides. */
function accountLevelPolicy(accountId: string): Policy {
  return parsePolicy(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    }),
  );
}

function keyAttributes(view: KeyView): KeyAttributes {
  return {
    arn: view.arn,
    accountId: view.accountId,
    keySpec: view.keySpec,
    keyUsage: view.keyUsage,
    origin: view.origin,
    multiRegion: view.multiRegion,
    aliases: [...view.aliases],
    tags: Object.fromEntries(view.tags),
  };
}

function validArn(arn: string): string {
  if (!parseKeyArn(arn)) {
    throw new KmsError('InvalidArnException', `ARN ${arn} is not a valid key ARN`);
  }
  return arn;
}

const constraint = (
  pairs: Readonly<Record<string, string>> | undefined,
): { pairs: Record<string, string> } | null =>
  pairs === undefined ? null : { pairs: { ...pairs } };

function toBundle(view: KeyView): DecisionBundle {
  return {
    keyArn: view.arn,
    keyAccountId: view.accountId,
    version: String(view.version),
    keyState: view.deleted ? 'Deleted' : view.keyState,
    keySpec: view.keySpec,
    keyUsage: view.keyUsage,
    origin: view.origin,
    multiRegion: view.multiRegion,
    keyPolicy: view.policyJson,
    grants: [...view.grants.values()].map((g) => ({
      grantId: g.grantId,
      granteePrincipal: g.granteePrincipal,
      retiringPrincipal: g.retiringPrincipal ?? '',
      operations: [...g.operations],
      encryptionContextEquals: constraint(g.constraints?.encryptionContextEquals),
      encryptionContextSubset: constraint(g.constraints?.encryptionContextSubset),
      issuingAccount: g.issuingAccount ?? '',
    })),
    aliases: [...view.aliases],
    tags: Object.fromEntries(view.tags),
  };
}

export function createAuthorizer(
  identities: IdentityStore,
  model: KeyReadModel,
  options: AuthorizerOptions = {},
): Authorizer {
  const catchUpMs = options.catchUpMs ?? 2_000;
  const now = options.now ?? (() => new Date());

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

    async authorize(input) {
      if (!ACTION.test(input.action)) {
        throw KmsError.validation(`Action '${input.action}' is not a kms action.`);
      }
      const denied = (reason: string): Decision => ({
        allowed: false,
        message: KmsError.accessDenied(input.principalArn, input.action, input.resourceArn).message,
        reason,
      });
      // Only an authenticated caller has an account; system callers have none.
      if (!isAccountId(input.accountId)) return denied('no account');
      let keyPolicy: Policy;
      let key: KeyAttributes;
      let view: KeyView | undefined;
      if (input.resourceArn === '*') {
        keyPolicy = accountLevelPolicy(input.accountId);
        key = { arn: '*', accountId: input.accountId, ...input.newKey };
      } else {
        const minVersion = input.minVersion ?? 0;
        const grantIds = input.grantIds ?? [];
        view = await model.waitFor(
          validArn(input.resourceArn),
          (v) => v.version >= minVersion && grantIds.every((id) => v.grants.has(id)),
          catchUpMs,
        );
        // Judging an older key than the caller has seen could allow what was just denied.
        if (!view || view.version < minVersion) throw notCaughtUp(input.resourceArn);
        keyPolicy = view.policy;
        key = keyAttributes(view);
      }
      const request: RequestContext = {
        principal: callerPrincipal(input.principalArn, input.accountId),
        action: input.action,
        key,
        region: input.region,
        time: now(),
        ...(input.sourceIp ? { sourceIp: input.sourceIp } : {}),
        ...(input.viaService ? { viaService: input.viaService } : {}),
        ...(input.grant ? { grant: input.grant } : {}),
        ...(input.parameters ? { parameters: input.parameters } : {}),
        ...(input.requestTags ? { requestTags: input.requestTags } : {}),
        ...(input.tagKeys ? { tagKeys: input.tagKeys } : {}),
        ...(input.requestAlias ? { requestAlias: input.requestAlias } : {}),
      };
      // The same pure evaluator crypto-worker runs on its cached bundles, so a
      // management decision and a data-plane decision never disagree. With the
      // request's grant parameters, a grant allowing CreateGrant allows only
      // grants with a subset of its operations and equal or stricter constraints.
      const decision = evaluatePolicies({
        keyPolicy,
        identityPolicies: identities.policiesOf(input.principalArn).parsed,
        grants: view ? [...view.grants.values()] : [],
        request,
      });
      const reason = describeReason(decision.reason);
      return decision.decision === 'Allow' ? { allowed: true, reason } : denied(reason);
    },

    async decisionBundle(req) {
      const arn = validArn(req.keyArn);
      const minVersion = req.minVersion ?? 0;
      const grantId = req.grantId ?? '';
      const view = await model.waitFor(
        arn,
        (v) => v.version >= minVersion && (grantId === '' || v.grants.has(grantId)),
        catchUpMs,
      );
      // A bundle older than what the caller has seen would be cached as current.
      if (!view || view.version < minVersion) throw notCaughtUp(arn);
      return toBundle(view);
    },

    identityPolicies(principalArn) {
      return { principalArn, policies: [...identities.policiesOf(principalArn).documents] };
    },
  };
}
