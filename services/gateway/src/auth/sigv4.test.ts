import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KmsError, deriveSigningKey } from '@keyhold/core';
import {
  parseAmzDate,
  parseAuthorization,
  parseAuthorizationUncached,
  SIGNATURE_MISMATCH_MESSAGE,
} from '@keyhold/core/sigv4';
import type { SignableRequest } from '@keyhold/core/sigv4';
import { SigV4Verifier } from './verifier.js';
import type { AuthenticateFn } from './verifier.js';

const ACCESS_KEY = 'AKIDEXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const BODY = '{"KeyId":"alias/x","Plaintext":"aGVsbG8="}';

interface SignOptions {
  body?: string;
  secret?: string;
  accessKeyId?: string;
  at?: number;
  region?: string;
  service?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  applyChecksum?: boolean;
}

async function sign(o: SignOptions = {}): Promise<SignableRequest> {
  const signer = new SignatureV4({
    service: o.service ?? 'kms',
    region: o.region ?? 'us-east-1',
    credentials: { accessKeyId: o.accessKeyId ?? ACCESS_KEY, secretAccessKey: o.secret ?? SECRET },
    sha256: Sha256,
    applyChecksum: o.applyChecksum ?? true,
  });
  const body = o.body ?? BODY;
  const req = new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 4599,
    path: '/',
    query: o.query ?? {},
    headers: {
      host: '127.0.0.1:4599',
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'TrentService.Encrypt',
      'content-length': String(Buffer.byteLength(body)),
      ...o.headers,
    },
    body,
  });
  const signed = await signer.sign(req, { signingDate: new Date(o.at ?? NOW) });
  const headers: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(signed.headers)) headers[k.toLowerCase()] = [v];
  return {
    method: 'POST',
    path: signed.path,
    query: signed.query as Record<string, string>,
    headers,
    body: Buffer.from(body),
  };
}

function stubAuthority(): { authenticate: AuthenticateFn; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    authenticate: async (r) => {
      calls.push(`${r.accessKeyId}/${r.date}/${r.region}/${r.service}`);
      if (r.accessKeyId !== ACCESS_KEY) return undefined;
      return {
        caller: {
          accountId: '111122223333',
          principalArn: 'arn:aws:iam::111122223333:user/test',
          accessKeyId: ACCESS_KEY,
        },
        signingKey: deriveSigningKey(SECRET, r.date, r.region, r.service),
      };
    },
  };
}

async function verify(
  req: SignableRequest,
  verifier = new SigV4Verifier({ ...stubAuthority(), now: () => NOW }),
) {
  return verifier.verify(parseAuthorization(req.headers['authorization']?.[0]), req);
}

async function rejection(p: Promise<unknown>): Promise<KmsError> {
  try {
    await p;
  } catch (err) {
    return err as KmsError;
  }
  throw new Error('expected a rejection');
}

describe('SigV4 verification', () => {
  it('rejects a credential scoped to a region the gateway does not serve, as AWS does', async () => {
    const authority = stubAuthority();
    const verifier = new SigV4Verifier({ ...authority, now: () => NOW, regions: ['eu-west-1'] });
    const err = await rejection(verify(await sign({ region: 'us-east-1' }), verifier));
    expect(err.code).toBe('InvalidSignatureException');
    expect(err.message).toBe("Credential should be scoped to a valid region, not 'us-east-1'.");
    expect(authority.calls, 'rejected before asking the authorizer').toEqual([]);
    await expect(verify(await sign({ region: 'eu-west-1' }), verifier)).resolves.toMatchObject({
      accountId: '111122223333',
    });
  });

  it('accepts a request signed by @smithy/signature-v4', async () => {
    const caller = await verify(await sign());
    expect(caller).toEqual({
      accountId: '111122223333',
      principalArn: 'arn:aws:iam::111122223333:user/test',
      accessKeyId: ACCESS_KEY,
    });
  });

  it('hashes the body itself when x-amz-content-sha256 is absent', async () => {
    const req = await sign({ applyChecksum: false });
    expect(req.headers['x-amz-content-sha256']).toBeUndefined();
    await expect(verify(req)).resolves.toBeDefined();
    const err = await rejection(verify({ ...req, body: Buffer.from('{}') }));
    expect(err.code).toBe('InvalidSignatureException');
  });

  it('accepts a signed query string and another region', async () => {
    await expect(
      verify(await sign({ query: { a: 'b c', z: '1' }, region: 'eu-west-2' })),
    ).resolves.toBeDefined();
  });

  it('rejects a tampered body', async () => {
    const req = await sign();
    const err = await rejection(
      verify({ ...req, body: Buffer.from(BODY.replace('aGVs', 'aGVt')) }),
    );
    expect(err.code).toBe('InvalidSignatureException');
  });

  it('rejects a tampered signed header', async () => {
    const req = await sign();
    const err = await rejection(
      verify({ ...req, headers: { ...req.headers, 'x-amz-target': ['TrentService.Decrypt'] } }),
    );
    expect(err.code).toBe('InvalidSignatureException');
    expect(err.message).toBe(SIGNATURE_MISMATCH_MESSAGE);
  });

  it('rejects a changed X-Amz-Date on the same day', async () => {
    const req = await sign();
    const err = await rejection(
      verify({ ...req, headers: { ...req.headers, 'x-amz-date': ['20261129T120001Z'] } }),
    );
    expect(err.code).toBe('InvalidSignatureException');
  });

  it('rejects a signature made with another secret', async () => {
    const err = await rejection(verify(await sign({ secret: 'not-the-secret' })));
    expect(err.code).toBe('InvalidSignatureException');
    expect(err.message).toBe(SIGNATURE_MISMATCH_MESSAGE);
  });

  it('rejects a request signed more than 15 minutes ago, as AWS words it', async () => {
    const err = await rejection(verify(await sign({ at: NOW - 16 * 60_000 })));
    expect(err.code).toBe('InvalidSignatureException');
    expect(err.message).toBe(
      'Signature expired: 20261129T114400Z is now earlier than 20261129T114500Z (20261129T120000Z - 15 min.)',
    );
  });

  it('rejects a request signed more than 15 minutes ahead', async () => {
    const err = await rejection(verify(await sign({ at: NOW + 16 * 60_000 })));
    expect(err.code).toBe('InvalidSignatureException');
    expect(err.message).toMatch(/^Signature not yet current: 20261129T121600Z is still later than/);
  });

  it('accepts 14 minutes of skew', async () => {
    await expect(verify(await sign({ at: NOW - 14 * 60_000 }))).resolves.toBeDefined();
  });

  it('rejects an unknown access key as UnrecognizedClientException and remembers it briefly', async () => {
    const authority = stubAuthority();
    let now = NOW;
    const verifier = new SigV4Verifier({ ...authority, now: () => now, negativeTtlMs: 5_000 });
    for (let i = 0; i < 3; i++) {
      const err = await rejection(verify(await sign({ accessKeyId: 'AKIDUNKNOWN' }), verifier));
      expect(err.code).toBe('UnrecognizedClientException');
      expect(err.message).toBe('The security token included in the request is invalid.');
    }
    expect(authority.calls).toHaveLength(1);
    now += 6_000;
    await rejection(verify(await sign({ accessKeyId: 'AKIDUNKNOWN', at: now }), verifier));
    expect(authority.calls).toHaveLength(2);
  });

  it('asks the authority once per key, date and region until the TTL passes', async () => {
    const authority = stubAuthority();
    let now = NOW;
    const verifier = new SigV4Verifier({ ...authority, now: () => now, cacheTtlMs: 60_000 });
    const req = await sign();
    await Promise.all([verify(req, verifier), verify(req, verifier), verify(req, verifier)]);
    expect(authority.calls).toEqual(['AKIDEXAMPLE/20261129/us-east-1/kms']);
    await verify(await sign({ region: 'us-west-2' }), verifier);
    expect(authority.calls).toHaveLength(2);
    now += 61_000;
    await verify(await sign({ at: now }), verifier);
    expect(authority.calls).toHaveLength(3);
  });

  it('forgets an access key, or every key of a principal, when told of an identity change', async () => {
    const authority = stubAuthority();
    let active = true;
    const verifier = new SigV4Verifier({
      now: () => NOW,
      authenticate: async (r) => (active ? authority.authenticate(r) : undefined),
    });
    const req = await sign();
    await verify(req, verifier);
    await verify(await sign({ region: 'us-west-2' }), verifier);
    expect(authority.calls).toHaveLength(2);
    verifier.evict({ accessKeyId: 'SOMEONEELSE' });
    await verify(req, verifier);
    expect(authority.calls).toHaveLength(2);
    active = false;
    verifier.evict({ accessKeyId: ACCESS_KEY });
    expect(verifier.size).toBe(0);
    expect((await rejection(verify(req, verifier))).code).toBe('UnrecognizedClientException');
    active = true;
    verifier.evict({ accessKeyId: ACCESS_KEY });
    await verify(req, verifier);
    verifier.evict({ principalArn: 'arn:aws:iam::111122223333:user/test' });
    expect(verifier.size).toBe(0);
    // Naming nothing (a NATS reconnect: changes may have been missed) forgets everything.
    await verify(req, verifier);
    verifier.evict({});
    expect(verifier.size).toBe(0);
  });

  it('does not cache an answer that an eviction overtook', async () => {
    const authority = stubAuthority();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const verifier = new SigV4Verifier({
      now: () => NOW,
      authenticate: async (r) => {
        await gate;
        return authority.authenticate(r);
      },
    });
    const req = await sign();
    const pending = verify(req, verifier);
    await Promise.resolve();
    verifier.evict({ accessKeyId: ACCESS_KEY });
    release();
    await pending;
    expect(verifier.size).toBe(0);
  });

  it('does not cache an unreachable authority', async () => {
    let calls = 0;
    const verifier = new SigV4Verifier({
      now: () => NOW,
      authenticate: async () => {
        calls += 1;
        throw KmsError.dependencyTimeout();
      },
    });
    const req = await sign();
    expect((await rejection(verify(req, verifier))).code).toBe('DependencyTimeoutException');
    expect((await rejection(verify(req, verifier))).code).toBe('DependencyTimeoutException');
    expect(calls).toBe(2);
  });

  it('rejects a missing or malformed X-Amz-Date and a scope date that does not match it', async () => {
    const req = await sign();
    const without = { ...req.headers };
    delete without['x-amz-date'];
    expect((await rejection(verify({ ...req, headers: without }))).code).toBe(
      'IncompleteSignatureException',
    );
    const bad = { ...req.headers, 'x-amz-date': ['2026-11-29T12:00:00Z'] };
    expect((await rejection(verify({ ...req, headers: bad }))).code).toBe(
      'IncompleteSignatureException',
    );
    const impossible = { ...req.headers, 'x-amz-date': ['20260231T120000Z'] };
    expect((await rejection(verify({ ...req, headers: impossible }))).code).toBe(
      'IncompleteSignatureException',
    );
    const otherDay = { ...req.headers, 'x-amz-date': ['20261128T235959Z'] };
    const err = await rejection(verify({ ...req, headers: otherDay }));
    expect(err.code).toBe('InvalidSignatureException');
    expect(err.message).toContain('Date in Credential scope does not match');
  });

  it('rejects an x-amz-content-sha256 that is not the body hash', async () => {
    const unsigned = await sign({ headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    const err = await rejection(verify(unsigned));
    expect(err.code).toBe('InvalidSignatureException');
    expect(err.message).toContain('x-amz-content-sha256');
  });
});

describe('parseAuthorization', () => {
  const good =
    'AWS4-HMAC-SHA256 Credential=AKID/20261129/us-east-1/kms/aws4_request, SignedHeaders=host;x-amz-date, Signature=' +
    'a'.repeat(64);

  it('parses a well-formed header', () => {
    expect(parseAuthorization(good)).toEqual({
      accessKeyId: 'AKID',
      date: '20261129',
      region: 'us-east-1',
      service: 'kms',
      credentialScope: '20261129/us-east-1/kms/aws4_request',
      signedHeaders: ['host', 'x-amz-date'],
      signature: 'a'.repeat(64),
    });
  });

  const cases: Array<[string, string | undefined, string]> = [
    ['missing header', undefined, 'MissingAuthenticationTokenException'],
    ['empty header', '  ', 'MissingAuthenticationTokenException'],
    ['another scheme', 'Bearer abc', 'IncompleteSignatureException'],
    ['no parameters', 'AWS4-HMAC-SHA256', 'IncompleteSignatureException'],
    ['no Signature', good.replace(/, Signature=a+/, ''), 'IncompleteSignatureException'],
    [
      'no SignedHeaders',
      good.replace('SignedHeaders=host;x-amz-date, ', ''),
      'IncompleteSignatureException',
    ],
    ['four scope parts', good.replace('/kms/aws4_request', '/kms'), 'IncompleteSignatureException'],
    [
      'bad terminator',
      good.replace('aws4_request', 'aws5_request'),
      'IncompleteSignatureException',
    ],
    ['bad scope date', good.replace('20261129', '2026112'), 'IncompleteSignatureException'],
    ['another service', good.replace('/kms/', '/s3/'), 'InvalidSignatureException'],
    ['invalid region', good.replace('us-east-1', 'us.east.>'), 'InvalidSignatureException'],
    ['host not signed', good.replace('host;', ''), 'IncompleteSignatureException'],
    ['short signature', good.replace('a'.repeat(64), 'abc'), 'IncompleteSignatureException'],
  ];
  for (const [name, header, code] of cases) {
    it(`rejects ${name} with ${code}`, () => {
      let caught: unknown;
      try {
        parseAuthorization(header);
      } catch (err) {
        caught = err;
      }
      expect((caught as KmsError).code).toBe(code);
    });
  }

  it('reuses what precedes the signature, yet always parses as without the memo', () => {
    const first = parseAuthorization(good);
    const other = good.replace('a'.repeat(64), 'B'.repeat(64));
    expect(parseAuthorization(other)).toEqual({ ...first, signature: 'b'.repeat(64) });
    // The tail belongs to another parameter: the earlier Signature counts, remembered or not.
    const earlier = good.replace(', Signature=', ', Signature=' + 'c'.repeat(64) + ', XSignature=');
    expect(parseAuthorization(earlier).signature).toBe('c'.repeat(64));
    expect(parseAuthorization(earlier.replace(/a{64}$/, 'd'.repeat(64))).signature).toBe(
      'c'.repeat(64),
    );
  });

  it('agrees with the unmemoised parse on any header (property)', () => {
    const outcome = (parse: (h: string) => unknown, h: string): unknown => {
      try {
        return parse(h);
      } catch (err) {
        return (err as KmsError).code;
      }
    };
    const part = fc.constantFrom(
      'Credential=AKID/20261129/us-east-1/kms/aws4_request',
      'Credential=AKID/20261129/us-east-1/s3/aws4_request',
      'SignedHeaders=host;x-amz-date',
      'SignedHeaders=x-amz-date',
      'Signature=' + 'e'.repeat(64),
      'XSignature=',
      'Signature=',
      ' Signature=',
      '',
    );
    const hex = fc.stringMatching(/^[0-9a-fA-F]{64}$/);
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), hex, hex, (parts, s1, s2) => {
        const prefix = `AWS4-HMAC-SHA256 ${parts.join(', ')}`;
        for (const h of [prefix + s1, prefix + s2, `${prefix}, Signature=${s1}`]) {
          expect(outcome(parseAuthorization, h)).toEqual(outcome(parseAuthorizationUncached, h));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the AWS message for a missing header', () => {
    expect(() => parseAuthorization(undefined)).toThrow('Missing Authentication Token');
  });

  it('parses X-Amz-Date', () => {
    expect(parseAmzDate('20261129T120000Z')).toBe(NOW);
  });
});
