import type { KeyholdClient } from '@keyhold/client';
import { functionContext } from './context.js';
import type { DeployManifest } from './manifest.js';

/** A function's variables, secrets decrypted. */
export type FunctionEnvironment = Readonly<Record<string, string>>;

/**
 * The function's start-up step: decrypts every secret variable once, all in
 * parallel, with the encryption context naming *this* function (the name the
 * runtime gives it, never the manifest's), and returns all variables. Only
 * the plaintext values are kept; a function of another name gets
 * InvalidCiphertextException, and KMS errors fail the start.
 */
export async function loadFunctionEnvironment(
  kms: Pick<KeyholdClient, 'decrypt'>,
  manifest: DeployManifest,
  functionName: string,
): Promise<FunctionEnvironment> {
  const decrypted = await Promise.all(
    manifest.encryptedVariables.map(async (name) => {
      const res = await kms.decrypt({
        ciphertextBlob: Buffer.from(manifest.variables[name]!, 'base64'),
        keyId: manifest.kmsKeyArn,
        encryptionContext: functionContext(functionName),
      });
      const value = res.plaintext.toString('utf8');
      res.plaintext.fill(0);
      return [name, value] as const;
    }),
  );
  return Object.freeze({ ...manifest.variables, ...Object.fromEntries(decrypted) });
}
