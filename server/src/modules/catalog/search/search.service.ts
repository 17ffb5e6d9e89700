/**
 * Search that understands how people ask: colloquial phrases through item keywords and synonyms,
 * pinyin and initials, region filtering, and a log of every query (zero-result queries are unmet
 * demand).
 */
import type { Db } from '../../../platform/db/index.js';
import { QueryLog, dayOf, type QueryLogOptions } from './query-log.js';
import type { Item, ThemeSummary } from '../../../../../contracts/catalog.js';
import type { SearchRegion, SearchResult } from '../../../../../contracts/search.js';
import { regionLevel, storableText } from '../../../platform/validators/index.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { englishTokens, normaliseQuery, queryTokens, strongTokens, weakTokens, type Synonyms } from './tokenizer.js';
import { SearchIndex } from './search-index.js';
import { englishName } from './names-en.js';
import { Suggester } from './suggestions.js';
import { ThemeMatcher } from './theme-match.js';
import * as repo from './search.repository.js';
import type { SearchDoc } from './search.repository.js';
import { findRegion } from '../regions.repository.js';
import { listThemes } from '../themes.service.js';

/** Builds the read-model row of a published item. */
export function searchDocOf(itemId: string, item: Item): SearchDoc {
  const nameEn = englishName(item.name);
  return {
    itemId,
    code: item.code,
    basicCode: item.basicCode,
    regionCode: item.region.code,
    itemType: item.itemType,
    name: item.name,
    lexemes: {
      a: [...strongTokens([item.name, ...item.keywords, item.result.name]), ...englishTokens(nameEn)],
      b: weakTokens([item.department.name, item.department.shortName, item.summary]),
      c: weakTokens([...item.conditions, ...item.materials.map((m) => m.name), item.legalBasis]),
    },
    hit: {
      code: item.code,
      basicCode: item.basicCode,
      name: item.name,
      nameEn,
      summary: item.summary,
      itemType: item.itemType,
      department: { id: item.department.id, name: item.department.name, nameEn: item.department.nameEn },
      region: { code: item.region.code, name: item.region.name, nameEn: item.region.nameEn },
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

/** 热门搜索: how many distinct people over how many days, and queries never shown. */
export interface HotSearchPolicy {
  windowDays: number;
  minPeople: number;
  /** Words that keep a query off the hot list (normalised, contained anywhere in it). */
  denylist: readonly string[];
  /**
   * How long an answer is kept (ms; 0: read on every request). Reading it writes the buffered
   * query log first, so that every home page and search page did a write and a read of the log.
   */
  cacheMs?: number;
}

export const DEFAULT_HOT_POLICY: HotSearchPolicy = { windowDays: 7, minPeople: 5, denylist: [], cacheMs: 0 };

/** What one index generation answers with: items, themes and suggestions. */
export interface Searchable {
  index: SearchIndex;
  synonyms: Synonyms;
  themes: ThemeMatcher;
  suggester: Suggester;
}

/** A query as the route hands it over. */
export interface SearchInput {
  q: string;
  /** The region the person asked for (`region` parameter). */
  region?: string;
  /** Where the signed-in person's household is registered, asked only when no region is given. */
  householdRegion?: () => Promise<string | undefined>;
  page: number;
  pageSize: number;
  /** Who asked (a keyed hash of the person or the client address), for 热门搜索. */
  asker?: string;
  /** The portal's search id (answered to the page, echoed by its clicks): the search is logged for demand analysis. */
  searchId?: string;
  /** The analytics key of the signed-in person, to link a search to the case it led to. */
  person?: string;
}

/**
 * The search use case: an in-process index over the read model, themes, suggestions, and a query
 * log written in batches so that logging never sits on the query's path.
 *
 * Freshness: a write through this node calls `invalidate()`, and the next query waits for a fresh
 * index. Writes through other nodes bump the read model's generation; this node looks at it at
 * most once every `checkMs` and rebuilds in the background, serving the previous index meanwhile.
 *
 * Recent answers are kept in a small LRU cache for the index they came from (people ask the same
 * few dozen things all day: 营业执照, 社保, 公积金); a new index empties it.
 */
export class CatalogSearch {
  private current: Promise<Searchable> | undefined;
  private rebuilding: Promise<void> | undefined;
  private checkedAt = 0;
  private readonly cache = new Map<string, SearchResult>();
  private cachedFor: Searchable | undefined;
  private readonly regionNames = new Map<string, string>();
  private readonly queryLog: QueryLog;
  private readonly hot: HotSearchPolicy;
  /** The last 热门搜索 answer (see `hotQueries`). */
  private hot$: { at: number; limit: number; answer: Promise<string[]> } | undefined;

  constructor(
    private readonly db: Db,
    private readonly opts: QueryLogOptions & { checkMs?: number; cacheSize?: number; hot?: HotSearchPolicy } = {},
  ) {
    this.hot = opts.hot ?? DEFAULT_HOT_POLICY;
    this.queryLog = new QueryLog(db, { ...opts, keepDays: Math.max(this.hot.windowDays, 1) });
  }

  invalidate(): void {
    this.current = undefined;
  }

  /** Rebuilds the read model when it was built in an older format, then loads the index. */
  async warm(rebuildReadModel?: () => Promise<unknown>): Promise<void> {
    if (rebuildReadModel && (await repo.readModelIsStale(this.db))) {
      await rebuildReadModel();
      await repo.markReadModelCurrent(this.db);
      this.invalidate();
    }
    await this.searchable();
  }

  /** The cached answer for `key`, refreshed as most recently used. */
  private cached(from: Searchable, key: string): SearchResult | undefined {
    if (this.cachedFor !== from) {
      this.cache.clear();
      this.cachedFor = from;
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

  private async build(): Promise<Searchable> {
    const [{ generation, docs }, synonyms, themes] = await Promise.all([
      repo.loadSearchDocs(this.db),
      repo.loadSynonyms(this.db),
      listThemes(this.db),
    ]);
    this.checkedAt = Date.now();
    return searchableOf(docs, generation, synonyms, themes);
  }

  private async searchable(): Promise<Searchable> {
    this.current ??= this.build().catch((e) => {
      this.current = undefined;
      throw e;
    });
    const current = await this.current;
    if (Date.now() - this.checkedAt > (this.opts.checkMs ?? 1000) && !this.rebuilding) {
      this.checkedAt = Date.now();
      this.rebuilding = (async () => {
        if ((await repo.readGeneration(this.db)) !== current.index.generation) {
          this.current = Promise.resolve(await this.build());
        }
      })()
        .catch(() => undefined)
        .finally(() => {
          this.rebuilding = undefined;
        });
    }
    return current;
  }

  /** The region's name; a code of the right form that names no region is a 404. */
  private async regionName(code: string): Promise<string> {
    let name = this.regionNames.get(code);
    if (name === undefined) {
      const region = await findRegion(this.db, code);
      if (!region)
        throw notFound('CATALOG.REGION_NOT_FOUND', { zh: `未找到行政区划：${code}`, en: `No such region: ${code}` });
      name = region.name;
      if (this.regionNames.size < 50_000) this.regionNames.set(code, name);
    }
    return name;
  }

  /** The region implementations are chosen for: the one asked for, else the person's household county. */
  private async regionOf(input: SearchInput): Promise<SearchRegion | null> {
    if (input.region !== undefined) {
      if (!regionLevel(input.region)) {
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
      return { code: input.region, name: await this.regionName(input.region), source: 'query' };
    }
    const household = (await input.householdRegion?.())?.slice(0, 6);
    if (!household || !regionLevel(household)) return null;
    const name = await this.regionName(household).catch(() => undefined);
    return name ? { code: household, name, source: 'household' } : null;
  }

  async search(input: SearchInput): Promise<SearchResult> {
    const [from, region] = await Promise.all([this.searchable(), this.regionOf(input)]);
    const key = `${region?.code ?? ''}\u0000${region?.source ?? ''}\u0000${input.page}\u0000${input.pageSize}\u0000${input.q}`;
    let result = this.cached(from, key);
    if (!result) {
      result = answer(from, input, region);
      this.remember(key, result);
    }
    if (input.page === 1) {
      const query = storableText(input.q.trim().slice(0, 200));
      const hotForm = storableText(normaliseQuery(input.q));
      this.queryLog.record(
        { query, regionCode: region?.code ?? null, resultCount: result.total, topCode: result.items[0]?.code ?? null },
        input.asker && hotForm ? { query: hotForm, id: input.asker } : undefined,
        input.searchId && input.asker && hotForm
          ? {
              searchId: input.searchId,
              query: hotForm,
              regionCode: region?.code ?? null,
              results: result.total,
              session: input.asker,
              person: input.person ?? null,
            }
          : undefined,
      );
    }
    return result;
  }

  /** Writes the buffered query log (on close, and by the reports that read it). */
  flush(): Promise<void> {
    return this.queryLog.flush();
  }

  /** Entries waiting for the next flush (for metrics). */
  get pendingEntries(): number {
    return this.queryLog.pendingEntries;
  }

  /** Waits for a background rebuild (tests, shutdown). */
  async settle(): Promise<void> {
    await this.rebuilding;
  }

  /**
   * 热门搜索: successful queries asked by enough distinct people in the window, none on the
   * denylist — read again at most every `cacheMs`; concurrent requests share one read.
   */
  hotQueries(limit = 8): Promise<string[]> {
    const kept = this.hot$;
    if (kept && kept.limit === limit && Date.now() - kept.at < (this.hot.cacheMs ?? 0)) return kept.answer;
    const entry = { at: Date.now(), limit, answer: this.readHotQueries(limit) };
    if ((this.hot.cacheMs ?? 0) > 0) {
      this.hot$ = entry;
      // A failed read is not kept: the next request reads again (the caller gets the failure).
      entry.answer.catch(() => {
        if (this.hot$ === entry) this.hot$ = undefined;
      });
    }
    return entry.answer;
  }

  private async readHotQueries(limit: number): Promise<string[]> {
    if (this.queryLog.pendingEntries > 0) await this.flush().catch(() => undefined);
    const denied = this.hot.denylist.map(normaliseQuery).filter((w) => w.length > 0);
    const rows = await repo.listHotQueries(this.db, {
      limit: limit + 4 * denied.length,
      since: dayOf(new Date((this.opts.now?.() ?? new Date()).getTime() - (this.hot.windowDays - 1) * 86_400_000)),
      minPeople: this.hot.minPeople,
    });
    return rows
      .map((r) => r.query)
      .filter((q) => !denied.some((w) => q.includes(w)))
      .slice(0, limit);
  }

  zeroResultQueries(limit = 50) {
    return repo.listZeroResultQueries(
      this.db,
      limit,
      new Date((this.opts.now?.() ?? new Date()).getTime() - 30 * 86_400_000),
    );
  }
}

/** The index, theme matcher and suggester of one generation of the read model. */
export function searchableOf(
  docs: readonly SearchDoc[],
  generation: number,
  synonyms: Synonyms,
  themes: readonly ThemeSummary[],
): Searchable {
  // Suggestions come from each service's names and keywords once (not from every implementation).
  const phrases = new Set<string>([...synonyms.keys(), ...[...synonyms.values()].flat(), ...themes.map((t) => t.name)]);
  const seen = new Set<string>();
  for (const d of docs) {
    if (seen.has(d.basicCode)) continue;
    seen.add(d.basicCode);
    phrases.add(d.name);
    for (const l of d.lexemes.a) phrases.add(l);
  }
  return {
    index: new SearchIndex(docs, generation),
    synonyms,
    themes: new ThemeMatcher(themes),
    suggester: new Suggester(phrases),
  };
}

/** Searches one index generation: one hit per service, the themes named, suggestions when nothing is found. */
export function answer(from: Searchable, input: SearchInput, region: SearchRegion | null): SearchResult {
  const tokens = queryTokens(input.q, from.synonyms);
  const found =
    tokens.terms.length + tokens.prefixes.length > 0
      ? from.index.search({
          tokens,
          region: region?.code,
          limit: input.pageSize,
          offset: (input.page - 1) * input.pageSize,
        })
      : { hits: [], total: 0 };
  return {
    items: found.hits,
    total: found.total,
    query: input.q,
    region,
    themes: input.page === 1 ? from.themes.match(tokens) : [],
    suggestions: found.total === 0 ? from.suggester.suggest(input.q) : [],
  };
}

export { upsertSearchDocs, deleteSearchDoc } from './search.repository.js';
export type { SearchLogSink } from './query-log.js';
