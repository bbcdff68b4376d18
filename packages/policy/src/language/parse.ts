import { KmsError } from '@keyhold/core';
import { NULL_OPERATOR, OPERATORS, parseOperatorName } from './operators.js';
import { POLICY_VERSIONS } from './types.js';
import type {
  ConditionClause,
  Effect,
  PatternElement,
  Policy,
  PolicyKind,
  PolicyVersion,
  PrincipalElement,
  Statement,
} from './types.js';

/** AWS's documented key policy size limit, in bytes. */
export const MAX_POLICY_BYTES = 32_768;

/** Options for {@link parsePolicy}. */
export interface ParsePolicyOptions {
  /**
   * `key` (default): every statement needs Principal or NotPrincipal.
   * `identity`: an IAM policy, where Principal and NotPrincipal are not allowed.
   */
  readonly kind?: PolicyKind;
  /** @default MAX_POLICY_BYTES */
  readonly maxBytes?: number;
}

// AWS's Policy shape pattern: tab, LF, CR, and U+0020 to U+00FF.
const ALLOWED_CHARS = /^[\t\n\r\u0020-\u00FF]*$/;
const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_ELEMENTS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const ACTION = /^(\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$/;
const RESOURCE = /^(\*|arn:\S+)$/;
const AWS_PRINCIPAL = /^(\*|\d{12}|arn:aws[a-z-]*:(iam|sts)::\d{12}:[^*?\s]+)$/;
const SERVICE_PRINCIPAL = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;
const CONDITION_KEY = /^[A-Za-z0-9-]+:\S+$/;

function malformed(message: string): KmsError {
  return new KmsError('MalformedPolicyDocumentException', message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

/** A string or a non-empty array of strings, each passing `check`. */
function stringList(
  value: unknown,
  where: string,
  check: (s: string) => boolean,
  what: string,
): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) {
    throw malformed(`${where} must be a string or an array of strings, not ${describe(value)}`);
  }
  if (list.length === 0) throw malformed(`${where} must not be an empty array`);
  return list.map((item, i) => {
    if (typeof item !== 'string') {
      throw malformed(`${where}[${i}] must be a string, not ${describe(item)}`);
    }
    if (!check(item)) throw malformed(`${where} has an invalid ${what}: "${item}"`);
    return item;
  });
}

function parsePrincipal(value: unknown, where: string): PrincipalElement {
  if (value === '*') return { aws: ['*'], service: [] };
  if (!isRecord(value)) {
    throw malformed(
      `${where} must be "*" or an object with AWS or Service, not ${describe(value)}`,
    );
  }
  let aws: string[] = [];
  let service: string[] = [];
  const types = Object.keys(value);
  if (types.length === 0) throw malformed(`${where} names no principal`);
  for (const type of types) {
    const at = `${where}.${type}`;
    if (type === 'AWS') {
      aws = stringList(value[type], at, (s) => AWS_PRINCIPAL.test(s), 'AWS principal');
    } else if (type === 'Service') {
      service = stringList(value[type], at, (s) => SERVICE_PRINCIPAL.test(s), 'service principal');
    } else {
      throw malformed(`${where} has an unsupported principal type "${type}" (use AWS or Service)`);
    }
  }
  return { aws, service };
}

function scalarValue(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  throw malformed(`${where} must be a string, number or boolean, not ${describe(value)}`);
}

function parseCondition(value: unknown, where: string): ConditionClause[] {
  if (!isRecord(value)) throw malformed(`${where} must be an object, not ${describe(value)}`);
  const clauses: ConditionClause[] = [];
  for (const [operator, block] of Object.entries(value)) {
    const parsed = parseOperatorName(operator);
    if (parsed === undefined) {
      throw malformed(`${where} has an unknown condition operator "${operator}"`);
    }
    const at = `${where}.${operator}`;
    if (!isRecord(block)) throw malformed(`${at} must be an object, not ${describe(block)}`);
    for (const [key, raw] of Object.entries(block)) {
      const keyAt = `${at}["${key}"]`;
      if (!CONDITION_KEY.test(key)) throw malformed(`${at} has an invalid condition key "${key}"`);
      const list = Array.isArray(raw) ? raw : [raw];
      if (list.length === 0) throw malformed(`${keyAt} must have at least one value`);
      const values = list.map((v, i) =>
        scalarValue(v, Array.isArray(raw) ? `${keyAt}[${i}]` : keyAt),
      );
      for (const v of values) {
        const problem =
          parsed.base === NULL_OPERATOR
            ? v.toLowerCase() === 'true' || v.toLowerCase() === 'false'
              ? undefined
              : `"${v}" is not true or false`
            : OPERATORS[parsed.base]?.validate(v);
        if (problem !== undefined) throw malformed(`${keyAt}: ${problem}`);
      }
      clauses.push({ operator, ...parsed, key, values });
    }
  }
  return clauses;
}

function patternElement(
  statement: Record<string, unknown>,
  name: string,
  where: string,
  check: (s: string) => boolean,
  what: string,
): PatternElement | undefined {
  const notName = `Not${name}`;
  const has = Object.hasOwn(statement, name);
  const hasNot = Object.hasOwn(statement, notName);
  if (has && hasNot) throw malformed(`${where} has both ${name} and ${notName}`);
  if (!has && !hasNot) return undefined;
  const key = has ? name : notName;
  return { negated: !has, patterns: stringList(statement[key], `${where}.${key}`, check, what) };
}

function parseStatement(value: unknown, index: number, kind: PolicyKind): Statement {
  let where = `Statement[${index}]`;
  if (!isRecord(value)) throw malformed(`${where} must be an object, not ${describe(value)}`);
  const sidValue = value['Sid'];
  if (sidValue !== undefined && typeof sidValue !== 'string') {
    throw malformed(`${where}.Sid must be a string, not ${describe(sidValue)}`);
  }
  const sid = sidValue;
  if (sid !== undefined && sid !== '') where += ` (Sid "${sid}")`;
  for (const element of Object.keys(value)) {
    if (!STATEMENT_ELEMENTS.has(element))
      throw malformed(`${where} has an unknown element "${element}"`);
  }
  const effect = value['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') {
    throw malformed(
      effect === undefined
        ? `${where} is missing Effect`
        : `${where}.Effect must be "Allow" or "Deny", not ${JSON.stringify(effect)}`,
    );
  }
  const hasPrincipal = Object.hasOwn(value, 'Principal');
  const hasNotPrincipal = Object.hasOwn(value, 'NotPrincipal');
  let principal: Statement['principal'];
  if (kind === 'identity') {
    if (hasPrincipal || hasNotPrincipal) {
      throw malformed(`${where}: an identity policy cannot have Principal or NotPrincipal`);
    }
  } else {
    if (hasPrincipal && hasNotPrincipal)
      throw malformed(`${where} has both Principal and NotPrincipal`);
    if (!hasPrincipal && !hasNotPrincipal) throw malformed(`${where} is missing Principal`);
    const name = hasPrincipal ? 'Principal' : 'NotPrincipal';
    principal = { ...parsePrincipal(value[name], `${where}.${name}`), negated: !hasPrincipal };
  }
  const action = patternElement(value, 'Action', where, (s) => ACTION.test(s), 'action');
  const resource = patternElement(value, 'Resource', where, (s) => RESOURCE.test(s), 'resource');
  const conditions =
    value['Condition'] === undefined
      ? []
      : parseCondition(value['Condition'], `${where}.Condition`);
  return { index, sid, effect: effect satisfies Effect, principal, action, resource, conditions };
}

/**
 * Parses and validates a policy document (AWS's JSON policy grammar) into a
 * {@link Policy}. Statements without Action or Resource are kept but never
 * apply, as in AWS.
 *
 * @throws KmsError `MalformedPolicyDocumentException` naming the statement
 *   (index and Sid) and element at fault; `LimitExceededException` when the
 *   document is over {@link MAX_POLICY_BYTES}.
 */
export function parsePolicy(document: string, options: ParsePolicyOptions = {}): Policy {
  const kind = options.kind ?? 'key';
  const maxBytes = options.maxBytes ?? MAX_POLICY_BYTES;
  if (Buffer.byteLength(document, 'utf8') > maxBytes) {
    throw new KmsError('LimitExceededException', `Policy exceeds the limit of ${maxBytes} bytes`);
  }
  if (document.trim() === '') throw malformed('Policy document is empty');
  if (!ALLOWED_CHARS.test(document)) {
    const bad = [...document].findIndex((c) => !ALLOWED_CHARS.test(c));
    throw malformed(`Policy contains a character outside \\u0020-\\u00FF at offset ${bad}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(document);
  } catch (err) {
    throw malformed(`Policy is not valid JSON: ${(err as Error).message}`);
  }
  if (!isRecord(json)) throw malformed(`Policy must be a JSON object, not ${describe(json)}`);
  for (const element of Object.keys(json)) {
    if (!TOP_LEVEL.has(element)) throw malformed(`Policy has an unknown element "${element}"`);
  }
  const version = json['Version'];
  if (version !== undefined && !POLICY_VERSIONS.includes(version as PolicyVersion)) {
    throw malformed(
      `Version must be one of ${POLICY_VERSIONS.join(', ')}, not ${JSON.stringify(version)}`,
    );
  }
  const id = json['Id'];
  if (id !== undefined && typeof id !== 'string') {
    throw malformed(`Id must be a string, not ${describe(id)}`);
  }
  const raw = json['Statement'];
  if (raw === undefined) throw malformed('Policy is missing Statement');
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) throw malformed('Statement must not be an empty array');
  return {
    version: version as PolicyVersion | undefined,
    id,
    statements: list.map((s, i) => parseStatement(s, i, kind)),
  };
}

const oneOrMany = (list: readonly string[]): string | readonly string[] =>
  list.length === 1 ? (list[0] as string) : list;

function serializePrincipal(p: PrincipalElement): unknown {
  if (p.service.length === 0 && p.aws.length === 1 && p.aws[0] === '*') return '*';
  const out: Record<string, unknown> = {};
  if (p.aws.length > 0) out['AWS'] = oneOrMany(p.aws);
  if (p.service.length > 0) out['Service'] = oneOrMany(p.service);
  return out;
}

/**
 * The canonical JSON of a parsed policy: `parsePolicy(serializePolicy(p))`
 * equals `p`. Condition values come out as strings.
 */
export function serializePolicy(policy: Policy): string {
  const statements = policy.statements.map((s) => {
    const out: Record<string, unknown> = {};
    if (s.sid !== undefined) out['Sid'] = s.sid;
    out['Effect'] = s.effect;
    if (s.principal !== undefined) {
      out[s.principal.negated ? 'NotPrincipal' : 'Principal'] = serializePrincipal(s.principal);
    }
    if (s.action !== undefined) {
      out[s.action.negated ? 'NotAction' : 'Action'] = oneOrMany(s.action.patterns);
    }
    if (s.resource !== undefined) {
      out[s.resource.negated ? 'NotResource' : 'Resource'] = oneOrMany(s.resource.patterns);
    }
    if (s.conditions.length > 0) {
      const condition: Record<string, Record<string, string | readonly string[]>> = {};
      for (const c of s.conditions) {
        (condition[c.operator] ??= {})[c.key] = oneOrMany(c.values);
      }
      out['Condition'] = condition;
    }
    return out;
  });
  const doc: Record<string, unknown> = {};
  if (policy.version !== undefined) doc['Version'] = policy.version;
  if (policy.id !== undefined) doc['Id'] = policy.id;
  doc['Statement'] = statements;
  return JSON.stringify(doc);
}
