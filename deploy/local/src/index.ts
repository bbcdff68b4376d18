export {
  DEFAULT_PORTS,
  SERVICES,
  missingServices,
  printLog,
  serviceEnv,
  startCluster,
} from './cluster.js';
export type { Cluster, ClusterOptions, ServiceName, ServicePorts } from './cluster.js';
export {
  DEV_ADMIN_POLICY,
  DEV_KMS_POLICY,
  identitiesFor,
  loadLauncherConfig,
  newIdentityKey,
  newRootKeyring,
  startBanner,
} from './dev-config.js';
export type { DevAccount, IdentitiesFile, LauncherConfig, RootKeyringFile } from './dev-config.js';
export { renderLogLine } from './log-render.js';
export {
  COMPOSE_FILE,
  SECRETS_DIR,
  composePath,
  interpolate,
  parseCompose,
  readCompose,
  rewriteEnvironment,
  serviceEnvironment,
  serviceSecrets,
  startOrder,
} from './compose.js';
export type { ComposeFile, ComposeService } from './compose.js';
export {
  REPO_ROOT,
  kubectlKustomizeIds,
  loadKustomization,
  objectId,
  serviceConfigLoaders,
  variablesRead,
} from './manifests.js';
export type { ConfigLoader, K8sObject } from './manifests.js';
