import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTS, serviceEnv } from './cluster.js';

const base = {
  databaseUrl: 'postgres://u:p@127.0.0.1:5432/keyhold',
  natsUrl: 'nats://127.0.0.1:4222',
  httpPort: 4599,
  rootKeyringFile: '/state/dev-root-keyring.json',
  identitiesFile: '/state/identities.json',
};

describe('serviceEnv', () => {
  it('gives quota-limiter its state file and audit-log its signing key, when set', () => {
    const options = {
      ...base,
      quotaStateFile: '/state/quota-overrides.json',
      auditSigningKeyFile: '/state/dev-audit-signing-key.pem',
    };
    expect(serviceEnv('quota-limiter', DEFAULT_PORTS, options)['KEYHOLD_QUOTA_STATE_FILE']).toBe(
      '/state/quota-overrides.json',
    );
    expect(serviceEnv('audit-log', DEFAULT_PORTS, options)['KEYHOLD_AUDIT_SIGNING_KEY_FILE']).toBe(
      '/state/dev-audit-signing-key.pem',
    );
    expect(serviceEnv('gateway', DEFAULT_PORTS, options)).not.toHaveProperty(
      'KEYHOLD_AUDIT_SIGNING_KEY_FILE',
    );
    expect(serviceEnv('gateway', DEFAULT_PORTS, options)).not.toHaveProperty(
      'KEYHOLD_QUOTA_STATE_FILE',
    );
  });

  it('leaves both out when not given (tests starting throwaway clusters)', () => {
    expect(serviceEnv('quota-limiter', DEFAULT_PORTS, base)).not.toHaveProperty(
      'KEYHOLD_QUOTA_STATE_FILE',
    );
    expect(serviceEnv('audit-log', DEFAULT_PORTS, base)).not.toHaveProperty(
      'KEYHOLD_AUDIT_SIGNING_KEY_FILE',
    );
  });

  it('gives policy-authorizer the database, the identities seed and its identity key file', () => {
    const env = serviceEnv('policy-authorizer', DEFAULT_PORTS, {
      ...base,
      identityKeyFile: '/state/dev-identity-key',
    });
    expect(env['DATABASE_URL']).toBe(base.databaseUrl);
    expect(env['KEYHOLD_IDENTITIES_FILE']).toBe('/state/identities.json');
    expect(env['KEYHOLD_IDENTITY_KEY_FILE']).toBe('/state/dev-identity-key');
    expect(serviceEnv('gateway', DEFAULT_PORTS, base)).not.toHaveProperty(
      'KEYHOLD_IDENTITY_KEY_FILE',
    );
  });
});
