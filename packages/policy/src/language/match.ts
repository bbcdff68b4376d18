import { conditionKeyResolver, principalIamArn } from './context-keys.js';
import type { KeyResolver } from './context-keys.js';
import { NULL_OPERATOR, OPERATORS } from './operators.js';
import type { ValueTest } from './operators.js';
import type { CallerPrincipal, ConditionClause, RequestContext, Statement } from './types.js';
import { anyMatcher } from './wildcard.js';
import type { Matcher } from './wildcard.js';

/**
 * How a statement's Principal names the caller: `direct` (the caller itself,
 * `*`, a matching service, or the root user of a named account), `account`
 * (the caller's account root: for a user or role this only delegates to IAM),
 * or `none`.
 */
export type PrincipalMatch = 'direct' | 'account' | 'none';

interface CompiledClause {
  readonly clause: ConditionClause;
  readonly resolve: KeyResolver;
  readonly test: ValueTest | undefined;
  readonly negated: boolean;
}

interface CompiledStatement {
  readonly action: (action: string) => boolean;
  readonly resource: (arn: string) => boolean;
  readonly clauses: readonly CompiledClause[];
}

const ROOT_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;
const never = (): boolean => false;

function patternTest(
  element: Statement['action'],
  ignoreCase: boolean,
): (value: string) => boolean {
  if (element === undefined) return never;
  const m: Matcher = anyMatcher(element.patterns, ignoreCase);
  return element.negated ? (v) => !m(v) : m;
}

function compileClause(clause: ConditionClause): CompiledClause {
  const spec = OPERATORS[clause.base];
  return {
    clause,
    resolve: conditionKeyResolver(clause.key),
    test: spec?.compile(clause.values),
    negated: spec?.negated ?? false,
  };
}

// Statements are immutable data, so compiled matchers can hang off them.
const compiled = new WeakMap<Statement, CompiledStatement>();

function compile(statement: Statement): CompiledStatement {
  let c = compiled.get(statement);
  if (c === undefined) {
    c = {
      action: patternTest(statement.action, true),
      resource: patternTest(statement.resource, false),
      clauses: statement.conditions.map(compileClause),
    };
    compiled.set(statement, c);
  }
  return c;
}

/**
 * Evaluates one condition clause with AWS semantics: several policy values
 * are ORed; a negated operator is true when no value matches; a missing key
 * makes positive operators false, negated ones true, `IfExists` true,
 * `ForAllValues` true and `ForAnyValue` false.
 */
function clauseHolds(c: CompiledClause, ctx: RequestContext): boolean {
  const values = c.resolve(ctx);
  const present = values !== undefined && values.length > 0;
  const { clause } = c;
  if (clause.base === NULL_OPERATOR) {
    return clause.values.some((v) => (v.toLowerCase() === 'true') !== present);
  }
  if (!present) {
    if (clause.ifExists) return true;
    if (clause.qualifier === 'ForAllValues') return true;
    if (clause.qualifier === 'ForAnyValue') return false;
    return c.negated;
  }
  const test = c.test;
  if (test === undefined) return false;
  const perValue = c.negated ? (v: string) => !test(v) : test;
  switch (clause.qualifier) {
    case 'ForAllValues':
      return values.every(perValue);
    case 'ForAnyValue':
      return values.some(perValue);
    default:
      // Without a qualifier a multi-valued key matches when any value does.
      return c.negated ? values.every(perValue) : values.some(test);
  }
}

/** True when every condition of the statement holds for the request (AND). */
export function conditionsHold(statement: Statement, ctx: RequestContext): boolean {
  return compile(statement).clauses.every((c) => clauseHolds(c, ctx));
}

/** True when the statement's Action/NotAction and Resource/NotResource cover the request. */
export function coversRequest(statement: Statement, ctx: RequestContext): boolean {
  const c = compile(statement);
  return c.action(ctx.action) && c.resource(ctx.key.arn);
}

interface CompiledPrincipal {
  readonly negated: boolean;
  readonly any: boolean;
  /** Accounts named by id or root ARN. */
  readonly accounts: ReadonlySet<string>;
  readonly arns: ReadonlySet<string>;
  /** Service principal names, lower case. */
  readonly services: ReadonlySet<string>;
}

function compilePrincipal(p: NonNullable<Statement['principal']>): CompiledPrincipal {
  const accounts = new Set<string>();
  const arns = new Set<string>();
  for (const entry of p.aws) {
    const account = /^\d{12}$/.test(entry) ? entry : ROOT_ARN.exec(entry)?.[1];
    if (account !== undefined) accounts.add(account);
    else if (entry !== '*') arns.add(entry);
  }
  return {
    negated: p.negated,
    any: p.aws.includes('*'),
    accounts,
    arns,
    services: new Set(p.service.map((s) => s.toLowerCase())),
  };
}

const principals = new WeakMap<Statement, CompiledPrincipal>();

function namesCaller(p: CompiledPrincipal, caller: CallerPrincipal): PrincipalMatch {
  if (p.any) return 'direct';
  if (caller.type === 'service') {
    return p.services.has(caller.arn.toLowerCase()) ? 'direct' : 'none';
  }
  if (p.arns.has(caller.arn) || p.arns.has(principalIamArn(caller.arn))) return 'direct';
  if (p.accounts.has(caller.accountId)) return caller.type === 'root' ? 'direct' : 'account';
  return 'none';
}

/** How the statement's Principal/NotPrincipal names the caller. */
export function principalMatch(statement: Statement, caller: CallerPrincipal): PrincipalMatch {
  const element = statement.principal;
  if (element === undefined) return 'direct';
  let p = principals.get(statement);
  if (p === undefined) {
    p = compilePrincipal(element);
    principals.set(statement, p);
  }
  const m = namesCaller(p, caller);
  if (!p.negated) return m;
  // NotPrincipal: applies to everyone it does not name (an account entry names its principals).
  return m === 'none' ? 'direct' : 'none';
}

/** True when the statement applies to the request apart from its principal. */
export function statementApplies(statement: Statement, ctx: RequestContext): boolean {
  return coversRequest(statement, ctx) && conditionsHold(statement, ctx);
}
