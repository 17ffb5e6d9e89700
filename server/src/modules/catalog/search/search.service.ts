/**
 * Search that understands how people ask: colloquial phrases through item keywords and synonyms,
 * pinyin and initials, region filtering, and a log of every query (zero-result queries are unmet
 * demand).
 */
import { isDatabaseUnavailable, type Db } from '../../../platform/db/index.js';
import type { Item, SearchResult } from '../../../../../contracts/catalog.js';
import { regionLevel, storableText } from '../../../platform/validators/index.js';
import { invalid } from '../../../platform/errors.js';
import { queryTokens, strongTokens, weakTokens, type Synonyms } from './tokenizer.js';
import { SearchIndex } from './search-index.js';
import * as repo from './search.repository.js';
import type { SearchDoc } from './search.repository.js';

/** Builds the read-model row of a published item. */
export function searchDocOf(itemId: string, item: Item): SearchDoc {
  return {
    itemId,
    code: item.code,
    regionCode: item.region.code,
    itemType: item.itemType,
    name: item.name,
    lexemes: {
      a: strongTokens([item.name, ...item.keywords, item.result.name]),
      b: weakTokens([item.department.name, item.department.shortName, item.summary]),
      c: weakTokens([...item.conditions, ...item.materials.map((m) => m.name), item.legalBasis]),
    },
    hit: {
      code: item.code,
      name: item.name,
      summary: item.summary,
      itemType: item.itemType,
      department: { id: item.department.id, name: item.department.name },
      region: { code: item.region.code, name: item.region.name },
      visits: item.visits,
      promisedLimitDays: item.promisedLimitDays,
      provinceWide: item.provinceWide,
    },
  };
}

/** Ancestors of a region code, itself included: 520103 → 52, 5201, 520103. */
export function regionAncestors(code: string): string[] {
  const cuts = [2, 4, 6, 9, 12].filter((n) => n <= code.length);
  return cuts.map((n) => code.slice(0, n));
}

/** Distinct query-log entries kept while the database is away; beyond it the oldest are dropped. */
const MAX_PENDING = 50_000;

interface LogEntry {
  query: string;
  regionCode: string | null;
  resultCount: number;
  topCode: string | null;
  /** How many times it was asked in this flush window. */
  count: number;
  at: Date;
}

/** Where the query log reports a batch it could not write (pino's logger fits). */
export interface SearchLogSink {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * The search use case: an in-process index over the read model, synonyms, and a query log written
 * in batches so that logging never sits on the query's path.
 *
 * Freshness: a write through this node calls `invalidate()`, and the next query waits for a fresh
 * index. Writes through other nodes bump the read model's generation; this node looks at it at
 * most once every `checkMs` and rebuilds in the background, serving the previous index meanwhile.
 *
 * Recent answers are kept in a small LRU cache for the index they came from (people ask the same
 * few dozen things all day: 营业执照, 社保, 公积金); a new index empties it. The log counts
 * identical queries within a flush window into one row.
 */
export class CatalogSearch {
  private synonyms: Promise<Synonyms> | undefined;
  private index: Promise<SearchIndex> | undefined;
  private rebuilding: Promise<void> | undefined;
  private checkedAt = 0;
  private pending = new Map<string, LogEntry>();
  private asked = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Consecutive failed writes of the query log; the batch is kept for a retry until `maxRetries`. */
  private failures = 0;
  private readonly cache = new Map<string, SearchResult>();
  private cachedFor: SearchIndex | undefined;

  constructor(
    private readonly db: Db,
    private readonly opts: {
      flushEvery?: number;
      flushMs?: number;
      checkMs?: number;
      cacheSize?: number;
      maxRetries?: number;
      log?: SearchLogSink;
    } = {},
  ) {}

  invalidate(): void {
    this.synonyms = undefined;
    this.index = undefined;
  }

  /** Loads the index and synonyms now rather than on the first query. */
  async warm(): Promise<void> {
    this.synonyms ??= repo.loadSynonyms(this.db);
    await Promise.all([this.synonyms, this.currentIndex()]);
  }

  /** The cached answer for `key` from `index`, refreshed as most recently used. */
  private cached(index: SearchIndex, key: string): SearchResult | undefined {
    if (this.cachedFor !== index) {
      this.cache.clear();
      this.cachedFor = index;
      return undefined;
    }
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
    }
    return hit;
  }

  private remember(key: string, result: SearchResult): void {
    const size = this.opts.cacheSize ?? 2000;
    if (size <= 0) return;
    this.cache.set(key, result);
    if (this.cache.size > size) this.cache.delete(this.cache.keys().next().value!);
  }

  private async build(): Promise<SearchIndex> {
    const { generation, docs } = await repo.loadSearchDocs(this.db);
    this.checkedAt = Date.now();
    return new SearchIndex(docs, generation);
  }

  private async currentIndex(): Promise<SearchIndex> {
    this.index ??= this.build().catch((e) => {
      this.index = undefined;
      throw e;
    });
    const index = await this.index;
    if (Date.now() - this.checkedAt > (this.opts.checkMs ?? 1000) && !this.rebuilding) {
      this.checkedAt = Date.now();
      this.rebuilding = (async () => {
        if ((await repo.readGeneration(this.db)) !== index.generation) {
          const fresh = await this.build();
          this.index = Promise.resolve(fresh);
          this.synonyms = undefined;
        }
      })()
        .catch(() => undefined)
        .finally(() => {
          this.rebuilding = undefined;
        });
    }
    return index;
  }

  async search(input: { q: string; region?: string; page: number; pageSize: number }): Promise<SearchResult> {
    if (input.region !== undefined && !regionLevel(input.region)) {
      throw invalid(
        'CATALOG.BAD_REGION',
        { zh: `行政区划代码无效：${input.region}`, en: `Invalid region code: ${input.region}` },
        [
          {
            field: 'query.region',
            code: 'CATALOG.BAD_REGION',
            message: { zh: '行政区划代码无效', en: 'Invalid region code' },
          },
        ],
      );
    }
    this.synonyms ??= repo.loadSynonyms(this.db);
    const [synonyms, index] = await Promise.all([this.synonyms, this.currentIndex()]);
    const key = `${input.region ?? ''}\u0000${input.page}\u0000${input.pageSize}\u0000${input.q}`;
    let result = this.cached(index, key);
    if (!result) {
      const tokens = queryTokens(input.q, synonyms);
      const found =
        tokens.terms.length + tokens.prefixes.length > 0
          ? index.search({
              tokens,
              regionAncestors: input.region ? regionAncestors(input.region) : undefined,
              regionPrefix: input.region,
              limit: input.pageSize,
              offset: (input.page - 1) * input.pageSize,
            })
          : { hits: [], total: 0 };
      result = { items: found.hits, total: found.total, query: input.q };
      this.remember(key, result);
    }
    if (input.page === 1) this.log(storableText(input.q.trim().slice(0, 200)), input.region ?? null, result);
    return result;
  }

  private log(query: string, regionCode: string | null, result: SearchResult): void {
    const topCode = result.items[0]?.code ?? null;
    const key = `${regionCode ?? ''}\u0000${result.total}\u0000${topCode ?? ''}\u0000${query}`;
    this.add(key, { query, regionCode, resultCount: result.total, topCode, count: 1, at: new Date() });
    if (++this.asked >= (this.opts.flushEvery ?? 5000)) this.flushInBackground();
    else this.schedule();
  }

  private add(key: string, entry: LogEntry): void {
    const known = this.pending.get(key);
    if (known) known.count += entry.count;
    else if (this.pending.size < MAX_PENDING) this.pending.set(key, entry);
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flushInBackground(), this.opts.flushMs ?? 2000).unref();
  }

  /**
   * Writes buffered query-log entries (on close, and by the zero-result report). Rejects when the
   * database refuses; the entries are then kept for the next attempt.
   */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = new Map(this.pending);
    this.pending = new Map();
    this.asked = 0;
    try {
      await repo.insertSearchLogs(this.db, [...batch.values()]);
      this.failures = 0;
    } catch (e) {
      // Entries logged meanwhile stay; the failed batch joins them for the next attempt.
      for (const [key, entry] of batch) this.add(key, entry);
      throw e;
    }
  }

  /**
   * The query log's background write: it never rejects (an unhandled rejection would stop the
   * process). A failed write is retried on the next tick of the timer; after `maxRetries`
   * consecutive failures the buffered entries are dropped and their number logged.
   */
  private flushInBackground(): void {
    this.flush().catch((err: unknown) => {
      // While the database is away (a restart) the entries are kept, bounded by MAX_PENDING.
      if (!isDatabaseUnavailable(err)) this.failures++;
      const entries = this.pending.size;
      if (this.failures > (this.opts.maxRetries ?? 3)) {
        const queries = [...this.pending.values()].reduce((n, e) => n + e.count, 0);
        this.pending = new Map();
        this.failures = 0;
        this.opts.log?.error({ err, entries, queries }, 'search log: write failed again, buffered queries dropped');
      } else {
        this.opts.log?.warn({ err, entries, attempt: this.failures }, 'search log: write failed, will retry');
        this.schedule();
      }
    });
  }

  /** Entries waiting for the next flush (for metrics). */
  get pendingEntries(): number {
    return this.pending.size;
  }

  /** Waits for a background rebuild (tests, shutdown). */
  async settle(): Promise<void> {
    await this.rebuilding;
  }

  hotQueries(limit = 8): Promise<string[]> {
    return repo.listHotQueries(this.db, limit, new Date(Date.now() - 30 * 86_400_000));
  }

  zeroResultQueries(limit = 50) {
    return repo.listZeroResultQueries(this.db, limit, new Date(Date.now() - 30 * 86_400_000));
  }
}

export { upsertSearchDocs, deleteSearchDoc } from './search.repository.js';
