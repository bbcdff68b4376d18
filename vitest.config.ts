import { defineConfig } from 'vitest/config';

// Tests run on TypeScript sources; workspace packages resolve to their built
// dist/, so `npm test` builds first (scripts/test.sh).
const testkitSetup = './packages/testkit/dist/global-setup.js';
const roots = ['packages', 'services', 'deploy'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: roots.map((r) => `${r}/**/src/**/*.test.ts`),
          exclude: ['**/node_modules/**', '**/dist/**', '**/*.int.test.ts', '**/*.e2e.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'int',
          include: roots.map((r) => `${r}/**/src/**/*.int.test.ts`),
          exclude: ['**/node_modules/**', '**/dist/**'],
          environment: 'node',
          globalSetup: [testkitSetup],
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          // The integration-pattern examples are tested against the whole cluster too.
          include: ['packages/e2e/src/**/*.e2e.test.ts', 'examples/*/src/**/*.e2e.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          environment: 'node',
          globalSetup: [testkitSetup],
          hookTimeout: 120_000,
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
