/**
 * Did you mean…: when nothing matches, the item names, keywords, synonyms and theme names closest
 * to what was typed — sharing most of its character pairs (营业执找 → 营业执照), or sounding the
 * same (营叶直照 → 营业执照).
 */
import { pinyin } from 'pinyin-pro';
import { corePhrase } from './tokenizer.js';

const HAN_ONLY = /^\p{Script=Han}{2,20}$/u;
/** Share of character pairs (Dice) a suggestion must have in common with the query. */
const MIN_SIMILARITY = 0.6;

function pairs(text: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2));
  return [...out];
}

const sound = (text: string): string =>
  pinyin(text, { toneType: 'none', type: 'array' })
    .join('')
    .replace(/[^a-z]/g, '');

/** Each short phrase's sound, kept from one generation of the catalogue to the next (pinyin is most of a build). */
export type Sounds = Map<string, string>;

/**
 * Built on the first suggestion it is asked for: a node whose catalogue changes often builds it
 * only when a query finds nothing, not at every change.
 */
export class Suggester {
  private built:
    | { phrases: string[]; pairCount: Int32Array; byPair: Map<string, number[]>; bySound: Map<string, number[]> }
    | undefined;

  /** `sounds`: a cache shared by the generations of one node's index. */
  constructor(
    private readonly candidates: Iterable<string> | (() => Iterable<string>),
    private readonly sounds: Sounds = new Map(),
  ) {}

  private build() {
    const from = typeof this.candidates === 'function' ? this.candidates() : this.candidates;
    const phrases = [...new Set([...from].filter((p) => HAN_ONLY.test(p)))].sort();
    // Phrases the catalogue no longer has would otherwise stay in the cache for good.
    if (this.sounds.size > 2 * phrases.length) this.sounds.clear();
    const pairCount = new Int32Array(phrases.length);
    const byPair = new Map<string, number[]>();
    const bySound = new Map<string, number[]>();
    phrases.forEach((p, i) => {
      const ps = pairs(p);
      pairCount[i] = ps.length;
      for (const pair of ps) {
        let list = byPair.get(pair);
        if (!list) byPair.set(pair, (list = []));
        list.push(i);
      }
      if (p.length > 8) return;
      let s = this.sounds.get(p);
      if (s === undefined) this.sounds.set(p, (s = sound(p)));
      let same = bySound.get(s);
      if (!same) bySound.set(s, (same = []));
      same.push(i);
    });
    return { phrases, pairCount, byPair, bySound };
  }

  suggest(query: string, limit = 5): string[] {
    const core = [...corePhrase(query)].filter((c) => /\p{Script=Han}/u.test(c)).join('');
    if (core.length < 2) return [];
    const { phrases, pairCount, byPair, bySound } = (this.built ??= this.build());
    const score = new Map<number, number>();
    for (const i of bySound.get(sound(core)) ?? []) if (phrases[i] !== core) score.set(i, 1);
    const qp = pairs(core);
    const shared = new Map<number, number>();
    for (const pair of qp) for (const i of byPair.get(pair) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    for (const [i, n] of shared) {
      const dice = (2 * n) / (qp.length + pairCount[i]!);
      if (dice >= MIN_SIMILARITY && phrases[i] !== core) score.set(i, Math.max(score.get(i) ?? 0, dice));
    }
    return [...score]
      .sort((a, b) => b[1] - a[1] || phrases[a[0]]!.length - phrases[b[0]]!.length)
      .slice(0, limit)
      .map(([i]) => phrases[i]!);
  }
}
