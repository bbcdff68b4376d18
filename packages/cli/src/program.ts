import { Command } from 'commander';
import { COMMANDS } from './commands/index.js';

export { EXIT } from './exit-codes.js';

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
