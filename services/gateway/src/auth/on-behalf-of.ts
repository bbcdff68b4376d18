import { KmsError, parsePrincipalArn } from '@keyhold/core';
import type { Caller } from './verifier.js';

/**
 * Forward access sessions, Keyhold's way: a service principal (an object
 * store, a queue) calls KMS for one of its users, the way S3 calls KMS for
 * SSE-KMS. The service signs with its own access key and names the user in
 * this header; the header must be signed (SigV4 SignedHeaders on the JSON
 * endpoint, the signed metadata of a native call), and only a service
 * principal may send it.
 */
export const ON_BEHALF_OF_HEADER = 'x-keyhold-on-behalf-of';

/** Who a request is evaluated, metered and audited as. */
export interface ActingIdentity {
  /** The account whose quota is spent and whose key-policy and identity rules apply. */
  readonly accountId: string;
  /** The IAM principal, or the service principal name when a service acts as itself. */
  readonly principalArn: string;
  /** The access key that signed (the service's own when it acts for a user). */
  readonly accessKeyId: string;
  /** `kms:ViaService`; empty for a direct call. */
  readonly viaService: string;
  /** The service principal that made the call, when one did: the audit record's `invokedBy`. */
  readonly invokedBy?: string;
}

/**
 * `kms:ViaService` of a call a service makes for a user: AWS names its own
 * services by region (`s3.amazonaws.com` calls come via
 * `s3.us-east-1.amazonaws.com`); the platform's own services are named as
 * they are registered (`objectstore.keyhold.internal`), having no regions.
 */
export function viaServiceOf(servicePrincipal: string, region: string): string {
  const aws = /^(.+)\.amazonaws\.com$/i.exec(servicePrincipal);
  return aws ? `${aws[1]}.${region}.amazonaws.com` : servicePrincipal;
}

/**
 * The caller acting as itself: a direct call (a service principal's own call
 * has its name as invokedBy).
 */
export function directIdentity(caller: Caller): ActingIdentity {
  return {
    accountId: caller.accountId,
    principalArn: caller.principalArn,
    accessKeyId: caller.accessKeyId,
    viaService: '',
    ...(caller.servicePrincipal ? { invokedBy: caller.servicePrincipal } : {}),
  };
}

/**
 * Applies the on-behalf-of rules to an authenticated caller: `values` are the
 * header's values as received (absent: undefined or none), `signedHeaders`
 * the request's signed header names, lower case.
 */
export function actingIdentity(
  caller: Caller,
  values: readonly string[] | undefined,
  signedHeaders: readonly string[],
  region: string,
): ActingIdentity {
  if (values === undefined || values.length === 0) return directIdentity(caller);
  if (!signedHeaders.includes(ON_BEHALF_OF_HEADER)) {
    throw new KmsError(
      'IncompleteSignatureException',
      `'${ON_BEHALF_OF_HEADER}' must be a 'SignedHeader' in the AWS Authorization.`,
    );
  }
  const service = caller.servicePrincipal;
  if (!service) {
    throw new KmsError(
      'AccessDeniedException',
      `User: ${caller.principalArn} is not a service principal and cannot call on behalf of another principal.`,
    );
  }
  const account = values.length === 1 ? parsePrincipalArn(values[0]!)?.accountId : undefined;
  if (account === undefined) {
    throw KmsError.validation(
      `'${ON_BEHALF_OF_HEADER}' must name one IAM principal ARN (arn:aws:iam::<account>:user/<name>, role/<name> or root).`,
    );
  }
  return {
    accountId: account,
    principalArn: values[0]!,
    accessKeyId: caller.accessKeyId,
    viaService: viaServiceOf(service, region),
    invokedBy: service,
  };
}
