import { cidrContains, parseCidr, parseIp } from './ip.js';
import type { SetQualifier } from './types.js';
import { anyMatcher, wildcardMatcher } from './wildcard.js';

/** Tests one request value against all of a clause's policy values (OR). */
export type ValueTest = (contextValue: string) => boolean;

/** How one condition operator reads its values. */
export interface OperatorSpec {
  /**
   * Negated operators (StringNotEquals, NotIpAddress, ...) are true when the
   * request value matches none of the policy values, and true when the key is
   * missing.
   */
  readonly negated: boolean;
  /** Checks one policy value when the policy is parsed: a problem, or undefined. */
  readonly validate: (value: string) => string | undefined;
  /** The positive test: true when the request value matches any policy value. */
  readonly compile: (values: readonly string[]) => ValueTest;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

/** Parses an ISO 8601 date or epoch seconds into epoch milliseconds. */
export function parseDate(value: string): number | undefined {
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!ISO_DATE.test(value)) return undefined;
  // A time without a zone is UTC in IAM; Date.parse would use the local zone.
  const text = value.includes('T') && !HAS_ZONE.test(value.slice(10)) ? `${value}Z` : value;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function parseNumber(value: string): number | undefined {
  return NUMBER.test(value) ? Number(value) : undefined;
}

const any = (): undefined => undefined;

function stringOp(negated: boolean, ignoreCase: boolean): OperatorSpec {
  return {
    negated,
    validate: any,
    compile: (values) => {
      if (ignoreCase) {
        const set = new Set(values.map((v) => v.toLowerCase()));
        return (v) => set.has(v.toLowerCase());
      }
      const set = new Set(values);
      return (v) => set.has(v);
    },
  };
}

function likeOp(negated: boolean): OperatorSpec {
  return { negated, validate: any, compile: (values) => anyMatcher(values) };
}

function numericOp(negated: boolean, cmp: (ctx: number, policy: number) => boolean): OperatorSpec {
  return {
    negated,
    validate: (v) => (parseNumber(v) === undefined ? `"${v}" is not a number` : undefined),
    compile: (values) => {
      const numbers = values.map((v) => Number(v));
      return (v) => {
        const n = parseNumber(v);
        return n !== undefined && numbers.some((p) => cmp(n, p));
      };
    },
  };
}

function dateOp(negated: boolean, cmp: (ctx: number, policy: number) => boolean): OperatorSpec {
  return {
    negated,
    validate: (v) => (parseDate(v) === undefined ? `"${v}" is not a date` : undefined),
    compile: (values) => {
      const dates = values.map((v) => parseDate(v) ?? NaN);
      return (v) => {
        const n = parseDate(v);
        return n !== undefined && dates.some((p) => cmp(n, p));
      };
    },
  };
}

function ipOp(negated: boolean): OperatorSpec {
  return {
    negated,
    validate: (v) =>
      parseCidr(v) === undefined ? `"${v}" is not an IP address or CIDR` : undefined,
    compile: (values) => {
      const blocks = values.flatMap((v) => parseCidr(v) ?? []);
      return (v) => {
        const ip = parseIp(v);
        return ip !== undefined && blocks.some((b) => cidrContains(b, ip));
      };
    },
  };
}

/** Splits an ARN into its six colon-separated parts (the last may hold colons). */
function arnParts(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6) return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

function arnOp(negated: boolean): OperatorSpec {
  return {
    negated,
    validate: (v) => (v === '*' || arnParts(v) !== undefined ? undefined : `"${v}" is not an ARN`),
    compile: (values) => {
      // ArnEquals and ArnLike both match each of the six parts separately, with wildcards.
      const tests = values.map((v): ((ctx: readonly string[]) => boolean) => {
        const parts = v === '*' ? undefined : arnParts(v);
        if (parts === undefined) return () => true;
        const matchers = parts.map((p) => wildcardMatcher(p));
        return (ctx) => matchers.every((m, i) => m(ctx[i] ?? ''));
      });
      return (v) => {
        const ctx = arnParts(v);
        return ctx !== undefined && tests.some((t) => t(ctx));
      };
    },
  };
}

const BOOL: OperatorSpec = {
  negated: false,
  validate: (v) =>
    v.toLowerCase() === 'true' || v.toLowerCase() === 'false'
      ? undefined
      : `"${v}" is not true or false`,
  compile: (values) => {
    const set = new Set(values.map((v) => v.toLowerCase()));
    return (v) => set.has(v.toLowerCase());
  },
};

const BINARY: OperatorSpec = {
  negated: false,
  validate: (v) => (/^[A-Za-z0-9+/]*={0,2}$/.test(v) ? undefined : `"${v}" is not base64`),
  compile: (values) => {
    const set = new Set(values.map((v) => Buffer.from(v, 'base64').toString('base64')));
    return (v) => set.has(Buffer.from(v, 'base64').toString('base64'));
  },
};

/** Every condition operator except Null, by name. */
export const OPERATORS: Readonly<Record<string, OperatorSpec>> = {
  StringEquals: stringOp(false, false),
  StringNotEquals: stringOp(true, false),
  StringEqualsIgnoreCase: stringOp(false, true),
  StringNotEqualsIgnoreCase: stringOp(true, true),
  StringLike: likeOp(false),
  StringNotLike: likeOp(true),
  NumericEquals: numericOp(false, (a, b) => a === b),
  NumericNotEquals: numericOp(true, (a, b) => a === b),
  NumericLessThan: numericOp(false, (a, b) => a < b),
  NumericLessThanEquals: numericOp(false, (a, b) => a <= b),
  NumericGreaterThan: numericOp(false, (a, b) => a > b),
  NumericGreaterThanEquals: numericOp(false, (a, b) => a >= b),
  DateEquals: dateOp(false, (a, b) => a === b),
  DateNotEquals: dateOp(true, (a, b) => a === b),
  DateLessThan: dateOp(false, (a, b) => a < b),
  DateLessThanEquals: dateOp(false, (a, b) => a <= b),
  DateGreaterThan: dateOp(false, (a, b) => a > b),
  DateGreaterThanEquals: dateOp(false, (a, b) => a >= b),
  Bool: BOOL,
  BinaryEquals: BINARY,
  IpAddress: ipOp(false),
  NotIpAddress: ipOp(true),
  ArnEquals: arnOp(false),
  ArnNotEquals: arnOp(true),
  ArnLike: arnOp(false),
  ArnNotLike: arnOp(true),
};

/** The Null operator: `"true"` asks for the key to be missing. */
export const NULL_OPERATOR = 'Null';

/** An operator name taken apart. */
export interface ParsedOperator {
  readonly base: string;
  readonly qualifier: SetQualifier | undefined;
  readonly ifExists: boolean;
}

/**
 * Splits `ForAnyValue:StringLikeIfExists` into its parts; undefined for an
 * unknown operator. Operator names are case-sensitive, as in IAM.
 */
export function parseOperatorName(name: string): ParsedOperator | undefined {
  let rest = name;
  let qualifier: SetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon !== -1) {
    const q = rest.slice(0, colon);
    if (q !== 'ForAllValues' && q !== 'ForAnyValue') return undefined;
    qualifier = q;
    rest = rest.slice(colon + 1);
  }
  if (rest === NULL_OPERATOR) {
    return qualifier === undefined ? { base: rest, qualifier, ifExists: false } : undefined;
  }
  let ifExists = false;
  if (rest.endsWith('IfExists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  if (!Object.hasOwn(OPERATORS, rest)) return undefined;
  return { base: rest, qualifier, ifExists };
}
