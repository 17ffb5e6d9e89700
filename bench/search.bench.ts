/**
 * Search, in process, on the full catalogue (every county and city of the province implementing
 * the seed items, 30,000 implementations) and on a 300,000-implementation synthetic one.
 *
 * Uncached and cached answers are measured apart: the uncached loop runs on a search with no
 * answer cache, after a warm-up with other queries (JIT, index), so no timed query was seen
 * before; the cached loop asks queries its warm-up asked. Per round: p50 and p99; the spread is
 * the range of the rounds' figures. Prints the load average first: on a shared machine the
 * figures move with it. Targets at 300,000: uncached p50 ≤ 1 ms, p99 ≤ 10 ms.
 *   npm run bench:search                 (embedded PGlite; BENCH_ITEMS, BENCH_SYNTHETIC, BENCH_ROUNDS)
 *   BENCH_DATABASE_URL=postgres://… npm run bench:search
 */
import { loadavg } from 'node:os';
import { CatalogSearch, listThemes } from '../server/src/modules/catalog/index.js';
import { benchQueries, scaledCatalog, syntheticDocs } from './catalog-fixture.js';
import { answer, searchableOf } from '../server/src/modules/catalog/search/search.service.js';
import { loadSearchDocs, loadSynonyms } from '../server/src/modules/catalog/search/search.repository.js';

const TARGET_ITEMS = Number(process.env.BENCH_ITEMS ?? 30_000);
const SYNTHETIC = Number(process.env.BENCH_SYNTHETIC ?? 300_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (x: number) => x.toFixed(3);
/** JS heap and typed-array memory (the postings), in MB. */
const heapMb = () => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
};

type Query = { q: string; region?: string };

/** Times `run` over the queries for ROUNDS rounds; p50/p99 over all, and the range of each round's. */
async function timed(label: string, queries: Query[], run: (q: Query) => unknown) {
  const all: number[] = [];
  const rounds: { p50: number; p99: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const times: number[] = [];
    for (const q of queries) {
      const t0 = performance.now();
      await run(q);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    rounds.push({ p50: quantile(times, 0.5), p99: quantile(times, 0.99) });
    all.push(...times);
  }
  all.sort((a, b) => a - b);
  const range = (k: 'p50' | 'p99') =>
    `${ms(Math.min(...rounds.map((x) => x[k])))}–${ms(Math.max(...rounds.map((x) => x[k])))}`;
  console.log(
    `${label}: p50 ${ms(quantile(all, 0.5))} ms, p99 ${ms(quantile(all, 0.99))} ms ` +
      `(${queries.length} queries × ${ROUNDS} rounds; per-round p50 ${range('p50')}, p99 ${range('p99')})`,
  );
  return { p50: quantile(all, 0.5), p99: quantile(all, 0.99) };
}

console.log(
  `load average before start: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} (1/5/15 min)`,
);
const queries = benchQueries(7);
const warmup = benchQueries(8).filter((w) => !queries.some((q) => q.q === w.q && q.region === w.region));

const started = performance.now();
const { database, items } = await scaledCatalog(TARGET_ITEMS, process.env.BENCH_DATABASE_URL);
console.log(
  `full catalogue: ${items} implementations on ${database.dialect} (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
);

// The full catalogue through the service (regions looked up, query log kept).
const uncached = new CatalogSearch(database.db, { flushEvery: 1000, cacheSize: 0 });
let t0 = performance.now();
await uncached.warm();
console.log(`index build (load + index + themes + suggestions): ${((performance.now() - t0) / 1000).toFixed(2)} s`);
for (const q of warmup) await uncached.search({ ...q, page: 1, pageSize: 20 });
let found = 0;
await timed('full catalogue, uncached', queries, async (q) => {
  if ((await uncached.search({ ...q, page: 1, pageSize: 20 })).total > 0) found++;
});
console.log(`  queries with results: ${((found / (queries.length * ROUNDS)) * 100).toFixed(1)}%`);
const cached = new CatalogSearch(database.db, { flushEvery: 1000 });
for (const q of queries) await cached.search({ ...q, page: 1, pageSize: 20 });
await timed('full catalogue, cached', queries, (q) => cached.search({ ...q, page: 1, pageSize: 20 }));
await Promise.all([uncached.flush(), cached.flush()]);

// The synthetic catalogue: the full one's documents repeated as further situations of each service.
const [{ docs }, synonyms, themes] = await Promise.all([
  loadSearchDocs(database.db),
  loadSynonyms(database.db),
  listThemes(database.db),
]);
await database.close();
const synthetic = syntheticDocs(docs, SYNTHETIC);
const before = heapMb();
t0 = performance.now();
const searchable = searchableOf(synthetic, 1, synonyms, themes);
const buildS = (performance.now() - t0) / 1000;
console.log(
  `synthetic catalogue: ${searchable.index.size} implementations of ${searchable.index.services} services; ` +
    `index build ${buildS.toFixed(2)} s, memory +${(heapMb() - before).toFixed(0)} MB` +
    (globalThis.gc ? '' : ' (approximate: run with --expose-gc for an exact figure)'),
);
for (const q of warmup) answer(searchable, { ...q, page: 1, pageSize: 20 }, null);
const region = (q: Query) => (q.region ? { code: q.region, name: q.region, source: 'query' as const } : null);
const big = await timed(`synthetic ${SYNTHETIC}, uncached`, queries, (q) =>
  answer(searchable, { ...q, page: 1, pageSize: 20 }, region(q)),
);
console.log(
  `targets at ${SYNTHETIC}: uncached p50 ≤ 1 ms ${big.p50 <= 1 ? 'met' : 'NOT met'}, p99 ≤ 10 ms ${big.p99 <= 10 ? 'met' : 'NOT met'}`,
);
console.log(
  `load average after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
