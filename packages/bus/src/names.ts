/**
 * Subjects and stream names, all derived from one prefix so that each test
 * file (or each cluster sharing a NATS server) gets its own.
 */
export interface BusNames {
  readonly prefix: string;
  /** Stream holding every key event, subjects `<prefix>.key.<region>.<keyId>`. */
  readonly keyEventsStream: string;
  readonly keyEventsSubjects: string;
  /** Stream holding packed audit records, subjects `<prefix>.audit.<region>`. */
  readonly auditStream: string;
  readonly auditSubjects: string;
  /**
   * Core NATS subject announcing identity changes (an access key or a
   * principal, never a secret), so that caches of signing keys and identity
   * policies elsewhere drop what changed.
   */
  readonly identityChangedSubject: string;
  keyEventSubject(region: string, keyId: string): string;
  auditSubject(region: string): string;
}

/** @param prefix a NATS token, e.g. `keyhold` (the default) or `t_1234`. */
export function busNames(prefix = 'keyhold'): BusNames {
  if (!/^[A-Za-z0-9_-]+$/.test(prefix)) throw new Error(`invalid bus prefix '${prefix}'`);
  const upper = prefix.toUpperCase().replace(/-/g, '_');
  return {
    prefix,
    keyEventsStream: `${upper}_KEY_EVENTS`,
    keyEventsSubjects: `${prefix}.key.>`,
    auditStream: `${upper}_AUDIT`,
    auditSubjects: `${prefix}.audit.>`,
    identityChangedSubject: `${prefix}.identity.changed`,
    keyEventSubject: (region, keyId) => `${prefix}.key.${region}.${keyId}`,
    auditSubject: (region) => `${prefix}.audit.${region}`,
  };
}
