/**
 * The in-process search index built from the read model: an inverted index from lexeme to the
 * documents holding it (with the strongest weight there), and the lexemes sorted for pinyin
 * prefix look-ups. Immutable once built; a node swaps in a new one when the read model changes.
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
 */
import type { SearchHit } from '../../../../../contracts/catalog.js';
import type { SearchDoc } from './search.repository.js';
import { LATER_STAGE, type QueryTokens } from './tokenizer.js';

const WEIGHTS = [1.0, 0.4, 0.1] as const;
const LATER_STAGE_RE = new RegExp(LATER_STAGE);
const DONE_TO_PEOPLE = new Set(['02', '03', '06']);
/** Share of the query's IDF mass a document must match to be a result. */
export const MIN_SHOULD_MATCH = 0.3;

interface IndexedDoc {
  hit: Omit<SearchHit, 'score'>;
  name: string;
  regionCode: string;
  laterStage: boolean;
  doneToPeople: boolean;
}

export interface IndexQuery {
  tokens: QueryTokens;
  /** Region codes whose items serve the region (itself and its ancestors) … */
  regionAncestors?: readonly string[];
  /** … and the region prefix, for items below it. */
  regionPrefix?: string;
  limit: number;
  offset: number;
}

export class SearchIndex {
  private readonly docs: IndexedDoc[];
  /** lexeme → postings in document order, each `doc << 2 | weightRank` (0 = A). */
  private readonly postings = new Map<string, Int32Array>();
  private readonly lexemes: string[];
  // Per-query scratch, reused (a search runs synchronously to the end) and cleared after use.
  private readonly score: Float64Array;
  private readonly mass: Float64Array;
  private readonly best: Int8Array;

  constructor(
    source: readonly SearchDoc[],
    readonly generation: number,
  ) {
    this.docs = source.map((d) => ({
      hit: d.hit,
      name: d.name,
      regionCode: d.regionCode,
      laterStage: LATER_STAGE_RE.test(d.name),
      doneToPeople: DONE_TO_PEOPLE.has(d.itemType),
    }));
    const lists = new Map<string, number[]>();
    source.forEach((d, i) => {
      const best = new Map<string, number>();
      [d.lexemes.a, d.lexemes.b, d.lexemes.c].forEach((list, rank) => {
        for (const l of list) if (!best.has(l)) best.set(l, rank);
      });
      for (const [l, rank] of best) {
        let list = lists.get(l);
        if (!list) lists.set(l, (list = []));
        list.push((i << 2) | rank);
      }
    });
    for (const [l, list] of lists) this.postings.set(l, Int32Array.from(list));
    this.lexemes = [...lists.keys()].sort();
    const n = this.docs.length;
    this.score = new Float64Array(n);
    this.mass = new Float64Array(n);
    this.best = new Int8Array(n).fill(-1);
  }

  get size(): number {
    return this.docs.length;
  }

  /** Lexemes starting with `prefix` (binary search over the sorted lexemes). */
  private withPrefix(prefix: string): string[] {
    let lo = 0;
    let hi = this.lexemes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lexemes[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.lexemes.length && this.lexemes[i]!.startsWith(prefix); i++) out.push(this.lexemes[i]!);
    return out;
  }

  /** A query term's postings (a pinyin prefix has several) and its IDF. */
  private group(lexemes: readonly string[]): { lists: Int32Array[]; idf: number } | undefined {
    const lists = lexemes.map((l) => this.postings.get(l)).filter((p): p is Int32Array => p !== undefined);
    if (lists.length === 0) return undefined;
    let df = lists[0]!.length;
    if (lists.length > 1) {
      // Distinct documents across the lexemes (a document holds both "yingye…" forms, say).
      const seen = new Set<number>();
      for (const list of lists) for (const p of list) seen.add(p >> 2);
      df = seen.size;
    }
    return { lists, idf: Math.log(1 + this.docs.length / df) };
  }

  search(q: IndexQuery): { hits: SearchHit[]; total: number } {
    const { score, mass, best } = this;
    const groups = [...q.tokens.terms.map((t) => [t]), ...q.tokens.prefixes.map((p) => this.withPrefix(p))]
      .map((g) => this.group(g))
      .filter((g) => g !== undefined)
      .sort((a, b) => b.idf - a.idf);
    const idfSum = groups.reduce((s, g) => s + g.idf, 0);
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

    const { regionAncestors, regionPrefix } = q;
    const preferFirstStage = !q.tokens.laterStage;
    const phrase = q.tokens.phrase;
    // Documents with the whole phrase among their names and keywords (weight A) are flagged in
    // `best`: 0, or 1 when it is exactly the name.
    const phraseDocs = phrase ? this.postings.get(phrase) : undefined;
    if (phraseDocs)
      for (const p of phraseDocs) if ((p & 3) === 0) best[p >> 2] = this.docs[p >> 2]!.name === phrase ? 1 : 0;
    const candidates: number[] = [];
    for (const i of touched) {
      const matchedMass = mass[i]!;
      mass[i] = 0;
      if (matchedMass < bar) continue;
      const doc = this.docs[i]!;
      if (
        regionPrefix !== undefined &&
        !(regionAncestors?.includes(doc.regionCode) || doc.regionCode.startsWith(regionPrefix))
      )
        continue;
      let s = score[i]! / idfSum;
      if (best[i]! >= 0) s += best[i] === 1 ? 3 : 1;
      if (preferFirstStage && doc.laterStage) s -= 0.5;
      if (doc.doneToPeople) s -= 0.3;
      score[i] = s;
      candidates.push(i);
    }
    const before = (a: number, b: number): boolean => {
      const d = score[a]! - score[b]!;
      if (d !== 0) return d > 0;
      const x = this.docs[a]!;
      const y = this.docs[b]!;
      return x.name !== y.name ? x.name < y.name : x.hit.code < y.hit.code;
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
    const hits = top
      .slice(q.offset)
      .map((i) => ({ ...this.docs[i]!.hit, score: Math.round(score[i]! * 10000) / 10000 }));
    for (const i of touched) score[i] = 0;
    return { total: candidates.length, hits };
  }
}

/** The weight rank of `doc` in doc-ordered postings, or -1. */
function find(list: Int32Array, doc: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = list[mid]! >> 2;
    if (d === doc) return list[mid]! & 3;
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
