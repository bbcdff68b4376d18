import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';

/**
 * Who is calling and from where, established by the gateway after SigV4 and
 * trusted inside the cluster. Travels in gRPC metadata on unary calls.
 */
export interface RequestContext {
  readonly requestId: string;
  /** The logical region of the request, from the SigV4 credential scope. */
  readonly region: string;
  /** The caller's account. */
  readonly accountId: string;
  readonly principalArn: string;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly viaService: string;
  /** The AWS operation name, e.g. `Encrypt`. */
  readonly operation: string;
}

const FIELDS: ReadonlyArray<readonly [keyof RequestContext, string]> = [
  ['requestId', 'x-kh-request-id'],
  ['region', 'x-kh-region'],
  ['accountId', 'x-kh-account-id'],
  ['principalArn', 'x-kh-principal-arn'],
  ['sourceIp', 'x-kh-source-ip'],
  ['userAgent', 'x-kh-user-agent'],
  ['viaService', 'x-kh-via-service'],
  ['operation', 'x-kh-operation'],
];

/** A context for calls a service makes on its own behalf (jobs, start-up). */
export function systemContext(region: string, service: string, operation: string): RequestContext {
  return {
    requestId: randomUUID(),
    region,
    accountId: '',
    principalArn: `keyhold:service/${service}`,
    sourceIp: '',
    userAgent: service,
    viaService: '',
    operation,
  };
}

/** Writes `ctx` into gRPC metadata (a new Metadata unless one is given). */
export function contextToMetadata(ctx: RequestContext, md = new grpc.Metadata()): grpc.Metadata {
  for (const [field, header] of FIELDS) {
    const value = ctx[field];
    // Metadata values must be printable ASCII; user agents may not be.
    md.set(header, encodeURIComponent(value));
  }
  return md;
}

/** Reads a context from metadata; absent fields are empty strings. */
export function contextFromMetadata(md: grpc.Metadata): RequestContext {
  const out: Record<string, string> = {};
  for (const [field, header] of FIELDS) {
    const raw = md.get(header)[0];
    let value = '';
    if (typeof raw === 'string') {
      try {
        value = decodeURIComponent(raw);
      } catch {
        value = '';
      }
    }
    out[field] = value;
  }
  if (!out['requestId']) out['requestId'] = randomUUID();
  return out as unknown as RequestContext;
}
