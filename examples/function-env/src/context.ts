import type { EncryptionContext } from '@keyhold/client';

/** The encryption context of a function's secrets: its name, as Lambda uses. */
export const functionContext = (functionName: string): EncryptionContext => ({
  FunctionName: functionName,
});
