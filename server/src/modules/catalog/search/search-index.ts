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
 */
import type { SearchHit } from '../../../../../contracts/catalog.js';
import type { SearchDoc } from './search.repository.js';
import { LATER_STAGE, type QueryTokens } from './tokenizer.js';

const WEIGHTS = [1.0, 0.4, 0.1] as const;
const LATER_STAGE_RE = new RegExp(LATER_STAGE);
const DONE_TO_PEOPLE = new Set(['02', '03', '06']);

interface IndexedDoc {
  hit: Omit<SearchHit, 'score'>;
  name: string;
  regionCode: string;
  strong: ReadonlySet<string>;
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
  /** lexeme → [docIndex, weightRank (0 = A)] pairs, flattened. */
  private readonly postings = new Map<string, number[]>();
  private readonly lexemes: string[];

  constructor(
    source: readonly SearchDoc[],
    readonly generation: number,
  ) {
    this.docs = source.map((d) => ({
      hit: d.hit,
      name: d.name,
      regionCode: d.regionCode,
      strong: new Set(d.lexemes.a),
      laterStage: LATER_STAGE_RE.test(d.name),
      doneToPeople: DONE_TO_PEOPLE.has(d.itemType),
    }));
    source.forEach((d, i) => {
      const best = new Map<string, number>();
      [d.lexemes.a, d.lexemes.b, d.lexemes.c].forEach((list, rank) => {
        for (const l of list) if (!best.has(l)) best.set(l, rank);
      });
      for (const [l, rank] of best) {
        let list = this.postings.get(l);
        if (!list) this.postings.set(l, (list = []));
        list.push(i, rank);
      }
    });
    this.lexemes = [...this.postings.keys()].sort();
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

  search(q: IndexQuery): { hits: SearchHit[]; total: number } {
    const n = this.docs.length;
    const groups = [...q.tokens.terms.map((t) => [t]), ...q.tokens.prefixes.map((p) => this.withPrefix(p))];
    // Per query term: each matching document's best weight rank for it (-1: no match).
    const best = new Int8Array(n).fill(-1);
    const score = new Float64Array(n);
    const matched = new Uint8Array(n);
    const touched: number[] = [];
    const perGroup: { docs: number[]; idf: number }[] = [];
    for (const lexemes of groups) {
      const docs: number[] = [];
      for (const l of lexemes) {
        const list = this.postings.get(l);
        if (!list) continue;
        for (let k = 0; k < list.length; k += 2) {
          const doc = list[k]!;
          const rank = list[k + 1]!;
          const seen = best[doc]!;
          if (seen === -1) docs.push(doc);
          if (seen === -1 || rank < seen) best[doc] = rank;
        }
      }
      const idf = Math.log(1 + n / Math.max(1, docs.length));
      for (const doc of docs) {
        score[doc] = score[doc]! + idf * WEIGHTS[best[doc] as 0 | 1 | 2];
        best[doc] = -1;
        if (!matched[doc]) {
          matched[doc] = 1;
          touched.push(doc);
        }
      }
      perGroup.push({ docs, idf });
    }
    const idfSum = perGroup.reduce((s, g) => s + g.idf, 0) || 1;

    const { regionAncestors, regionPrefix } = q;
    const preferFirstStage = !q.tokens.laterStage;
    const phrase = q.tokens.phrase;
    const candidates: number[] = [];
    for (const i of touched) {
      const doc = this.docs[i]!;
      if (regionPrefix !== undefined && !(regionAncestors?.includes(doc.regionCode) || doc.regionCode.startsWith(regionPrefix))) continue;
      let s = score[i]! / idfSum;
      if (phrase && doc.strong.has(phrase)) s += 1;
      if (phrase && doc.name === phrase) s += 2;
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
    return {
      total: candidates.length,
      hits: top.slice(q.offset).map((i) => ({ ...this.docs[i]!.hit, score: Math.round(score[i]! * 10000) / 10000 })),
    };
  }
}
