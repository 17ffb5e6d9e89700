/**
 * `npm run audit:verify`: verifies the audit log's hash chain in the configured database (the
 * environment the server reads: DATABASE_URL or PGlite under DATA_DIR, DATA_KEY or the generated
 * development key). Exit code 0: intact; 1: not intact; 2: could not verify.
 * With the embedded database it refuses while a server has it open (naming the process).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const entry = path.join(root, 'server', 'src', 'platform', 'audit', 'audit-verify.ts');
const r = spawnSync(process.execPath, ['--import', 'tsx', entry, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 2);
