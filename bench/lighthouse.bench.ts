/**
 * Lighthouse on a phone: the portal built and started as `npm start` does (embedded demo database
 * under BENCH_DATA_DIR, seeded on the first run), then Lighthouse's mobile profile with its default
 * (simulated) throttling, driving Debian's Chromium, on the home page, search results, a guide and
 * the tracking page. Prints each page's performance and accessibility scores, FCP, LCP, TBT and the
 * bytes transferred, and the load average before starting (scores fall on a busy machine).
 *   npm run bench:lighthouse     (CHROMIUM_PATH, BENCH_PORT, BENCH_DATA_DIR, BENCH_QUERY to tune)
 * Target (issue 19): performance ≥ 90 and accessibility 100 on every page.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printLoad } from './lib/report.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const QUERY = process.env.BENCH_QUERY ?? '身份证';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(base: string, exited: () => boolean): Promise<void> {
  const until = Date.now() + 10 * 60_000; // the first run seeds the demo database
  while (Date.now() < until) {
    if (exited()) throw new Error('the server exited before it was ready');
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server was not ready within 10 minutes');
}

const port = Number(process.env.BENCH_PORT ?? (await freePort()));
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: process.env.BENCH_DATA_DIR ?? path.join(root, 'data', 'bench-lighthouse'),
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true, // its own process group: start.mjs runs the server as a child
});
let exited = false;
server.on('exit', () => {
  exited = true;
});
const stop = () => {
  if (!exited && server.pid) process.kill(-server.pid, 'SIGTERM');
};

try {
  await waitReady(base, () => exited);
  const search = (await (await fetch(`${base}/api/catalog/search?q=${encodeURIComponent(QUERY)}`)).json()) as {
    items?: { code: string }[];
  };
  const code = search.items?.[0]?.code;
  if (!code) throw new Error(`no item found for ${QUERY}`);
  const pages: [string, string][] = [
    ['home', '/'],
    ['search', `/search?q=${encodeURIComponent(QUERY)}`],
    ['guide', `/items/${encodeURIComponent(code)}`],
    ['tracking', '/track'],
  ];

  printLoad();
  console.log('page      perf  a11y   FCP ms   LCP ms   TBT ms   bytes');
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const failed: string[] = [];
  try {
    for (const [name, url] of pages) {
      const result = await lighthouse(`${base}${url}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      if (!result) throw new Error(`lighthouse gave no result for ${url}`);
      const { categories, audits } = result.lhr;
      const score = (c: string) => Math.round((categories[c]?.score ?? 0) * 100);
      const ms = (a: string) => Math.round(audits[a]?.numericValue ?? Number.NaN);
      const perf = score('performance');
      const a11y = score('accessibility');
      if (perf < 90 || a11y < 100) failed.push(name);
      const a11yFailures = (categories.accessibility?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && audits[ref.id]?.score === 0)
        .map((ref) => ref.id);
      console.log(
        [
          name.padEnd(8),
          String(perf).padStart(5),
          String(a11y).padStart(5),
          String(ms('first-contentful-paint')).padStart(8),
          String(ms('largest-contentful-paint')).padStart(8),
          String(ms('total-blocking-time')).padStart(8),
          String(ms('total-byte-weight')).padStart(7),
        ].join(' ') + (a11yFailures.length ? `  a11y: ${a11yFailures.join(', ')}` : ''),
      );
    }
  } finally {
    chrome.kill();
  }
  printLoad('load average after');
  console.log(failed.length ? `below target (perf ≥ 90, a11y 100): ${failed.join(', ')}` : 'all pages on target');
} finally {
  stop();
}
