import type { Command } from 'commander';
import { registerAudit } from './audit.js';
import { registerKeys } from './keys.js';
import { registerLoad } from './load.js';
import { registerQuotas } from './quotas.js';

/** Adds one subcommand (or group) to the program. */
export type RegisterCommand = (program: Command) => void;

/** Every subcommand, one file each under commands/. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerQuotas,
  registerLoad,
  registerAudit,
  registerKeys,
];
