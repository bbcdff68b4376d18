import type { KeyholdClient } from '@keyhold/client';
import { functionContext } from './context.js';
import type { DeployManifest } from './manifest.js';

export interface DeployInput {
  readonly functionName: string;
  /** The customer key: key id, ARN or alias of the deploying account. */
  readonly keyId: string;
  /** Encrypted, each with the function's name as encryption context (at most 4 KiB each). */
  readonly secrets: Readonly<Record<string, string>>;
  /** Passed as they are. */
  readonly plain?: Readonly<Record<string, string>>;
}

/**
 * The deploy-time step: encrypts each secret variable with Encrypt (they are
 * small, so no data key is needed), bound to the function's name, and
 * returns the manifest the runtime reads. The plaintexts go nowhere else.
 */
export async function encryptEnvironment(
  kms: Pick<KeyholdClient, 'encrypt' | 'describeKey'>,
  input: DeployInput,
): Promise<DeployManifest> {
  const { keyMetadata } = await kms.describeKey({ keyId: input.keyId });
  const kmsKeyArn = keyMetadata!.arn;
  const names = Object.keys(input.secrets);
  const overlap = names.filter((n) => input.plain && n in input.plain);
  if (overlap.length > 0) throw new Error(`both secret and plain: ${overlap.join(', ')}`);
  const ciphertexts = await Promise.all(
    names.map(async (name) => {
      const res = await kms.encrypt({
        keyId: kmsKeyArn,
        plaintext: Buffer.from(input.secrets[name]!, 'utf8'),
        encryptionContext: functionContext(input.functionName),
      });
      return [name, res.ciphertextBlob.toString('base64')] as const;
    }),
  );
  return {
    functionName: input.functionName,
    kmsKeyArn,
    variables: { ...input.plain, ...Object.fromEntries(ciphertexts) },
    encryptedVariables: names,
  };
}
