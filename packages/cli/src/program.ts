import { Command } from 'commander';
import { COMMANDS } from './commands/index.js';

/** Exit codes scripts can rely on. */
export const EXIT = {
  ok: 0,
  /** The service answered with an error (an AWS exception). */
  serviceError: 1,
  /** Wrong arguments or options. */
  usage: 2,
  /** Could not reach the service. */
  unavailable: 3,
} as const;

/**
 * The `keyhold` command. Each subcommand lives in its own file under
 * commands/ and registers itself on the program it is given.
 */
export function createProgram(): Command {
  const program = new Command('keyhold')
    .description('Keyhold: a self-hosted key management service with the AWS KMS API')
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}
