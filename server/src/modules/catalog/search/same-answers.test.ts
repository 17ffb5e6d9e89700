/**
 * The index answers exactly as it did before it was made fast at 300,000 implementations (issue 18):
 * the same services, in the same order, with the same scores, totals, implementation shown and
 * availability, on a few hundred queries over a catalogue built from the seed items — every seed
 * service in three situations, implemented by each of several places at its level, some 全省通办.
 * The snapshot was written by the index as it stood before the change.
 *
 * An index brought up to date service by service (`apply`) answers exactly as one built afresh from
 * the documents it now has: services gone, new, renamed, with implementations added or removed.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../platform/random/rng.js';
import { ITEM_SEEDS } from '../seed/items/index.js';
import { SYNONYMS } from '../seed/synonyms.js';
import { englishName } from './names-en.js';
import { SearchIndex } from './search-index.js';
import type { SearchDoc } from './search.repository.js';
import { englishTokens, queryTokens, strongTokens, weakTokens } from './tokenizer.js';

const PLACES = {
  province: ['52'],
  city: ['5201', '5203', '5226'],
  county: ['520102', '520103', '520302', '522601', '522631'],
} as const;
const SITUATIONS = ['', '（变更）', '（个人申请）'];

function corpus(): SearchDoc[] {
  const docs: SearchDoc[] = [];
  ITEM_SEEDS.forEach((seed, s) => {
    const g = seed.guide;
    const b = weakTokens([g.summary ?? '']);
    const c = weakTokens([...g.conditions, ...g.materials.map((m) => m.name)]);
    SITUATIONS.forEach((situation, v) => {
      const name = `${g.name}${situation}`;
      const nameEn = englishName(name);
      const a = [...strongTokens([name, ...(g.keywords ?? [])]), ...englishTokens(nameEn)];
      const basicCode = `S${s}V${v}`;
      PLACES[seed.level].forEach((region, p) => {
        const code = `${basicCode}R${region}`;
        docs.push({
          itemId: code,
          code,
          basicCode,
          regionCode: region,
          itemType: g.itemType,
          name,
          // Each place's department adds its own words (B) to the service's.
          lexemes: { a, b: p % 2 ? [...b, `部门${p}`] : b, c: p === 0 ? c : c.slice(p) },
          hit: {
            code,
            basicCode,
            name,
            nameEn,
            summary: '',
            itemType: g.itemType,
            department: { id: code, name: '部门', nameEn: 'Bureau' },
            region: { code: region, name: region, nameEn: region },
            visits: 0,
            promisedLimitDays: 1,
            provinceWide: seed.level === 'county' && (s + p) % 4 === 0,
          },
        });
      });
    });
  });
  return docs;
}

/** Names, keywords, their starts, colloquial phrases, pinyin, nonsense; a third with a region, some page 2. */
function queries(): { q: string; region?: string; offset: number }[] {
  const rng = new Rng(18);
  const names = ITEM_SEEDS.map((s) => s.guide.name);
  const keywords = ITEM_SEEDS.flatMap((s) => s.guide.keywords ?? []);
  const fixed = [
    '我要开饭店',
    'yyzz',
    'yingyezhizhao',
    'sfz',
    '给孩子上户口',
    '驾照换证',
    '公积金提取',
    '低保',
    '变更',
    '证明',
  ];
  const regions = ['52', '5201', '5202', '520102', '520103', '522631', '522701', '5226', '51', '520102001'];
  const out: { q: string; region?: string; offset: number }[] = [];
  for (let i = 0; i < 300; i++) {
    const kind = i < fixed.length ? -1 : rng.int(0, 4);
    const q =
      kind === -1
        ? fixed[i]!
        : kind === 0
          ? rng.pick(names)
          : kind === 1
            ? rng.pick(keywords)
            : kind === 2
              ? `我要${rng.pick(keywords)}`
              : kind === 3
                ? rng.pick(names).slice(0, rng.int(2, 5))
                : `${rng.pick(names).slice(0, 2)}${rng.pick(SITUATIONS.slice(1))}`;
    out.push({
      q,
      ...(rng.chance(0.35) ? { region: rng.pick(regions) } : {}),
      offset: rng.chance(0.15) ? 10 : 0,
    });
  }
  return out;
}

/** Every answer as one line: services, order, scores, totals, implementation shown, availability. */
function answers(index: SearchIndex, qs: readonly { q: string; region?: string; offset: number }[]): string[] {
  const synonyms = new Map(Object.entries(SYNONYMS));
  return qs.map(({ q, region, offset }) => {
    const r = index.search({ tokens: queryTokens(q, synonyms), region, limit: 10, offset });
    const hits = r.hits.map((h) => `${h.code}:${h.score}:${h.implementations}:${h.availability[0]}`);
    return `${q} @${region ?? '-'} +${offset} → ${r.total}: ${hits.join(' ')}`;
  });
}

const byCode = (a: SearchDoc, b: SearchDoc) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * The catalogue as it might have been: some services missing, some renamed or with other words,
 * some with an implementation fewer, and a few that no longer exist.
 */
function variant(docs: readonly SearchDoc[], rng: Rng): SearchDoc[] {
  const out: SearchDoc[] = [];
  const fate = new Map<string, number>();
  for (const d of docs) {
    let f = fate.get(d.basicCode);
    if (f === undefined) fate.set(d.basicCode, (f = rng.int(0, 9)));
    if (f === 0) continue;
    if (f === 1) {
      const name = `${d.name}（旧）`;
      out.push({ ...d, name, lexemes: { ...d.lexemes, a: [...d.lexemes.a, '旧版'] }, hit: { ...d.hit, name } });
    } else if (f === 2 && d.code.endsWith('R52')) continue;
    else if (f === 3) out.push({ ...d, lexemes: { ...d.lexemes, c: d.lexemes.c.slice(1) } });
    else out.push(d);
  }
  for (let k = 0; k < 4; k++) {
    const code = `Z${rng.int(0, 99)}R5201`;
    out.push({
      ...docs[k]!,
      itemId: code,
      code,
      basicCode: code,
      name: `营业执照代办${k}`,
      hit: { ...docs[k]!.hit, code },
    });
  }
  return out.sort(byCode);
}

/** Each service whose documents differ between `from` and `to`, with its documents in `to`. */
function changes(from: readonly SearchDoc[], to: readonly SearchDoc[]): Map<string, SearchDoc[]> {
  const group = (docs: readonly SearchDoc[]) => {
    const m = new Map<string, SearchDoc[]>();
    for (const d of docs) m.set(d.basicCode, [...(m.get(d.basicCode) ?? []), d]);
    return m;
  };
  const before = group(from);
  const after = group(to);
  const changed = new Map<string, SearchDoc[]>();
  for (const code of new Set([...before.keys(), ...after.keys()])) {
    const now = after.get(code) ?? [];
    if (JSON.stringify(before.get(code) ?? []) !== JSON.stringify(now)) changed.set(code, now);
  }
  return changed;
}

describe('SearchIndex answers', () => {
  it('are the same services, order, scores and totals as before it was made fast', async () => {
    const lines = answers(new SearchIndex(corpus(), 1), queries());
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('./__snapshots__/same-answers.txt');
  }, 30_000);

  it('are the same after the index is brought up to date service by service as when built afresh', () => {
    const full = corpus().sort(byCode);
    const qs = queries();
    // From the catalogue as it was, to another state of it, back to the whole, in steps on one index.
    const states = [variant(full, new Rng(1)), variant(full, new Rng(2)), full, variant(full, new Rng(3)), full];
    const index = new SearchIndex(states[0]!, 1);
    for (let step = 1; step < states.length; step++) {
      const delta = changes(states[step - 1]!, states[step]!);
      expect(delta.size).toBeGreaterThan(0);
      index.apply(delta, step + 1);
      const fresh = new SearchIndex(states[step]!, step + 1);
      expect(index.generation).toBe(step + 1);
      expect([index.size, index.services]).toEqual([fresh.size, fresh.services]);
      expect(new Set(index.phrases())).toEqual(new Set(fresh.phrases()));
      expect(answers(index, qs)).toEqual(answers(fresh, qs));
    }
  }, 60_000);
});
