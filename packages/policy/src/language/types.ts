/**
 * The policy language's data: the parsed form of a policy document, the
 * request context evaluation reads condition keys from, grants, and the
 * decision. Everything here is plain readonly data so a bundle can be cached,
 * compared and serialized.
 */

/** The two policy language versions AWS accepts. */
export const POLICY_VERSIONS = ['2012-10-17', '2008-10-17'] as const;
/** A policy language version. */
export type PolicyVersion = (typeof POLICY_VERSIONS)[number];

/** `Allow` or `Deny`. */
export type Effect = 'Allow' | 'Deny';

/**
 * A Principal or NotPrincipal element. `aws` keeps the strings as written:
 * `*`, a 12-digit account id, or an IAM/STS ARN; `"Principal": "*"` parses
 * to `aws: ['*']`.
 */
export interface PrincipalElement {
  readonly aws: readonly string[];
  readonly service: readonly string[];
}

/** An Action/NotAction or Resource/NotResource element: patterns with `*` and `?`. */
export interface PatternElement {
  /** True for NotAction / NotResource. */
  readonly negated: boolean;
  readonly patterns: readonly string[];
}

/** A set qualifier on a condition operator. */
export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

/** One `operator: { key: values }` pair of a Condition element. */
export interface ConditionClause {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** The operator without qualifier and `IfExists`, e.g. `StringLike`. */
  readonly base: string;
  readonly qualifier: SetQualifier | undefined;
  readonly ifExists: boolean;
  /** The condition key as written; names are matched case-insensitively. */
  readonly key: string;
  /** The policy values, JSON numbers and booleans turned into strings. */
  readonly values: readonly string[];
}

/** One statement of a policy. */
export interface Statement {
  /** Position in the Statement array, from 0. */
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  /** Principal or NotPrincipal; undefined in identity policies. */
  readonly principal: (PrincipalElement & { readonly negated: boolean }) | undefined;
  /** Undefined when the statement has neither Action nor NotAction: it then never applies. */
  readonly action: PatternElement | undefined;
  /** Undefined when the statement has neither Resource nor NotResource: it then never applies. */
  readonly resource: PatternElement | undefined;
  readonly conditions: readonly ConditionClause[];
}

/** A parsed, validated policy document. */
export interface Policy {
  readonly version: PolicyVersion | undefined;
  readonly id: string | undefined;
  readonly statements: readonly Statement[];
}

/** What kind of policy a document is: key policies need a Principal, identity policies forbid it. */
export type PolicyKind = 'key' | 'identity';

/**
 * The kind of caller. `root` is an account's root user; `service` a service
 * principal (an AWS-style `s3.amazonaws.com` or one of the platform's own,
 * e.g. `objectstore.keyhold.internal`) acting as itself.
 */
export type PrincipalType = 'user' | 'role' | 'root' | 'service';

/** The authenticated caller. */
export interface CallerPrincipal {
  /**
   * IAM ARN (`arn:aws:iam::<acct>:user/alice`, `...:role/app`, an STS
   * assumed-role ARN, `...:root`), or the service principal name
   * (`s3.amazonaws.com`, `objectstore.keyhold.internal`) when `type` is `service`.
   */
  readonly arn: string;
  /** The caller's account; empty for service principals. */
  readonly accountId: string;
  readonly type: PrincipalType;
}

/** The key the request acts on. */
export interface KeyAttributes {
  readonly arn: string;
  /** The account that owns the key. */
  readonly accountId: string;
  /** `kms:KeySpec` (for CreateKey the requested spec). */
  readonly keySpec?: string;
  /** `kms:KeyUsage` (for CreateKey the requested usage). */
  readonly keyUsage?: string;
  /** `kms:KeyOrigin`. */
  readonly origin?: string;
  /** `kms:MultiRegion`. */
  readonly multiRegion?: boolean;
  /** Alias names (`alias/x`) pointing at the key: `kms:ResourceAliases`. */
  readonly aliases?: readonly string[];
  /** The key's tags: `aws:ResourceTag/<k>`. */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Constraints of a grant (or of a CreateGrant request). */
export interface GrantConstraints {
  readonly encryptionContextEquals?: Readonly<Record<string, string>>;
  readonly encryptionContextSubset?: Readonly<Record<string, string>>;
}

/** CreateGrant / RetireGrant / RevokeGrant parameters. */
export interface GrantRequestFields {
  /** `kms:GrantOperations`, operation names without `kms:` (`Decrypt`). */
  readonly operations?: readonly string[];
  /** `kms:GranteePrincipal`. */
  readonly granteePrincipal?: string;
  /** `kms:RetiringPrincipal`. */
  readonly retiringPrincipal?: string;
  /** `kms:GrantIsForAWSResource`. */
  readonly isForAwsResource?: boolean;
  /** The requested constraints (`kms:GrantConstraintType`). */
  readonly constraints?: GrantConstraints;
  /** RetireGrant / RevokeGrant: the grant acted on. */
  readonly grantId?: string;
}

/** Other operation parameters that condition keys read. */
export interface OperationParameters {
  /** `kms:EncryptionAlgorithm`. */
  readonly encryptionAlgorithm?: string;
  /** `kms:SigningAlgorithm`. */
  readonly signingAlgorithm?: string;
  /** `kms:MacAlgorithm`. */
  readonly macAlgorithm?: string;
  /** `kms:DataKeyPairSpec`. */
  readonly dataKeyPairSpec?: string;
  /** `kms:MessageType`. */
  readonly messageType?: string;
  /** `kms:RotationPeriodInDays`. */
  readonly rotationPeriodInDays?: number;
  /** `kms:ScheduleKeyDeletionPendingWindowInDays`. */
  readonly pendingWindowInDays?: number;
  /** `kms:BypassPolicyLockoutSafetyCheck`. */
  readonly bypassPolicyLockoutSafetyCheck?: boolean;
  /** `kms:ReEncryptOnSameKey`. */
  readonly reEncryptOnSameKey?: boolean;
}

/** Everything evaluation knows about one request. */
export interface RequestContext {
  readonly principal: CallerPrincipal;
  /** The IAM action, `kms:Encrypt`; matched case-insensitively. */
  readonly action: string;
  readonly key: KeyAttributes;
  /** The request's region: `aws:RequestedRegion`. */
  readonly region?: string;
  /** `kms:EncryptionContext:<k>`, `kms:EncryptionContextKeys`. */
  readonly encryptionContext?: Readonly<Record<string, string>>;
  /** `kms:ViaService`, e.g. `s3.us-east-1.amazonaws.com`; absent for direct calls. */
  readonly viaService?: string;
  /** `aws:SourceIp`. */
  readonly sourceIp?: string;
  /** `aws:CurrentTime` / `aws:EpochTime`; the evaluator never reads a clock. */
  readonly time?: Date;
  /** `aws:SecureTransport`. */
  readonly secureTransport?: boolean;
  /** `kms:RequestAlias`: the alias the caller named the key by. */
  readonly requestAlias?: string;
  /** Tags in the request: `aws:RequestTag/<k>`, `aws:TagKeys`. */
  readonly requestTags?: Readonly<Record<string, string>>;
  /** Tag keys in an UntagResource request (`aws:TagKeys`) when there are no tag values. */
  readonly tagKeys?: readonly string[];
  /** `aws:SourceArn` / `aws:SourceAccount` when a service calls on a resource's behalf. */
  readonly sourceArn?: string;
  readonly sourceAccount?: string;
  readonly grant?: GrantRequestFields;
  readonly parameters?: OperationParameters;
}

/** A grant on the key. */
export interface Grant {
  readonly grantId: string;
  /** Grantee ARN, or a service principal name for `GranteeServicePrincipal`. */
  readonly granteePrincipal: string;
  readonly retiringPrincipal?: string;
  /** Operation names without `kms:` (`Decrypt`, `GenerateDataKey`). */
  readonly operations: readonly string[];
  readonly constraints?: GrantConstraints;
  /** The account the grant was created in (may retire it). */
  readonly issuingAccount?: string;
}

/** Which statement decided: its Sid, or its index when it has none. */
export type StatementRef = string | number;

/** Why a decision came out as it did. */
export type DecisionReason =
  | {
      readonly kind: 'explicit-deny';
      readonly source: 'key-policy' | 'identity-policy';
      readonly statement: StatementRef;
      /** Index of the identity policy in the input list. */
      readonly policy?: number;
    }
  | { readonly kind: 'allow'; readonly source: 'key-policy'; readonly statement: StatementRef }
  | {
      readonly kind: 'allow';
      readonly source: 'identity-policy';
      readonly statement: StatementRef;
      readonly policy: number;
      /** The key-policy statement that delegated to the caller's account (or named the caller). */
      readonly keyPolicyStatement: StatementRef;
    }
  | { readonly kind: 'allow'; readonly source: 'grant'; readonly grantId: string }
  | { readonly kind: 'implicit-deny' };

/** The outcome of {@link evaluatePolicies}. */
export interface PolicyDecision {
  readonly decision: 'Allow' | 'Deny';
  readonly reason: DecisionReason;
}

/** What {@link evaluatePolicies} decides on. */
export interface EvaluationInput {
  readonly keyPolicy: Policy;
  /** The caller's identity (IAM) policies, from the caller's own account. */
  readonly identityPolicies?: readonly Policy[];
  /** The grants on the key. */
  readonly grants?: readonly Grant[];
  readonly request: RequestContext;
}
