/**
 * HTTP throughput of /api/catalog/search — half repeated queries (answer cache), half never seen —
 * against a bare Fastify hello-world, both started by this
 * script as child processes and loaded in turn by autocannon from this process. Prints the ratio
 * (target ≥ 0.5), and the ratio against a hello-world answering a search answer's bytes (what the
 * size of the answer alone costs on this machine).
 *   npm run bench:http      (BENCH_ITEMS, BENCH_SECONDS, BENCH_CONNECTIONS to tune)
 *   BENCH_PROFILE=dir npm run bench:http   (the server's CPU profile under load; bench/profile-summary.ts)
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchQueries } from './catalog-fixture.js';
import { SERVER_NODE_FLAGS } from '../scripts/server-flags.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

function start(script: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', path.join(here, script)], {
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('READY')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function load(url: string, paths: string[], fresh?: () => string) {
  // With `fresh`, every other request is a query never asked before (past the answer cache).
  let n = 0;
  const requests = fresh
    ? [
        {
          method: 'GET' as const,
          setupRequest: (req: object) => ({ ...req, path: n++ % 2 ? fresh() : paths[n % paths.length]! }),
        },
      ]
    : paths.map((p) => ({ method: 'GET' as const, path: p }));
  await autocannon({ url, connections: CONNECTIONS, duration: 3, requests }); // warm-up: JIT, index, caches
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    total: result.requests.total,
  };
}

const tongban = await start('servers/tongban.ts', 3902);
const paths = benchQueries()
  .slice(0, 50)
  .map(({ q, region }) => `/api/catalog/search?q=${encodeURIComponent(q)}${region ? `&region=${region}` : ''}`);
// Never-seen queries: two words people type, paired in ways not asked before.
const words = [...new Set(benchQueries(9).map((b) => b.q))];
let pair = 0;
const fresh = () => {
  const k = pair++;
  const a = words[k % words.length]!;
  const b = words[Math.floor(k / words.length) % words.length]!;
  return `/api/catalog/search?q=${encodeURIComponent(`${a} ${b}`)}`;
};
const searchStats = await load('http://127.0.0.1:3902', paths, fresh);
// The median-sized answer among the paths, for the same-bytes peer.
const bodies = await Promise.all(
  paths.map(async (p) => Buffer.from(await (await fetch(`http://127.0.0.1:3902${p}`)).arrayBuffer())),
);
tongban.kill();
// With BENCH_PROFILE the server writes its profile as it stops.
await new Promise((resolve) => tongban.once('exit', resolve));
const median = bodies.sort((a, b) => a.length - b.length)[bodies.length >> 1]!;
const bodyFile = path.join(mkdtempSync(path.join(tmpdir(), 'tongban-bench-')), 'answer.json');
writeFileSync(bodyFile, median);

const hello = await start('servers/hello.ts', 3901);
const helloStats = await load('http://127.0.0.1:3901', ['/']);
hello.kill();
const same = await start('servers/hello.ts', 3903, { BODY_FILE: bodyFile });
const sameStats = await load('http://127.0.0.1:3903', ['/']);
same.kill();

const ratio = searchStats.rps / helloStats.rps;
const line = (name: string, s: typeof helloStats) =>
  console.log(`${name}: ${s.rps.toFixed(0)} req/s, p50 ${s.p50} ms, p99 ${s.p99} ms, errors ${s.errors}`);
line('hello-world', helloStats);
line(`hello-world answering a ${median.length}-byte search answer`, sameStats);
line('/api/catalog/search', searchStats);
console.log(`ratio search / hello-world = ${ratio.toFixed(2)} (target ≥ 0.5: ${ratio >= 0.5 ? 'met' : 'NOT met'})`);
console.log(`ratio search / same-bytes hello-world = ${(searchStats.rps / sameStats.rps).toFixed(2)}`);
process.exit(0);
