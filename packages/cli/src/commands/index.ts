import type { Command } from 'commander';
import { registerAliases } from './aliases.js';
import { registerAudit } from './audit.js';
import { registerEnvelope } from './envelope.js';
import { registerGrants } from './grants.js';
import { registerIam } from './iam.js';
import { registerKeys } from './keys.js';
import { registerLoad } from './load.js';
import { registerPolicies } from './policies.js';
import { registerQuotas } from './quotas.js';
import { registerRotation } from './rotation.js';
import { registerUsage } from './usage.js';

/** Adds one subcommand (or group) to the program. */
export type RegisterCommand = (program: Command) => void;

/** Every subcommand, one file each under commands/. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerQuotas,
  registerLoad,
  registerAudit,
  registerKeys,
  registerAliases,
  registerGrants,
  registerPolicies,
  registerRotation,
  registerUsage,
  registerEnvelope,
  registerIam,
];
