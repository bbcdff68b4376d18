export { MAX_POLICY_BYTES, parsePolicy, serializePolicy } from './parse.js';
export type { ParsePolicyOptions } from './parse.js';
export { CROSS_ACCOUNT_OPERATIONS, evaluatePolicies } from './evaluate-policies.js';
export { GRANT_OPERATIONS, constraintsSatisfied, grantAllows } from './grants.js';
export { wouldLockOut } from './lockout.js';
export type { LockoutOptions } from './lockout.js';
export { OPERATORS, parseOperatorName } from './operators.js';
export { KNOWN_CONDITION_KEYS, conditionKeyResolver } from './context-keys.js';
export { POLICY_VERSIONS } from './types.js';
export type {
  CallerPrincipal,
  ConditionClause,
  DecisionReason,
  Effect,
  EvaluationInput,
  Grant,
  GrantConstraints,
  GrantRequestFields,
  KeyAttributes,
  OperationParameters,
  PatternElement,
  Policy,
  PolicyDecision,
  PolicyKind,
  PolicyVersion,
  PrincipalElement,
  PrincipalType,
  RequestContext,
  SetQualifier,
  Statement,
  StatementRef,
} from './types.js';
