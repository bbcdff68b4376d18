import { isKmsError } from '@keyhold/client';

/** How a KMS call ended: 'OK', or the AWS exception name it failed with. */
export async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (err) {
    if (!isKmsError(err)) throw err;
    return err.code;
  }
}
