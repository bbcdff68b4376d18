import type { Command } from 'commander';

/** Adds one subcommand (or group) to the program. */
export type RegisterCommand = (program: Command) => void;

/** Every subcommand, one file each under commands/. */
export const COMMANDS: readonly RegisterCommand[] = [];
