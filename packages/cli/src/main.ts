#!/usr/bin/env node
import { CommanderError } from 'commander';
import { EXIT, createProgram } from './program.js';

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
