/**
 * The index answers exactly as it did before it was made fast at 300,000 implementations (issue 18):
 * the same services, in the same order, with the same scores, totals, implementation shown and
 * availability, on a few hundred queries over a catalogue built from the seed items — every seed
 * service in three situations, implemented by each of several places at its level, some 全省通办.
 * The snapshot was written by the index as it stood before the change.
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

describe('SearchIndex answers', () => {
  it('are the same services, order, scores and totals as before it was made fast', async () => {
    const index = new SearchIndex(corpus(), 1);
    const synonyms = new Map(Object.entries(SYNONYMS));
    const lines = queries().map(({ q, region, offset }) => {
      const r = index.search({ tokens: queryTokens(q, synonyms), region, limit: 10, offset });
      const hits = r.hits.map((h) => `${h.code}:${h.score}:${h.implementations}:${h.availability[0]}`);
      return `${q} @${region ?? '-'} +${offset} → ${r.total}: ${hits.join(' ')}`;
    });
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('./__snapshots__/same-answers.txt');
  }, 30_000);
});
