import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure rules, no database), `integration` (HTTP through app.inject against
 * PGlite, or a PostgreSQL server when TEST_DATABASE_URL is set), `e2e` (real Chromium).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'contracts/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['server/**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
          // One module graph per worker, not per file: the files share no state but their imports.
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/**/*.int.test.ts'],
          environment: 'node',
          globalSetup: ['server/src/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Each file gets its own database; two workers match the machine's two cores.
          pool: 'forks',
          maxWorkers: 2,
          // Each file still opens its own database and app; what the files of a worker share is the
          // imported server code (importing it once per file was a fifth of the stage).
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['server/src/test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // A browser journey that fails is run once more (a shared 2-core machine can starve
          // Chromium for seconds); one that fails twice fails the suite.
          retry: 1,
          fileParallelism: false,
          isolate: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
