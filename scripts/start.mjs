/**
 * `npm start`: builds the web app when it is missing or older than its sources, then runs the
 * server (TypeScript through tsx). Configuration comes from the environment: see the README.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SERVER_NODE_FLAGS, serverEnv } from './server-flags.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const index = path.join(root, 'web', 'dist', 'index.html');
const sources = [path.join(root, 'web', 'src'), path.join(root, 'contracts')].filter((d) => fs.existsSync(d));
const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
if (
  process.env.SERVE_WEB !== 'false' &&
  fs.existsSync(path.join(root, 'web', 'src')) &&
  Math.max(...sources.map(newest)) > built
) {
  console.log('Building the web app (first start or sources changed)…');
  const r = spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const r = spawnSync(
  process.execPath,
  [...SERVER_NODE_FLAGS, '--import', 'tsx', path.join(root, 'server', 'src', 'main.ts')],
  {
    cwd: root,
    stdio: 'inherit',
    env: serverEnv(),
  },
);
process.exit(r.status ?? 0);
