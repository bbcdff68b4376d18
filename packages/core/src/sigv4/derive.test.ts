import { createHmac } from 'node:crypto';
import { getSigningKey } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { deriveSigningKey } from './derive.js';

type SourceData = string | ArrayBuffer | ArrayBufferView;
const toBuffer = (d: SourceData): Buffer =>
  typeof d === 'string'
    ? Buffer.from(d, 'utf8')
    : ArrayBuffer.isView(d)
      ? Buffer.from(d.buffer, d.byteOffset, d.byteLength)
      : Buffer.from(d);

// A minimal @smithy Checksum over node:crypto, as getSigningKey wants one.
class NodeSha256 {
  private readonly chunks: Buffer[] = [];
  private readonly secret: Buffer | undefined;
  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : toBuffer(secret);
  }
  update(data: SourceData): void {
    this.chunks.push(toBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    if (this.secret === undefined) throw new Error('only HMAC is used here');
    const h = createHmac('sha256', this.secret);
    for (const c of this.chunks) h.update(c);
    return h.digest();
  }
  reset(): void {
    this.chunks.length = 0;
  }
}

describe('deriveSigningKey', () => {
  it('matches the AWS documented test vector', () => {
    const key = deriveSigningKey(
      'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      '20150830',
      'us-east-1',
      'iam',
    );
    expect(key.toString('hex')).toBe(
      'c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9',
    );
  });

  it.each([
    ['test', '20240229', 'us-east-1', 'kms'],
    ['another/secret+with=chars', '20991231', 'eu-central-1', 'kms'],
    ['x', '20000101', 'ap-southeast-2', 's3'],
  ])(
    'equals the key @smithy/signature-v4 derives (%s, %s, %s, %s)',
    async (secret, date, region, service) => {
      const expected = await getSigningKey(
        NodeSha256,
        { accessKeyId: `AKID${date}`, secretAccessKey: secret },
        date,
        region,
        service,
      );
      expect(deriveSigningKey(secret, date, region, service).equals(Buffer.from(expected))).toBe(
        true,
      );
    },
  );
});
