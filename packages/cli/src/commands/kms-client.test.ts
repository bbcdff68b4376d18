import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { grantConstraints } from './grants.js';
import { cell, keyValue, list, recordOutput, tagList, withKmsOptions } from './kms-client.js';

/** Parses `args` with one KMS-style command and returns the options it saw. */
function parse(args: string[], setup: (cmd: Command) => Command): Record<string, unknown> {
  let seen: Record<string, unknown> = {};
  const program = new Command('keyhold').exitOverride();
  setup(withKmsOptions(program.command('x')))
    .exitOverride()
    .configureOutput({ writeErr: () => {} })
    .action((o: Record<string, unknown>) => {
      seen = o;
    });
  program.parse(['node', 'keyhold', 'x', ...args]);
  return seen;
}

describe('option parsing', () => {
  it('collects repeated --context k=v into one map; a value may hold "="', () => {
    const o = parse(['--context', 'app=orders', '--context', 'q=a=b'], (c) =>
      c.option('--context <k=v>', 'ctx', keyValue),
    );
    expect(o['context']).toEqual({ app: 'orders', q: 'a=b' });
  });

  it('refuses a pair without a key or "=" as a usage error', () => {
    for (const bad of ['app', '=v']) {
      expect(() =>
        parse(['--context', bad], (c) => c.option('--context <k=v>', 'ctx', keyValue)),
      ).toThrow(CommanderError);
    }
  });

  it('reads comma-separated and repeated lists', () => {
    const o = parse(['--operations', 'Encrypt, Decrypt', '--operations', 'GenerateDataKey'], (c) =>
      c.option('--operations <ops>', 'ops', list),
    );
    expect(o['operations']).toEqual(['Encrypt', 'Decrypt', 'GenerateDataKey']);
  });

  it('defaults the endpoint to the launcher’s gateway and the region to us-east-1', () => {
    const saved = { e: process.env['AWS_ENDPOINT_URL_KMS'], r: process.env['AWS_REGION'] };
    delete process.env['AWS_ENDPOINT_URL_KMS'];
    delete process.env['AWS_REGION'];
    try {
      expect(parse([], (c) => c)).toMatchObject({
        endpoint: 'http://127.0.0.1:4599',
        region: 'us-east-1',
      });
      process.env['AWS_REGION'] = 'eu-west-1';
      expect(parse(['--endpoint', 'http://h:1'], (c) => c)).toMatchObject({
        endpoint: 'http://h:1',
        region: 'eu-west-1',
      });
    } finally {
      for (const [k, v] of [
        ['AWS_ENDPOINT_URL_KMS', saved.e],
        ['AWS_REGION', saved.r],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe('request building', () => {
  it('turns tag maps into KMS tags', () => {
    expect(tagList({ team: 'payments', env: 'prod' })).toEqual([
      { TagKey: 'team', TagValue: 'payments' },
      { TagKey: 'env', TagValue: 'prod' },
    ]);
  });

  it('builds grant constraints from one kind of context option', () => {
    expect(grantConstraints({ context: { a: '1' } })).toEqual({
      EncryptionContextSubset: { a: '1' },
    });
    expect(grantConstraints({ contextEquals: { a: '1' } })).toEqual({
      EncryptionContextEquals: { a: '1' },
    });
    expect(grantConstraints({})).toBeUndefined();
  });
});

describe('formatting', () => {
  it('prints dates as ISO-8601, lists joined, absent values as "-"', () => {
    expect(cell(new Date('2026-11-29T10:00:00Z'))).toBe('2026-11-29T10:00:00.000Z');
    expect(cell(['Encrypt', 'Decrypt'])).toBe('Encrypt, Decrypt');
    expect(cell(undefined)).toBe('-');
    expect(cell(false)).toBe('false');
  });

  it('shows a record as a field/value table and keeps it whole as JSON', () => {
    const md = { KeyId: 'k1', Enabled: true, Description: undefined, KeyState: 'Enabled' };
    const out = recordOutput(md, ['KeyId', 'Description', 'KeyState', 'Enabled']);
    expect(out.json).toBe(md);
    expect(out.text.split('\n')).toEqual([
      'field     value',
      '--------  -------',
      'KeyId     k1',
      'KeyState  Enabled',
      'Enabled   true',
    ]);
  });
});
