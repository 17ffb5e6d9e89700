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

export class Suggester {
  private readonly phrases: string[];
  private readonly pairCount: Int32Array;
  private readonly byPair = new Map<string, number[]>();
  private readonly bySound = new Map<string, number[]>();

  constructor(candidates: Iterable<string>) {
    this.phrases = [...new Set([...candidates].filter((p) => HAN_ONLY.test(p)))].sort();
    this.pairCount = new Int32Array(this.phrases.length);
    this.phrases.forEach((p, i) => {
      const ps = pairs(p);
      this.pairCount[i] = ps.length;
      for (const pair of ps) {
        let list = this.byPair.get(pair);
        if (!list) this.byPair.set(pair, (list = []));
        list.push(i);
      }
      if (p.length > 8) return;
      const s = sound(p);
      let same = this.bySound.get(s);
      if (!same) this.bySound.set(s, (same = []));
      same.push(i);
    });
  }

  suggest(query: string, limit = 5): string[] {
    const core = [...corePhrase(query)].filter((c) => /\p{Script=Han}/u.test(c)).join('');
    if (core.length < 2) return [];
    const score = new Map<number, number>();
    for (const i of this.bySound.get(sound(core)) ?? []) if (this.phrases[i] !== core) score.set(i, 1);
    const qp = pairs(core);
    const shared = new Map<number, number>();
    for (const pair of qp) for (const i of this.byPair.get(pair) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    for (const [i, n] of shared) {
      const dice = (2 * n) / (qp.length + this.pairCount[i]!);
      if (dice >= MIN_SIMILARITY && this.phrases[i] !== core) score.set(i, Math.max(score.get(i) ?? 0, dice));
    }
    return [...score]
      .sort((a, b) => b[1] - a[1] || this.phrases[a[0]]!.length - this.phrases[b[0]]!.length)
      .slice(0, limit)
      .map(([i]) => this.phrases[i]!);
  }
}
