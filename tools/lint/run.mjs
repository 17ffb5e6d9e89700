/**
 * Runs ESLint with the TypeScript that typescript-eslint needs. The project compiles with the
 * native TypeScript 7 (no JavaScript API); this workspace holds TypeScript 5.9, and npm may hoist
 * typescript-eslint's helpers (ts-api-utils) next to the project's TypeScript, so every
 * `require('typescript')` in this process is pointed at 5.9.
 */
import Module, { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const typescript = require.resolve('typescript');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === 'typescript' ? typescript : request, ...rest);
};
process.argv.splice(2, 0, '--config', new URL('./eslint.config.mjs', import.meta.url).pathname);
const eslintPackage = require.resolve('eslint/package.json');
await import(new URL('bin/eslint.js', `file://${eslintPackage}`).href);
