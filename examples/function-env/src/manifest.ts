import fs from 'node:fs';

/**
 * What a deploy hands the function runtime, as Lambda's function
 * configuration does: every variable by name; the secret ones are base64
 * ciphertexts under `kmsKeyArn`, bound to the function's name.
 */
export interface DeployManifest {
  readonly functionName: string;
  readonly kmsKeyArn: string;
  readonly variables: Readonly<Record<string, string>>;
  /** Names of the variables whose value is a ciphertext. */
  readonly encryptedVariables: readonly string[];
}

export function writeManifest(file: string, manifest: DeployManifest): void {
  fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
}

const isStringRecord = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((x) => typeof x === 'string');

/** Reads and checks a manifest written by {@link writeManifest}. */
export function readManifest(file: string): DeployManifest {
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DeployManifest>;
  const names = m.encryptedVariables;
  if (
    typeof m.functionName !== 'string' ||
    typeof m.kmsKeyArn !== 'string' ||
    !isStringRecord(m.variables) ||
    !Array.isArray(names) ||
    !names.every((n) => typeof n === 'string' && n in m.variables!)
  ) {
    throw new Error(`${file}: not a deploy manifest`);
  }
  return m as DeployManifest;
}
