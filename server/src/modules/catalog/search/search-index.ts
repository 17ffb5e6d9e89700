/**
 * The in-process search index built from the read model: an inverted index from lexeme to the
 * documents holding it (with the strongest weight there), and the lexemes sorted for pinyin
 * prefix look-ups. Built once from the whole read model; after that a node brings it up to date
 * with `apply`, replacing only the services whose documents changed (a publication touches one
 * service of thousands: milliseconds, where reading and building 300,000 implementations again
 * takes seconds of the node's CPU). The answers are those of an index built afresh.
 *
 * Score = the IDF-weighted share of the query's terms a document matches (a term counts with its
 * weight there: A 1.0, B 0.4, C 0.1), plus 1 when the whole phrase is one of its names or
 * keywords, plus 2 when it is exactly its name, minus 0.5 for a later-stage item (变更, 注销…)
 * when the query does not ask for one, minus 0.3 for penalties, enforcement and inspections
 * (things done to people rather than applied for).
 *
 * A document is a result when the terms it matches (at any weight) carry at least MIN_SHOULD_MATCH
 * of the query's IDF mass: a long query ("对用人单位遵守劳动保障法律法规情况的监督检查") is not
 * answered by every item that says "情况". Terms are visited rarest first; once the terms left
 * cannot lift a new document over that bar, the common ones only add to documents already found
 * (by binary search in their doc-ordered postings when those are few) — the MaxScore idea.
 * The query's own words that the index does not know count in its IDF mass at the rarest
 * weight, and a query most of whose words (by length) are unknown is not answered at all:
 * "xyzqwe不存在" is not answered by the items that happen to say "存在".
 *
 * One hit per service (基本编码): a service is scored once, with the words of all its
 * implementations, and is a result where one serves the region; shown is the one for
 * the person's region — its own county, then city, then province; below a city or province, the
 * first of its counties; elsewhere, a 全省通办 one — and without a region the highest-level one.
 */
import type { ServiceHit } from '../../../../../contracts/search.js';
import type { SearchDoc } from './search.repository.js';
import { LATER_STAGE, minPrefixLength, type QueryTokens } from './tokenizer.js';
import { find, heldIn, IntList, rewritten, Scratch } from './postings.js';

const WEIGHTS = [1.0, 0.4, 0.1] as const;
const LATER_STAGE_RE = new RegExp(LATER_STAGE);
const DONE_TO_PEOPLE = new Set(['02', '03', '06']);
/** Share of the query's IDF mass a document must match to be a result. */
export const MIN_SHOULD_MATCH = 0.3;
/** Share of the query's own words (by length) the catalogue must know for the query to be answered at all. */
export const MIN_KNOWN = 0.5;

interface Implementation {
  hit: SearchDoc['hit'];
  regionCode: string;
  provinceWide: boolean;
}

/** What is scored: a service (基本编码) with the words of all its implementations and where they are. */
interface Service {
  basicCode: string;
  name: string;
  laterStage: boolean;
  doneToPeople: boolean;
  implementations: Implementation[];
  /** Per implementing region, its implementation with the smallest code (the one shown there). */
  byRegion: Map<string, Implementation>;
  /** The one shown without a region, found at its first showing. */
  unscoped?: { chosen: Implementation; rank: number };
  /** Implementing regions and every region above them: `covers.has(r)` when one is in or under r. */
  covers: Set<string>;
  /** Implementing regions exactly. */
  regions: Set<string>;
  provinceWide: boolean;
  /** The first implementation's names and keywords (weight A): what 您是不是要找 offers. */
  firstWords: readonly string[];
}

export interface IndexQuery {
  tokens: QueryTokens;
  /** The person's region (GB/T 2260): the implementation serving it is shown. */
  region?: string;
  limit: number;
  offset: number;
}

/** Ancestors of a region code, itself included: 520103 → 52, 5201, 520103. */
const ancestorsOf = (code: string): string[] =>
  [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));

/** How well an implementation serves `region` (smaller is better), or -1 when it does not. */
function servingRank(impl: Implementation, region: string | undefined): number {
  const depth = impl.regionCode.length;
  if (region === undefined) return depth * 2 + (impl.provinceWide ? 0 : 1);
  if (region.startsWith(impl.regionCode)) return 20 - depth;
  if (impl.regionCode.startsWith(region)) return 30 + depth;
  if (impl.provinceWide && impl.regionCode.slice(0, 2) === region.slice(0, 2)) return 50;
  return -1;
}

function availability(rank: number, region: string | undefined): ServiceHit['availability'] {
  if (region === undefined) return 'unscoped';
  return rank < 50 ? 'local' : 'provinceWide';
}

export class SearchIndex {
  /** Services by slot; a service whose implementations all went keeps its slot, empty. */
  private readonly entries: Service[] = [];
  private readonly slotOf = new Map<string, number>();
  /** Implementations indexed, and services with at least one. */
  private count = 0;
  private live = 0;
  /** The province of the implementation with the smallest code (a region elsewhere is served only by its own). */
  private province: string | undefined;
  /** lexeme → postings in slot order, each `slot << 2 | weightRank` (0 = A). */
  private readonly postings = new Map<string, Int32Array>();
  private lexemes: string[];
  /** The shortest query prefix that may match each lexeme (see `minPrefixLength`). */
  private minPrefix: Uint8Array;
  // Per-query scratch by slot, reused (a search runs synchronously to the end) and cleared after use.
  private score = new Float64Array(0);
  private mass = new Float64Array(0);
  private best = new Int8Array(0);
  /** Each service's place in (name, basic code) order: equal scores are ranked by it. */
  private order = new Int32Array(0);
  /** Slots in (name, basic code) order. */
  private byName: number[] = [];
  /** Distinct documents of a multi-lexeme term: the last term that counted each one. */
  private counted = new Int32Array(0);
  private terms = 0;
  private generation$: number;

  constructor(source: readonly SearchDoc[], generation: number) {
    this.generation$ = generation;
    this.count = source.length;
    // Services in order of first appearance, and the documents of each.
    const docsOf: SearchDoc[][] = [];
    for (const d of source) {
      let i = this.slotOf.get(d.basicCode);
      if (i === undefined) {
        i = docsOf.push([]) - 1;
        this.slotOf.set(d.basicCode, i);
      }
      docsOf[i]!.push(d);
    }
    for (const docs of docsOf) this.entries.push(serviceFrom(docs[0]!.basicCode, docs));
    this.live = this.entries.length;
    // The service's words: every implementation's, each at its strongest weight. Lexemes are
    // numbered once; per service, `seenBy` marks the ones met and `rankOf` keeps their best weight.
    const ids = new Map<string, number>();
    const names: string[] = [];
    const byLexeme = new Scratch();
    const words = new IntList();
    const wordStart = new Int32Array(this.entries.length + 1);
    for (let i = 0; i < this.entries.length; i++) {
      const start = words.length;
      wordStart[i] = start;
      for (const { lexemes } of docsOf[i]!) {
        for (let rank = 0; rank < 3; rank++) {
          const list = rank === 0 ? lexemes.a : rank === 1 ? lexemes.b : lexemes.c;
          for (let w = 0; w < list.length; w++) {
            const l = list[w]!;
            let id = ids.get(l);
            if (id === undefined) {
              id = names.push(l) - 1;
              ids.set(l, id);
              byLexeme.grow(names.length);
            }
            if (byLexeme.seenBy[id] !== i + 1) {
              byLexeme.seenBy[id] = i + 1;
              byLexeme.rankOf[id] = rank;
              words.push(id);
            } else if (rank < byLexeme.rankOf[id]!) byLexeme.rankOf[id] = rank;
          }
        }
      }
      for (let w = start; w < words.length; w++) {
        const id = words.at(w);
        words.set(w, (id << 2) | byLexeme.rankOf[id]!);
        byLexeme.df[id]!++;
      }
    }
    wordStart[this.entries.length] = words.length;
    // Postings in one buffer, each lexeme's a view of it, in service order.
    const offsets = new Int32Array(names.length + 1);
    for (let id = 0; id < names.length; id++) offsets[id + 1] = offsets[id]! + byLexeme.df[id]!;
    const all = new Int32Array(words.length);
    const cursor = offsets.slice(0, names.length);
    for (let i = 0; i < this.entries.length; i++) {
      for (let w = wordStart[i]!; w < wordStart[i + 1]!; w++) {
        const word = words.at(w);
        all[cursor[word >> 2]!++] = (i << 2) | (word & 3);
      }
    }
    for (let id = 0; id < names.length; id++) this.postings.set(names[id]!, all.subarray(offsets[id], offsets[id + 1]));
    this.lexemes = names.sort();
    this.minPrefix = Uint8Array.from(this.lexemes, minPrefixLength);
    this.province = source[0]?.regionCode.slice(0, 2);
    this.fitScratch();
    this.reorder();
  }

  /** The read model's generation the index answers for. */
  get generation(): number {
    return this.generation$;
  }

  /**
   * Brings the index to `generation`: each service in `changed` (basic code → every document it
   * has now, in code order; none when it is gone) is replaced, its old words leave the postings
   * and its new ones come in. Synchronous, so no search sees it half done.
   */
  apply(changed: ReadonlyMap<string, readonly SearchDoc[]>, generation: number): void {
    const dirty = new Uint8Array(this.entries.length + changed.size);
    const slots: number[] = [];
    const added = new Map<string, number[]>();
    const moved: number[] = [];
    for (const [code, docs] of changed) {
      let i = this.slotOf.get(code);
      const before = i === undefined ? undefined : this.entries[i]!;
      if (i === undefined) {
        if (docs.length === 0) continue;
        i = this.entries.length;
        this.slotOf.set(code, i);
      }
      const now = serviceFrom(code, docs);
      this.entries[i] = now;
      this.count += docs.length - (before?.implementations.length ?? 0);
      this.live += (docs.length > 0 ? 1 : 0) - (before && before.implementations.length > 0 ? 1 : 0);
      if (before?.name !== now.name) moved.push(i);
      dirty[i] = 1;
      slots.push(i);
      // The service's words now, each at its strongest weight.
      const rankOf = new Map<string, number>();
      for (const { lexemes } of docs)
        for (let rank = 0; rank < 3; rank++)
          for (const l of rank === 0 ? lexemes.a : rank === 1 ? lexemes.b : lexemes.c) {
            const seen = rankOf.get(l);
            if (seen === undefined || rank < seen) rankOf.set(l, rank);
          }
      for (const [l, rank] of rankOf) {
        let list = added.get(l);
        if (!list) added.set(l, (list = []));
        list.push((i << 2) | rank);
      }
    }
    slots.sort((a, b) => a - b);
    // Each posting list holding a changed service or gaining one. Where the changed services it holds
    // are exactly those that have its word now, their entries change in place (a new version with
    // the same words: most lists); otherwise it is written again in slot order.
    const gone: string[] = [];
    const held: number[] = [];
    for (const [l, list] of this.postings) {
      heldIn(list, slots, dirty, held);
      const more = added.get(l);
      if (held.length === 0 && !more) continue;
      added.delete(l);
      if (more && more.length === held.length) {
        more.sort((a, b) => a - b);
        if (more.every((p, k) => p >> 2 === list[held[k]!]! >> 2)) {
          for (let k = 0; k < held.length; k++) list[held[k]!] = more[k]!;
          continue;
        }
      }
      const next = rewritten(list, held.length > 0 ? dirty : undefined, more);
      if (next.length === 0) {
        this.postings.delete(l);
        gone.push(l);
      } else this.postings.set(l, next);
    }
    const fresh = [...added.keys()].sort();
    for (const l of fresh) this.postings.set(l, Int32Array.from(added.get(l)!).sort());
    if (gone.length > 0 || fresh.length > 0) this.relist(new Set(gone), fresh);
    this.fitScratch();
    if (moved.length > 0) this.reorder(moved);
    // The implementation with the smallest code is the first of some service's.
    let first: Implementation | undefined;
    for (const s of this.entries) {
      const impl = s.implementations[0];
      if (impl && (!first || impl.hit.code < first.hit.code)) first = impl;
    }
    this.province = first?.regionCode.slice(0, 2);
    this.generation$ = generation;
  }

  /** The sorted lexemes without `gone` and with `fresh` (sorted), with their shortest prefixes. */
  private relist(gone: ReadonlySet<string>, fresh: readonly string[]): void {
    const lexemes: string[] = [];
    const minPrefix: number[] = [];
    let f = 0;
    for (let k = 0; k < this.lexemes.length; k++) {
      const l = this.lexemes[k]!;
      while (f < fresh.length && fresh[f]! < l) {
        lexemes.push(fresh[f]!);
        minPrefix.push(minPrefixLength(fresh[f++]!));
      }
      if (gone.has(l)) continue;
      lexemes.push(l);
      minPrefix.push(this.minPrefix[k]!);
    }
    for (; f < fresh.length; f++) {
      lexemes.push(fresh[f]!);
      minPrefix.push(minPrefixLength(fresh[f]!));
    }
    this.lexemes = lexemes;
    this.minPrefix = Uint8Array.from(minPrefix);
  }

  /** Per-slot scratch for every slot (new slots: nothing scored, no phrase flag). */
  private fitScratch(): void {
    const n = this.entries.length;
    if (n <= this.score.length) return;
    const size = Math.max(n, Math.ceil(this.score.length * 1.25));
    const grown = <T extends Float64Array | Int8Array | Int32Array>(from: T, to: T): T => (to.set(from), to);
    this.score = grown(this.score, new Float64Array(size));
    this.mass = grown(this.mass, new Float64Array(size));
    this.best = grown(this.best, new Int8Array(size).fill(-1));
    this.counted = grown(this.counted, new Int32Array(size));
    this.order = grown(this.order, new Int32Array(size));
  }

  /** (name, basic code) order of two slots. */
  private readonly byNameOrder = (a: number, b: number): number => {
    const x = this.entries[a]!;
    const y = this.entries[b]!;
    return x.name !== y.name ? (x.name < y.name ? -1 : 1) : x.basicCode < y.basicCode ? -1 : 1;
  };

  /**
   * Each slot's place in (name, basic code) order: all sorted, or only `moved` (new or renamed)
   * taken out and put back where they now belong.
   */
  private reorder(moved?: readonly number[]): void {
    if (!moved || moved.length > 64) {
      this.byName = this.entries.map((_, i) => i).sort(this.byNameOrder);
    } else {
      const out = new Set(moved);
      const byName = this.byName.filter((i) => !out.has(i));
      for (const i of moved) {
        let lo = 0;
        let hi = byName.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (this.byNameOrder(byName[mid]!, i) < 0) lo = mid + 1;
          else hi = mid;
        }
        byName.splice(lo, 0, i);
      }
      this.byName = byName;
    }
    this.byName.forEach((i, place) => {
      this.order[i] = place;
    });
  }

  /** What 您是不是要找 may offer: each service's name and its first implementation's names and keywords. */
  *phrases(): Iterable<string> {
    for (const s of this.entries) {
      if (s.implementations.length === 0) continue;
      yield s.name;
      yield* s.firstWords;
    }
  }

  /** Implementations indexed. */
  get size(): number {
    return this.count;
  }

  /** Distinct services (basic codes). */
  get services(): number {
    return this.live;
  }

  /** Whether a lexeme is indexed (suggestions offer only what can be found). */
  has(lexeme: string): boolean {
    return this.postings.has(lexeme);
  }

  /** Lexemes starting with `prefix` and long enough for it (binary search over the sorted lexemes). */
  private withPrefix(prefix: string): string[] {
    let lo = 0;
    let hi = this.lexemes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lexemes[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.lexemes.length && this.lexemes[i]!.startsWith(prefix); i++)
      if (prefix.length >= this.minPrefix[i]!) out.push(this.lexemes[i]!);
    return out;
  }

  /** A query term's postings (a pinyin prefix has several) and its IDF. */
  private group(lexemes: readonly string[]): { lists: Int32Array[]; idf: number } | undefined {
    const lists = lexemes.map((l) => this.postings.get(l)).filter((p): p is Int32Array => p !== undefined);
    if (lists.length === 0) return undefined;
    let df = lists[0]!.length;
    if (lists.length > 1) {
      // Distinct documents across the lexemes (a document holds both "yingye…" forms, say).
      const mark = ++this.terms;
      df = 0;
      for (const list of lists)
        for (let k = 0; k < list.length; k++) {
          const doc = list[k]! >> 2;
          if (this.counted[doc] !== mark) {
            this.counted[doc] = mark;
            df++;
          }
        }
    }
    return { lists, idf: Math.log(1 + this.live / df) };
  }

  search(q: IndexQuery): { hits: ServiceHit[]; total: number } {
    const { score, mass, best } = this;
    const byTerm = new Map<string, { lists: Int32Array[]; idf: number } | undefined>();
    for (const t of q.tokens.terms) byTerm.set(t, this.group([t]));
    for (const p of q.tokens.prefixes) byTerm.set(p, this.group(this.withPrefix(p)));
    const groups = [...new Set(byTerm.values())].filter((g) => g !== undefined).sort((a, b) => b.idf - a.idf);
    // The query's own words the index does not know weigh as the rarest ones would; when they are
    // most of what was typed, the few known ones are a coincidence.
    const unknownAnchors = q.tokens.anchors.filter((a) => byTerm.get(a) === undefined);
    const unknown = unknownAnchors.length;
    const typed = q.tokens.anchors.reduce((n, a) => n + a.length, q.tokens.covered);
    const unknownLength = unknownAnchors.reduce((n, a) => n + a.length, 0);
    if (typed > 0 && typed - unknownLength < MIN_KNOWN * typed) return { hits: [], total: 0 };
    const idfSum = groups.reduce((s, g) => s + g.idf, 0) + unknown * Math.log(1 + this.live);
    const bar = MIN_SHOULD_MATCH * idfSum - 1e-9;
    let remaining = idfSum;
    const touched: number[] = [];
    const docs: number[] = [];
    for (const { lists, idf } of groups) {
      // Can a document not seen so far still clear the bar with this term and the rarer-to-common rest?
      const open = remaining >= bar;
      remaining -= idf;
      const total = lists.reduce((s, l) => s + l.length, 0);
      docs.length = 0;
      if (open || touched.length * 16 > total) {
        for (const list of lists) {
          for (let k = 0; k < list.length; k++) {
            const p = list[k]!;
            const doc = p >> 2;
            if (!open && mass[doc] === 0) continue;
            const rank = p & 3;
            const seen = best[doc]!;
            if (seen === -1) docs.push(doc);
            if (seen === -1 || rank < seen) best[doc] = rank;
          }
        }
      } else {
        // Few documents found, many postings: look each one up.
        for (const doc of touched) {
          for (const list of lists) {
            const rank = find(list, doc);
            if (rank === -1) continue;
            const seen = best[doc]!;
            if (seen === -1) docs.push(doc);
            if (seen === -1 || rank < seen) best[doc] = rank;
          }
        }
      }
      for (const doc of docs) {
        if (mass[doc] === 0) touched.push(doc);
        score[doc] = score[doc]! + idf * WEIGHTS[best[doc] as 0 | 1 | 2];
        mass[doc] = mass[doc]! + idf;
        best[doc] = -1;
      }
    }

    const { region } = q;
    const ancestors = region === undefined ? [] : ancestorsOf(region);
    const sameProvince = region === undefined || region.slice(0, 2) === this.province;
    const preferFirstStage = !q.tokens.laterStage;
    const phrase = q.tokens.phrase;
    // Services with the whole phrase among their names and keywords (weight A) are flagged in
    // `best`: 0, or 1 when it is exactly the name.
    const phraseDocs = phrase ? this.postings.get(phrase) : undefined;
    if (phraseDocs)
      for (const p of phraseDocs) if ((p & 3) === 0) best[p >> 2] = this.entries[p >> 2]!.name === phrase ? 1 : 0;
    const candidates: number[] = [];
    for (const i of touched) {
      const matchedMass = mass[i]!;
      mass[i] = 0;
      if (matchedMass < bar) continue;
      const svc = this.entries[i]!;
      // Served in the region: implemented in it, under it or above it, or province-wide.
      if (
        region !== undefined &&
        !svc.covers.has(region) &&
        !ancestors.some((a) => svc.regions.has(a)) &&
        !(svc.provinceWide && sameProvince)
      )
        continue;
      let s = score[i]! / idfSum;
      if (best[i]! >= 0) s += best[i] === 1 ? 3 : 1;
      if (preferFirstStage && svc.laterStage) s -= 0.5;
      if (svc.doneToPeople) s -= 0.3;
      score[i] = s;
      candidates.push(i);
    }
    const { order } = this;
    const before = (a: number, b: number): boolean => {
      const d = score[a]! - score[b]!;
      return d !== 0 ? d > 0 : order[a]! < order[b]!;
    };
    // Only the requested page needs ordering: keep the best `offset + limit` in a sorted buffer.
    const k = Math.min(candidates.length, q.offset + q.limit);
    const top: number[] = [];
    for (const c of candidates) {
      if (top.length === k && !before(c, top[k - 1]!)) continue;
      let pos = top.length === k ? k - 1 : top.length;
      while (pos > 0 && before(c, top[pos - 1]!)) pos--;
      top.splice(pos, 0, c);
      if (top.length > k) top.pop();
    }
    if (phraseDocs) for (const p of phraseDocs) best[p >> 2] = -1;
    const hits = top.slice(q.offset).map((i): ServiceHit => {
      // The implementation serving the region best (then the first by code).
      const svc = this.entries[i]!;
      const { chosen, rank } = serving(svc, region);
      return {
        ...chosen.hit,
        score: Math.round(score[i]! * 10000) / 10000,
        implementations: svc.implementations.length,
        availability: availability(rank, region),
      };
    });
    for (const i of touched) score[i] = 0;
    return { total: candidates.length, hits };
  }
}

/**
 * The implementation serving `region` best (see `servingRank`), then the first by code. One in the
 * region or above it is looked up by region, nearest first; otherwise every one is ranked.
 */
function serving(svc: Service, region: string | undefined): { chosen: Implementation; rank: number } {
  if (region === undefined) return (svc.unscoped ??= rankAll(svc, undefined));
  const ancestors = ancestorsOf(region);
  for (let a = ancestors.length - 1; a >= 0; a--) {
    const chosen = svc.byRegion.get(ancestors[a]!);
    if (chosen) return { chosen, rank: 20 - ancestors[a]!.length };
  }
  return rankAll(svc, region);
}

function rankAll(svc: Service, region: string | undefined): { chosen: Implementation; rank: number } {
  let chosen = svc.implementations[0]!;
  let rank = Infinity;
  for (const impl of svc.implementations) {
    const r = servingRank(impl, region);
    if (r >= 0 && (r < rank || (r === rank && impl.hit.code < chosen.hit.code))) {
      chosen = impl;
      rank = r;
    }
  }
  return { chosen, rank };
}

/** A service from all its documents (in code order); none: a slot left empty. */
function serviceFrom(basicCode: string, docs: readonly SearchDoc[]): Service {
  const first = docs[0];
  const service: Service = {
    basicCode,
    name: first?.name ?? '',
    laterStage: first ? LATER_STAGE_RE.test(first.name) : false,
    doneToPeople: first ? DONE_TO_PEOPLE.has(first.itemType) : false,
    implementations: [],
    byRegion: new Map(),
    covers: new Set(),
    regions: new Set(),
    provinceWide: false,
    firstWords: first?.lexemes.a ?? [],
  };
  for (const d of docs) {
    const impl: Implementation = { hit: d.hit, regionCode: d.regionCode, provinceWide: d.hit.provinceWide };
    service.implementations.push(impl);
    const there = service.byRegion.get(d.regionCode);
    if (!there || d.hit.code < there.hit.code) service.byRegion.set(d.regionCode, impl);
    if (!service.regions.has(d.regionCode)) {
      service.regions.add(d.regionCode);
      for (const a of ancestorsOf(d.regionCode)) service.covers.add(a);
    }
    service.provinceWide ||= d.hit.provinceWide;
  }
  return service;
}
