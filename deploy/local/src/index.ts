export {
  DEFAULT_PORTS,
  SERVICES,
  missingServices,
  printLog,
  serviceEnv,
  startCluster,
} from './cluster.js';
export type { Cluster, ClusterOptions, ServiceName, ServicePorts } from './cluster.js';
export { identitiesFor, loadLauncherConfig, newRootKeyring, startBanner } from './dev-config.js';
export type { DevAccount, IdentitiesFile, LauncherConfig, RootKeyringFile } from './dev-config.js';
export { renderLogLine } from './log-render.js';
