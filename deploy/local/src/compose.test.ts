import { describe, expect, it } from 'vitest';
import { interpolate, parseCompose, rewriteEnvironment, startOrder } from './compose.js';

describe('interpolate', () => {
  it('follows compose: defaults on unset or empty, on unset only, and $$', () => {
    expect(interpolate('${A:-x}', {})).toBe('x');
    expect(interpolate('${A:-x}', { A: '' })).toBe('x');
    expect(interpolate('${A-x}', { A: '' })).toBe('');
    expect(interpolate('${A}:${B:-4599}', { A: 'h' })).toBe('h:4599');
    expect(interpolate('$$HOME', {})).toBe('$HOME');
  });
});

describe('rewriteEnvironment', () => {
  it('maps host:port inside addresses and URLs, and whole values', () => {
    const env = rewriteEnvironment(
      {
        GRPC_LISTEN: '0.0.0.0:50052',
        PEER: 'key-manager:50052',
        DATABASE_URL: 'postgres://u:p@postgres:5432/db',
        NATS_URL: 'nats://nats:4222',
        FILE: '/run/secrets/x',
        OTHER: 'key-manager:1',
      },
      {
        '0.0.0.0:50052': '127.0.0.1:1001',
        'key-manager:50052': '127.0.0.1:1001',
        'postgres:5432': '127.0.0.1:5',
        'nats:4222': '127.0.0.1:4',
      },
      { '/run/secrets/x': '/tmp/x' },
    );
    expect(env).toEqual({
      GRPC_LISTEN: '127.0.0.1:1001',
      PEER: '127.0.0.1:1001',
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5/db',
      NATS_URL: 'nats://127.0.0.1:4',
      FILE: '/tmp/x',
      OTHER: 'key-manager:1',
    });
  });
});

describe('startOrder', () => {
  it('puts dependencies first and rejects cycles', () => {
    const file = parseCompose(`
services:
  c: { depends_on: { b: { condition: service_healthy } } }
  b: { depends_on: { a: { condition: service_started } } }
  a: {}
`);
    expect(startOrder(file)).toEqual(['a', 'b', 'c']);
    const cycle = parseCompose(`
services:
  a: { depends_on: { b: {} } }
  b: { depends_on: { a: {} } }
`);
    expect(() => startOrder(cycle)).toThrow(/cycle: a -> b -> a/);
  });
});
