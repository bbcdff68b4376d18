#!/usr/bin/env node
import { CommanderError } from 'commander';
import { EXIT, createProgram } from './program.js';

// The AWS SDK warns on every run that its releases after January 2027 need
// Node 22; Keyhold pins its SDK version and targets Node 20, so the warning
// only buries the command's own output. Set the variable to 'false' to see it.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

try {
  await createProgram().parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    process.stderr.write(`keyhold: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT.serviceError;
  }
}
