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
    const groups = [...q.tokens.terms.map((t) => [t]), ...q.tokens.prefixes.map((p) => this.withPrefix(p))];
    // Per query term: the best weight rank each matching document has for it.
    const matches: Map<number, number>[] = groups.map((lexemes) => {
      const m = new Map<number, number>();
      for (const l of lexemes) {
        const list = this.postings.get(l);
        if (!list) continue;
        for (let k = 0; k < list.length; k += 2) {
          const doc = list[k]!;
          const rank = list[k + 1]!;
          const seen = m.get(doc);
          if (seen === undefined || rank < seen) m.set(doc, rank);
        }
      }
      return m;
    });
    const n = this.docs.length;
    const idf = matches.map((m) => Math.log(1 + n / Math.max(1, m.size)));
    const idfSum = idf.reduce((s, x) => s + x, 0) || 1;
    const scores = new Map<number, number>();
    matches.forEach((m, g) => {
      for (const [doc, rank] of m) scores.set(doc, (scores.get(doc) ?? 0) + (idf[g]! * WEIGHTS[rank as 0 | 1 | 2]) / idfSum);
    });

    const { regionAncestors, regionPrefix } = q;
    const preferFirstStage = !q.tokens.laterStage;
    const phrase = q.tokens.phrase;
    const scored: { doc: IndexedDoc; score: number }[] = [];
    for (const [i, base] of scores) {
      const doc = this.docs[i]!;
      if (regionPrefix !== undefined && !(regionAncestors?.includes(doc.regionCode) || doc.regionCode.startsWith(regionPrefix))) continue;
      let score = base;
      if (phrase && doc.strong.has(phrase)) score += 1;
      if (phrase && doc.name === phrase) score += 2;
      if (preferFirstStage && doc.laterStage) score -= 0.5;
      if (doc.doneToPeople) score -= 0.3;
      scored.push({ doc, score });
    }
    scored.sort((a, b) => b.score - a.score || (a.doc.name < b.doc.name ? -1 : a.doc.name > b.doc.name ? 1 : 0) || (a.doc.hit.code < b.doc.hit.code ? -1 : 1));
    return {
      total: scored.length,
      hits: scored.slice(q.offset, q.offset + q.limit).map(({ doc, score }) => ({ ...doc.hit, score: Math.round(score * 10000) / 10000 })),
    };
  }
}
