export { functionContext } from './context.js';
export { encryptEnvironment } from './deploy.js';
export type { DeployInput } from './deploy.js';
export { functionKeyPolicy } from './key-policy.js';
export type { FunctionRole } from './key-policy.js';
export { readManifest, writeManifest } from './manifest.js';
export type { DeployManifest } from './manifest.js';
export { loadFunctionEnvironment } from './startup.js';
export type { FunctionEnvironment } from './startup.js';
