import type { KeyholdClient } from '@keyhold/client';
import { objectArn, objectContext } from './context.js';
import { openBody, sealBody } from './object-cipher.js';
import type { SealedBody } from './object-cipher.js';

/** The two KMS calls the store makes, always for a user (`onBehalfOf`). */
export type StoreKms = Pick<KeyholdClient, 'generateDataKey' | 'decrypt'>;

/** What the store keeps of an object: never its body or data key in the clear. */
export interface StoredObject {
  /** The bucket key that encrypted the data key, as KMS named it. */
  readonly keyArn: string;
  /** The object's data key as KMS encrypted it (with the object's encryption context). */
  readonly encryptedDataKey: Buffer;
  readonly body: SealedBody;
}

/** A failure of the store itself, with S3's error code and HTTP status. */
export class StoreError extends Error {
  constructor(
    readonly code: 'NoSuchBucket' | 'NoSuchKey',
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

export interface ObjectStoreOptions {
  /** A client signed with the store's own service-principal credentials. */
  readonly kms: StoreKms;
  /** Bucket name -> the customer key (ID, ARN or alias) its objects are encrypted under. */
  readonly buckets: Readonly<Record<string, string>>;
}

/**
 * Server-side encryption the way SSE-KMS does it: every object gets its own
 * data key from GenerateDataKey under the bucket's key, with the object's ARN
 * as encryption context; the store keeps the encrypted data key next to the
 * sealed body and asks KMS to Decrypt it on every read. Each call names the
 * requesting user (`x-keyhold-on-behalf-of`), so the key policy decides per
 * user, and only through this service (`kms:ViaService`).
 */
export class ObjectStore {
  /** The store's "disk", by `<bucket>/<key>`; a test may read (or tamper with) it. */
  readonly objects = new Map<string, StoredObject>();
  private readonly kms: StoreKms;
  private readonly buckets: Readonly<Record<string, string>>;

  constructor(options: ObjectStoreOptions) {
    this.kms = options.kms;
    this.buckets = options.buckets;
  }

  /** Encrypts and stores `body` for `user`; resolves with the bucket key's ARN. */
  async put(user: string, bucket: string, key: string, body: Uint8Array): Promise<string> {
    const dataKey = await this.kms.generateDataKey(
      {
        keyId: this.bucketKey(bucket),
        keySpec: 'AES_256',
        encryptionContext: objectContext(bucket, key),
      },
      { onBehalfOf: user },
    );
    try {
      this.objects.set(`${bucket}/${key}`, {
        keyArn: dataKey.keyId,
        encryptedDataKey: dataKey.ciphertextBlob,
        body: sealBody(dataKey.plaintext, objectArn(bucket, key), body),
      });
      return dataKey.keyId;
    } finally {
      dataKey.plaintext.fill(0);
    }
  }

  /** The object's body and its bucket key's ARN, if `user` may decrypt its data key. */
  async get(
    user: string,
    bucket: string,
    key: string,
  ): Promise<{ readonly body: Buffer; readonly keyArn: string }> {
    this.bucketKey(bucket);
    const stored = this.objects.get(`${bucket}/${key}`);
    if (!stored) throw new StoreError('NoSuchKey', 404, 'The specified key does not exist.');
    const { plaintext } = await this.kms.decrypt(
      {
        keyId: stored.keyArn,
        ciphertextBlob: stored.encryptedDataKey,
        encryptionContext: objectContext(bucket, key),
      },
      { onBehalfOf: user },
    );
    try {
      return {
        body: openBody(plaintext, objectArn(bucket, key), stored.body),
        keyArn: stored.keyArn,
      };
    } finally {
      plaintext.fill(0);
    }
  }

  /** Forgets an object; no KMS call, as S3 makes none to delete. */
  delete(bucket: string, key: string): void {
    this.bucketKey(bucket);
    if (!this.objects.delete(`${bucket}/${key}`)) {
      throw new StoreError('NoSuchKey', 404, 'The specified key does not exist.');
    }
  }

  private bucketKey(bucket: string): string {
    const keyId = Object.hasOwn(this.buckets, bucket) ? this.buckets[bucket] : undefined;
    if (keyId === undefined) {
      throw new StoreError('NoSuchBucket', 404, 'The specified bucket does not exist.');
    }
    return keyId;
  }
}
