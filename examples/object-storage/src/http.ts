import type { IncomingMessage, ServerResponse } from 'node:http';
import { isKmsError } from '@keyhold/client';
import { StoreError } from './object-store.js';
import type { ObjectStore } from './object-store.js';

/**
 * Who the request is from. A stand-in for real authentication (the store's
 * own SigV4, mTLS, a session): the store trusts it as given, and passes it
 * to KMS as `x-keyhold-on-behalf-of`, where the key policy judges the user.
 */
export const USER_HEADER = 'x-objectstore-user';

export interface HttpOptions {
  /** @default 8 MiB */
  readonly maxObjectBytes?: number;
}

class HttpError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const PATH = /^\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.{1,1024})$/;
const IAM_PRINCIPAL = /^arn:aws:iam::\d{12}:(root|(user|role)\/[\w+=,.@/-]{1,512})$/;

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      // Drained, not kept, so that the client still reads the answer.
      req.off('data', onData).resume();
      reject(new HttpError('EntityTooLarge', 413, `Objects are at most ${maxBytes} bytes.`));
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

/** S3's SSE-KMS response headers. */
const sseHeaders = (keyArn: string): Record<string, string> => ({
  'x-amz-server-side-encryption': 'aws:kms',
  'x-amz-server-side-encryption-aws-kms-key-id': keyArn,
});

/** S3-ish status and code of a failure; KMS's refusal is the user's, as S3 reports it. */
function failure(err: unknown): { status: number; code: string; message: string } {
  if (err instanceof HttpError || err instanceof StoreError) {
    return { status: err.status, code: err.code, message: err.message };
  }
  if (isKmsError(err, 'AccessDeniedException')) {
    return { status: 403, code: 'AccessDenied', message: err.message };
  }
  if (isKmsError(err)) return { status: 500, code: `KMS.${err.code}`, message: err.message };
  return { status: 500, code: 'InternalError', message: 'The object could not be processed.' };
}

/** The node:http listener: PUT, GET and DELETE of `/<bucket>/<key>`. */
export function objectStoreListener(
  store: ObjectStore,
  options: HttpOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const maxObjectBytes = options.maxObjectBytes ?? 8 * 1024 * 1024;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const m = PATH.exec((req.url ?? '/').split('?', 1)[0]!);
    if (!m) throw new HttpError('InvalidURI', 400, 'Use /<bucket>/<key>.');
    const bucket = m[1]!;
    let key: string;
    try {
      key = decodeURIComponent(m[2]!);
    } catch {
      throw new HttpError('InvalidURI', 400, 'The object key is not well encoded.');
    }
    const user = req.headers[USER_HEADER];
    if (typeof user !== 'string' || !IAM_PRINCIPAL.test(user)) {
      throw new HttpError('AccessDenied', 401, `${USER_HEADER} must name an IAM principal ARN.`);
    }
    if (req.method === 'PUT') {
      const keyArn = await store.put(user, bucket, key, await readBody(req, maxObjectBytes));
      res.writeHead(200, sseHeaders(keyArn)).end();
    } else if (req.method === 'GET') {
      const { body, keyArn } = await store.get(user, bucket, key);
      res.writeHead(200, { ...sseHeaders(keyArn), 'content-type': 'application/octet-stream' });
      res.end(body);
    } else if (req.method === 'DELETE') {
      store.delete(bucket, key);
      res.writeHead(204).end();
    } else {
      throw new HttpError('MethodNotAllowed', 405, 'Use PUT, GET or DELETE.');
    }
  };
  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      const { status, code, message } = failure(err);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code, message }));
    });
  };
}
