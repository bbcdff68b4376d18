import { KmsError } from '@keyhold/core';
import { describe, expect, it } from 'vitest';
import { DENY_REASON_KEY, ERROR_CODE_KEY, fromServiceError, toServiceError } from './errors.js';

const denied = KmsError.accessDenied(
  'arn:aws:iam::111122223333:user/app',
  'kms:DescribeKey',
  'arn:aws:kms:us-east-1:111122223333:key/k',
  "explicit deny: key policy statement 'Süd'",
);

describe('the deny reason across gRPC', () => {
  it('travels between Keyhold services and comes back on the KmsError', () => {
    const se = toServiceError(denied, 'req-1', { withAuditDetail: true });
    expect(se.metadata?.get(ERROR_CODE_KEY)).toEqual(['AccessDeniedException']);
    expect(se.details).toBe(denied.message);
    const back = fromServiceError(se);
    expect(back.code).toBe('AccessDeniedException');
    expect(back.message).toBe(denied.message);
    expect(back.audit).toEqual({ denyReason: "explicit deny: key policy statement 'Süd'" });
  });

  it('is left out unless asked for: what the gateway answers outside callers with', () => {
    const se = toServiceError(denied, 'req-1');
    expect(se.metadata?.get(DENY_REASON_KEY)).toEqual([]);
    expect(fromServiceError(se).audit).toBeUndefined();
  });
});
