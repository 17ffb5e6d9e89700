/**
 * Search over a 30,000-item catalogue, in process: p50 and p99 per query over a fixed set of 200
 * queries (several rounds), against the target p50 ≤ 2 ms.
 *   npm run bench:search                 (embedded PGlite)
 *   BENCH_DATABASE_URL=postgres://… npm run bench:search
 */
import { CatalogSearch } from '../server/src/modules/catalog/index.js';
import { benchQueries, scaledCatalog } from './catalog-fixture.js';
import { SearchIndex } from '../server/src/modules/catalog/search/search-index.js';
import { loadSearchDocs } from '../server/src/modules/catalog/search/search.repository.js';
import { queryTokens } from '../server/src/modules/catalog/search/tokenizer.js';
import { regionAncestors } from '../server/src/modules/catalog/search/search.service.js';

const TARGET_ITEMS = Number(process.env.BENCH_ITEMS ?? 30_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

const started = performance.now();
const { database, items } = await scaledCatalog(TARGET_ITEMS, process.env.BENCH_DATABASE_URL);
console.log(
  `catalogue: ${items} items on ${database.dialect} (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
const search = new CatalogSearch(database.db, { flushEvery: 1000 });
const queries = benchQueries();
for (const q of queries) await search.search({ ...q, page: 1, pageSize: 20 }); // warm-up
const times: number[] = [];
let hits = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const q of queries) {
    const t0 = performance.now();
    const r = await search.search({ ...q, page: 1, pageSize: 20 });
    times.push(performance.now() - t0);
    if (r.total > 0) hits++;
  }
}
await search.flush();
times.sort((a, b) => a - b);
const p50 = quantile(times, 0.5);
const p99 = quantile(times, 0.99);
console.log(
  `queries: ${times.length} (${queries.length} distinct × ${ROUNDS} rounds), with results: ${((hits / times.length) * 100).toFixed(1)}%`,
);
console.log(
  `search p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, mean ${(times.reduce((s, x) => s + x, 0) / times.length).toFixed(2)} ms`,
);
console.log(`target p50 ≤ 2 ms: ${p50 <= 2 ? 'met' : 'NOT met'} (p50 / target = ${(p50 / 2).toFixed(2)})`);

// Where the time goes: tokenising the query, and the index alone.
const { docs, generation } = await loadSearchDocs(database.db);
const index = new SearchIndex(docs, generation);
const tok: number[] = [];
const idx: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const q of queries) {
    const t0 = performance.now();
    const tokens = queryTokens(q.q);
    const t1 = performance.now();
    index.search({
      tokens,
      regionAncestors: q.region ? regionAncestors(q.region) : undefined,
      regionPrefix: q.region,
      limit: 20,
      offset: 0,
    });
    idx.push(performance.now() - t1);
    tok.push(t1 - t0);
  }
}
tok.sort((a, b) => a - b);
idx.sort((a, b) => a - b);
console.log(
  `breakdown p50: tokenise ${quantile(tok, 0.5).toFixed(3)} ms, index ${quantile(idx, 0.5).toFixed(3)} ms (p99 ${quantile(tok, 0.99).toFixed(2)} / ${quantile(idx, 0.99).toFixed(2)} ms)`,
);
await database.close();
