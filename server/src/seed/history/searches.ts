/**
 * The demo history's searches, through the portal's own search use case (`CatalogSearch`, its
 * query log dated by the simulated clock) and click logging (`logSearchClicks`), so the big-data
 * centre's 需求分析 hears them as it hears live traffic: `catalog.searches-logged` with the askers'
 * keyed hashes, `catalog.search-clicked` with the signed-in person's analytics key.
 *
 * The words are the catalogue's: a service's name, its short form (the name without its bracketed
 * case), its keywords (the colloquial ones people type: 提公积金, 办结婚证) and the synonyms that
 * lead to it (公积金, 驾照). Visitors are anonymous: each is a client address, hashed like any other;
 * applicants search signed in, from their household county (an enterprise's representative names
 * the enterprise's region).
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/context.js';
import { Rng } from '../../platform/random/rng.js';
import { beijingDate } from '../../platform/calendar/beijing.js';
import {
  askerOf,
  CatalogSearch,
  getPublishedItem,
  loadSynonyms,
  logSearchClicks,
  type LoggedClick,
} from '../../modules/catalog/index.js';
import { personKeyOf } from '../../modules/analytics/index.js';
import { householdRegionIn } from '../../household-region.js';
import type { Wiring } from '../../wiring.js';
import type { Script, SimulatedClock } from './agenda.js';
import type { Service } from './plan.js';
import type { SearchSessionPlan } from './search-plan.js';

/** What the history searched, counted as 需求分析 counts it (page-1 searches). */
export interface SearchTally {
  searches: number;
  /** Distinct people: signed-in applicants and visitors' addresses. */
  people: number;
  zeroResult: number;
  /** Searches with a result opened. */
  clicked: number;
  /** Searches whose opened result the same person applied for that day or the next. */
  ledToApplication: number;
}

export const emptySearchTally = (): SearchTally => ({
  searches: 0,
  people: 0,
  zeroResult: 0,
  clicked: 0,
  ledToApplication: 0,
});

interface Searcher {
  actor: Actor;
  ip: string;
  /** The region asked for (`region=`), if any. */
  region?: string;
  householdRegion?: () => Promise<string | undefined>;
  /** The analytics key of a signed-in person. */
  person?: string;
}

/** An anonymous visitor's client address: one per visitor, from a private range (only ever hashed). */
const visitorAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

/**
 * Characters a pinyin input method gives in place of another of the same sound (同音字): the slips
 * people make typing in Chinese (身分证, 公基金, 社保卡 → 社宝卡).
 */
const HOMOPHONES: Readonly<Record<string, string>> = {
  份: '分',
  积: '基',
  保: '宝',
  证: '正',
  照: '找',
  婚: '昏',
  医: '衣',
  驾: '架',
  登: '灯',
  记: '纪',
  执: '直',
  营: '赢',
  籍: '级',
  户: '护',
  险: '现',
  障: '帐',
  贷: '代',
  提: '题',
  就: '旧',
  育: '玉',
  休: '修',
  养: '样',
};

/** A slip of the keyboard: a character of the same sound, else (in a longer query) one dropped. */
function mistype(query: string, rng: Rng): string {
  const chars = [...query];
  const slips = chars.flatMap((c, i) => (HOMOPHONES[c] ? [i] : []));
  if (slips.length) {
    const at = rng.pick(slips);
    chars[at] = HOMOPHONES[chars[at]!]!;
  } else if (chars.length >= 4) chars.splice(rng.int(1, chars.length - 1), 1);
  return chars.join('');
}

export class HistorySearches {
  readonly tally = emptySearchTally();
  /** Milliseconds spent searching, reading the catalogue's words and writing the log (the history's cost of its searches). */
  spentMs = 0;
  private readonly search: CatalogSearch;
  private clicks: LoggedClick[] = [];
  private readonly people = new Set<string>();
  /** Opened results of signed-in searches, and the applications filed: 带来办件 is counted from both at the end. */
  private readonly opened: { person: string; itemCode: string; day: string }[] = [];
  private readonly applications = new Map<string, { itemCode: string; day: string }[]>();
  private readonly words = new Map<string, Promise<(readonly [string, number])[]>>();
  private readonly households = new Map<string, Promise<string | undefined>>();
  private synonyms: Promise<Map<string, string[]>> | undefined;
  private readonly personKey: (accountId: string) => string;

  constructor(
    private readonly w: Wiring,
    private readonly clock: SimulatedClock,
    private readonly services: ReadonlyMap<string, Service>,
    private readonly regions: readonly string[],
  ) {
    // Written when the history says so (each day's end), never by a timer.
    this.search = new CatalogSearch(w.db, { now: clock.now, flushEvery: Number.MAX_SAFE_INTEGER, flushMs: 86_400_000 });
    this.personKey = personKeyOf(w.indexKey);
  }

  /** The queries people type for a service, with how often (short forms and colloquial words most). */
  private wordsFor(basicCode: string): Promise<(readonly [string, number])[]> {
    let words = this.words.get(basicCode);
    if (!words) {
      words = (async () => {
        const service = this.services.get(basicCode)!;
        const item = await getPublishedItem(this.w.db, service.implementations[0]!.code);
        this.synonyms ??= loadSynonyms(this.w.db);
        const short = item.name.replace(/[（(].*$/, '').trim();
        const found = new Map<string, number>([[item.name, 1]]);
        const add = (q: string, weight: number) => {
          const k = q.trim();
          if (k) found.set(k, (found.get(k) ?? 0) + weight);
        };
        add(short, 3);
        for (const k of item.keywords) add(k, 2);
        const text = [item.name, ...item.keywords].join(' ');
        for (const [term, expansions] of await this.synonyms)
          if (expansions.some((e) => text.includes(e))) add(term, 2);
        return [...found];
      })();
      this.words.set(basicCode, words);
    }
    return words;
  }

  private household(accountId: string): Promise<string | undefined> {
    let h = this.households.get(accountId);
    if (!h) {
      h = householdRegionIn(this.w.db, accountId);
      this.households.set(accountId, h);
    }
    return h;
  }

  /** Who searches: an applicant signed in (from their household county, a representative from the enterprise's region), or a visitor. */
  searcherOf(
    who:
      | { applicant: { actor: Actor & { id: string }; regionCode: string; enterprise: boolean } }
      | { visitor: number },
    rng: Rng,
  ): Searcher {
    if ('applicant' in who) {
      const a = who.applicant;
      return {
        actor: a.actor,
        ip: '127.0.0.1',
        person: this.personKey(a.actor.id),
        ...(a.enterprise ? { region: a.regionCode } : { householdRegion: () => this.household(a.actor.id) }),
      };
    }
    const home = this.regions.length ? this.regions[who.visitor % this.regions.length] : undefined;
    return {
      actor: { id: null, kind: 'anonymous', roles: [] },
      ip: visitorAddress(who.visitor),
      // Half pick their county in the portal; the others search the whole province.
      ...(home && rng.chance(0.5) ? { region: home } : {}),
    };
  }

  private async ask(who: Searcher, q: string) {
    const started = performance.now();
    const searchId = randomUUID();
    const result = await this.search.search({
      q,
      ...(who.region ? { region: who.region } : {}),
      ...(who.householdRegion ? { householdRegion: who.householdRegion } : {}),
      page: 1,
      pageSize: 20,
      asker: askerOf(this.w.indexKey, who.actor, who.ip),
      searchId,
      ...(who.person ? { person: who.person } : {}),
    });
    this.tally.searches++;
    if (result.total === 0) this.tally.zeroResult++;
    this.people.add(who.person ?? `ip:${who.ip}`);
    this.spentMs += performance.now() - started;
    return { searchId, result };
  }

  /** One session: the query (mistyped first, perhaps), then the service's result opened if planned and shown. */
  async *session(plan: SearchSessionPlan, who: Searcher, rng: Rng): Script {
    const now = () => this.clock.now();
    const started = performance.now();
    const query = 'unmet' in plan.intent ? plan.intent.unmet : rng.weighted(await this.wordsFor(plan.intent.service));
    this.spentMs += performance.now() - started;
    if (plan.typo) {
      const slip = mistype(query, rng);
      if (slip !== query) {
        await this.ask(who, slip);
        yield new Date(now().getTime() + rng.int(8, 40) * 1_000);
      }
    }
    const { searchId, result } = await this.ask(who, query);
    if (!plan.open || !('service' in plan.intent)) return;
    const service = plan.intent.service;
    const at = result.items.findIndex((h) => h.basicCode === service);
    if (at < 0) return;
    yield new Date(now().getTime() + rng.int(5, 90) * 1_000);
    const hit = result.items[at]!;
    this.clicks.push({
      click: { searchId, position: at + 1, itemCode: hit.code },
      person: who.person ?? null,
      at: now(),
    });
    this.tally.clicked++;
    if (who.person) this.opened.push({ person: who.person, itemCode: hit.code, day: beijingDate(now()) });
  }

  /** A case filed by an applicant (for 带来办件: a search whose result they opened and applied for). */
  applied(accountId: string, itemCode: string): void {
    const key = this.personKey(accountId);
    const list = this.applications.get(key) ?? [];
    list.push({ itemCode, day: beijingDate(this.clock.now()) });
    this.applications.set(key, list);
  }

  /**
   * Writes the buffered query log and clicks once there are enough of them (checked at the end of
   * each simulated day; every entry keeps its own moment), so the history writes in a few batches.
   */
  async flushWhenFull(): Promise<void> {
    if (this.search.pendingEntries + this.clicks.length >= 3_000) await this.flush();
  }

  /** Writes the buffered query log and clicks. */
  async flush(): Promise<void> {
    const started = performance.now();
    await this.search.flush();
    const clicks = this.clicks;
    this.clicks = [];
    if (clicks.length) await this.w.db.transaction().execute((trx) => logSearchClicks(trx, clicks));
    this.spentMs += performance.now() - started;
  }

  /** The tally, with 带来办件 counted: an opened result applied for by the same person that day or the next. */
  finish(): SearchTally {
    const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    this.tally.people = this.people.size;
    this.tally.ledToApplication = this.opened.filter((o) =>
      (this.applications.get(o.person) ?? []).some(
        (a) => a.itemCode === o.itemCode && (a.day === o.day || a.day === next(o.day)),
      ),
    ).length;
    return this.tally;
  }
}
