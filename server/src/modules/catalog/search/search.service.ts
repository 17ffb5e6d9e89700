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
import { Suggester, type Sounds } from './suggestions.js';
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
 * Freshness: the node reads the whole read model once; after that it reads only the services a
 * generation changed (catalog.search_change) and applies them to its index — milliseconds, where
 * reading and building 300,000 implementations again takes seconds. It reads everything again only
 * when the log does not reach back to its generation or a change is too large. A write through this
 * node calls `invalidate()`, and the next query waits for the update (read your own writes). Writes
 * through other nodes are seen when this node looks at the generation, at most once every
 * `checkMs`, on a query; it updates in the background, answering from what it has meanwhile.
 *
 * Recent answers are kept in a small LRU cache for the generation they came from (people ask the
 * same few dozen things all day: 营业执照, 社保, 公积金); a new generation empties it.
 */
export class CatalogSearch {
  private current: Searchable | undefined;
  /** The update in flight (one at a time). */
  private updating: Promise<Searchable> | undefined;
  /** The background update started by a query (see `settle`). */
  private background: Promise<unknown> | undefined;
  /** A write through this node since the last update began: the next query waits for another. */
  private stale = false;
  private checkedAt = 0;
  private readonly cache = new Map<string, SearchResult>();
  private cachedFor: Searchable | undefined;
  private readonly regionNames = new Map<string, string>();
  private readonly queryLog: QueryLog;
  private readonly hot: HotSearchPolicy;
  /** The last 热门搜索 answer (see `hotQueries`). */
  private hot$: { at: number; limit: number; answer: Promise<string[]> } | undefined;
  private lastUpdate$: 'built' | 'applied' | 'unchanged' | undefined;
  /** Updates since start that read the whole read model, and that applied changed services (for metrics). */
  readonly updates = { built: 0, applied: 0 };
  /** The phrases' sounds for 您是不是要找, kept across generations. */
  private readonly sounds: Sounds = new Map();

  constructor(
    private readonly db: Db,
    private readonly opts: QueryLogOptions & { checkMs?: number; cacheSize?: number; hot?: HotSearchPolicy } = {},
  ) {
    this.hot = opts.hot ?? DEFAULT_HOT_POLICY;
    this.queryLog = new QueryLog(db, { ...opts, keepDays: Math.max(this.hot.windowDays, 1) });
  }

  /** How the index was last brought up to date: read in full, changed services applied, or already current. */
  get lastUpdate(): 'built' | 'applied' | 'unchanged' | undefined {
    return this.lastUpdate$;
  }

  /** The read model changed through this node: the next query waits until the index has the change. */
  invalidate(): void {
    this.stale = true;
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

  /** The whole read model, read and indexed. */
  private async build(): Promise<Searchable> {
    const [{ generation, docs }, synonyms, themes] = await Promise.all([
      repo.loadSearchDocs(this.db),
      repo.loadSynonyms(this.db),
      listThemes(this.db),
    ]);
    this.lastUpdate$ = 'built';
    this.updates.built++;
    return searchableFrom(new SearchIndex(docs, generation), synonyms, themes, this.sounds);
  }

  /** `from` brought up to the read model's generation: by the services that changed, or built again. */
  private async advance(from: Searchable): Promise<Searchable> {
    const index = from.index;
    // Reading a quarter of the services one by one costs about what reading them all does.
    const delta = await repo.loadSearchDelta(this.db, index.generation, Math.max(200, index.services >> 2));
    if (delta.kind === 'everything') return this.build();
    if (delta.kind === 'same') {
      this.lastUpdate$ = 'unchanged';
      return from;
    }
    // Synonyms and themes are small: read again with every change.
    const [synonyms, themes] = await Promise.all([repo.loadSynonyms(this.db), listThemes(this.db)]);
    index.apply(delta.services, delta.generation);
    this.lastUpdate$ = 'applied';
    this.updates.applied++;
    return searchableFrom(index, synonyms, themes, this.sounds);
  }

  /** One update at a time; a caller arriving during one shares it. */
  private update(): Promise<Searchable> {
    this.updating ??= (async () => {
      this.stale = false;
      this.checkedAt = Date.now();
      try {
        this.current = this.current ? await this.advance(this.current) : await this.build();
        return this.current;
      } finally {
        this.updating = undefined;
      }
    })();
    return this.updating;
  }

  private async searchable(): Promise<Searchable> {
    // The first query, and one after a write through this node, wait for the index to have it.
    while (!this.current || this.stale) {
      const wanted = this.stale;
      try {
        await this.update();
      } catch (e) {
        // The next query tries again.
        this.stale ||= wanted;
        throw e;
      }
    }
    if (Date.now() - this.checkedAt > (this.opts.checkMs ?? 1000) && !this.updating) {
      this.background = this.update().catch((err: unknown) => {
        this.opts.log?.error({ err }, 'search index update failed; answering from the previous generation');
      });
    }
    return this.current;
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

  /** The read model's generation the index answers for (for metrics; undefined before the first build). */
  get generation(): number | undefined {
    return this.current?.index.generation;
  }

  /** Entries waiting for the next flush (for metrics). */
  get pendingEntries(): number {
    return this.queryLog.pendingEntries;
  }

  /** Waits for a background update (tests, shutdown). */
  async settle(): Promise<void> {
    await this.background;
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
  return searchableFrom(new SearchIndex(docs, generation), synonyms, themes);
}

function searchableFrom(
  index: SearchIndex,
  synonyms: Synonyms,
  themes: readonly ThemeSummary[],
  sounds?: Sounds,
): Searchable {
  // Suggestions come from each service's names and keywords once (not from every implementation),
  // read when the first query finds nothing.
  const phrases = () => [
    ...synonyms.keys(),
    ...[...synonyms.values()].flat(),
    ...themes.map((t) => t.name),
    ...index.phrases(),
  ];
  return { index, synonyms, themes: new ThemeMatcher(themes), suggester: new Suggester(phrases, sounds) };
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
