export { EXIT, createProgram } from './program.js';
export type { RegisterCommand } from './commands/index.js';
