/**
 * Type-aware lint, run by `npm run lint` and as a stage of `npm test`: no promise may float.
 * A rejected promise that nobody awaits or catches ends the Node process (it did: a search-log
 * write refused by PostgreSQL stopped the server), so every promise is awaited, returned, or
 * handed to `.catch` — `void promise` does not count.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'artifacts/**', 'data/**', 'tools/**'] },
  {
    files: [
      'server/**/*.ts',
      'contracts/**/*.ts',
      'web/src/**/*.{ts,tsx}',
      'e2e/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.{ts,mjs}',
      'vitest.config.ts',
    ],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: { allowDefaultProject: ['scripts/*.mjs'] }, tsconfigRootDir: root },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    // Directives written for other rule sets are none of this lint's business.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // In the browser a rejected promise stops nothing, and the web app's `void` calls are TanStack
    // Query refetches and invalidations and React Router navigations, which report failure through
    // their state rather than by rejecting: there `void` marks a promise deliberately not awaited.
    files: ['web/src/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }] },
  },
);
