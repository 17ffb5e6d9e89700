/**
 * `npm test`: the whole suite, as CI runs it.
 *   0. the formatter in check mode (Biome) and the type-aware lint (no floating promises: tools/lint);
 *   1. unit and integration tests on embedded PGlite;
 *   2. integration tests again on a PostgreSQL server (TEST_DATABASE_URL, or a throwaway cluster
 *      started from Debian's postgresql package);
 *   3. browser journeys in Debian's Chromium (the web app is built first).
 * On a developer machine a missing PostgreSQL server or Chromium skips that stage with the exact
 * install command; under CI (CI=true) it fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startCluster, findPostgresBin } from './pg-cluster.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const artifacts = path.join(root, 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });
const tally = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function vitest(label, projects, env = {}) {
  const out = path.join(artifacts, `vitest-${label}.json`);
  fs.rmSync(out, { force: true });
  console.log(`\n=== ${label} ===`);
  const args = [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ];
  const r = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (fs.existsSync(out)) {
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    tally.passed += report.numPassedTests;
    tally.failed += report.numFailedTests;
    tally.skipped += report.numPendingTests + report.numTodoTests;
    if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) tally.failed += report.numFailedTestSuites;
  } else if (r.status !== 0) {
    tally.failed += 1;
  }
  if (r.status !== 0) problems.push(`${label}: vitest exited with ${r.status}`);
}

function missing(what, how) {
  const msg = `${what} is not installed: ${how}`;
  if (ci) problems.push(msg);
  console.log(`\n=== SKIPPED: ${msg} ===`);
}

function chromiumPath() {
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
}

/** Every source file as Biome formats it (biome.json: width 120); `npm run format` fixes them. */
function formatCheck() {
  console.log('\n=== format ===');
  const r = spawnSync('npx', ['biome', 'format', '.', '--max-diagnostics=20'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) problems.push('format: files not formatted (npm run format)');
}

function lint() {
  const out = path.join(artifacts, 'lint.json');
  fs.rmSync(out, { force: true });
  console.log('\n=== lint ===');
  const r = spawnSync('node', ['tools/lint/run.mjs', '.', '--format', 'json', '--output-file', out], {
    cwd: root,
    stdio: 'inherit',
  });
  if (!fs.existsSync(out)) {
    problems.push(`lint: eslint exited with ${r.status} without a report`);
    return;
  }
  const findings = JSON.parse(fs.readFileSync(out, 'utf8')).flatMap((f) =>
    f.messages
      .filter((m) => m.severity === 2)
      .map((m) => `${path.relative(root, f.filePath)}:${m.line}:${m.column} ${m.message} (${m.ruleId})`),
  );
  for (const f of findings) console.log(f);
  console.log(`lint: ${findings.length} problem${findings.length === 1 ? '' : 's'}`);
  if (findings.length > 0 || r.status !== 0) problems.push(`lint: ${findings.length} problems (npm run lint)`);
}

formatCheck();
lint();
vitest('pglite', ['unit', 'integration']);

if (process.env.TEST_DATABASE_URL) {
  vitest('postgres', ['integration'], { TEST_DATABASE_URL: process.env.TEST_DATABASE_URL });
} else if (findPostgresBin()) {
  const cluster = await startCluster();
  try {
    vitest('postgres', ['integration'], { TEST_DATABASE_URL: cluster.url });
  } finally {
    cluster.stop();
  }
} else {
  missing('The PostgreSQL server', 'apt-get install -y postgresql (or set TEST_DATABASE_URL=postgres://…)');
}

if (
  fs.existsSync(path.join(root, 'e2e')) &&
  fs.readdirSync(path.join(root, 'e2e')).some((f) => f.endsWith('.e2e.test.ts'))
) {
  if (chromiumPath()) {
    const build = spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) problems.push('web build failed');
    else vitest('e2e', ['e2e'], { CHROMIUM_PATH: chromiumPath() });
  } else {
    missing('Chromium', 'apt-get install -y chromium fonts-wqy-microhei');
  }
}

console.log('');
for (const p of problems) console.log(`problem: ${p}`);
console.log(
  `tests: ${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}`,
);
process.exit(problems.length > 0 || tally.failed > 0 ? 1 : 0);
