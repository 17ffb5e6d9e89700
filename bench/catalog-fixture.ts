/**
 * A catalogue scaled to the size of a national provincial catalogue (30,000 items, as in 2018):
 * the demo province's seed items implemented by synthetic departments in every county and city of
 * the province, until the target is reached. Shared by the search benchmarks.
 */
import { openDatabase, migrateToLatest, type Database } from '../server/src/platform/db/index.js';
import { seedCatalog } from '../server/src/modules/catalog/index.js';
import { departmentRow, implementations } from '../server/src/modules/catalog/catalog.seed.js';
import * as itemsRepo from '../server/src/modules/catalog/items.repository.js';
import * as regionsRepo from '../server/src/modules/catalog/regions.repository.js';
import { rebuildSearchIndex } from '../server/src/modules/catalog/items.service.js';
import { DEPARTMENTS } from '../server/src/modules/catalog/seed/departments.js';
import { ITEM_SEEDS } from '../server/src/modules/catalog/seed/items/index.js';
import { CREDIT_CODE_ALPHABET } from '../server/src/platform/validators/index.js';
import { Rng } from '../server/src/platform/random/rng.js';
import type { SearchDoc } from '../server/src/modules/catalog/search/search.repository.js';
import { strongTokens } from '../server/src/modules/catalog/search/tokenizer.js';

export async function scaledCatalog(target: number, url?: string): Promise<{ database: Database; items: number }> {
  const database = await openDatabase(url ? { url, poolSize: 10 } : { dataDir: 'memory://' });
  await migrateToLatest(database.db);
  const seeded = await seedCatalog(database.db, { province: '52', now: new Date() });
  let total = seeded.items;
  const rng = new Rng(42);
  const orgChars = CREDIT_CODE_ALPHABET.replace(/[IOSVZ]/g, '');
  const counties = (await regionsRepo.listChildRegions(database.db, '52')).map((c) => c.code);
  const places: { code: string; name: string }[] = [];
  for (const city of counties) {
    places.push({ code: city, name: (await regionsRepo.findRegion(database.db, city))!.name });
    for (const county of await regionsRepo.listChildRegions(database.db, city)) places.push(county);
  }
  const categories = [...new Set(DEPARTMENTS.map((d) => d.category))];
  const existing = new Set(DEPARTMENTS.map((d) => `${d.regionCode}:${d.category}`));
  const synthetic: typeof DEPARTMENTS = [];
  for (const place of places) {
    for (const category of categories.filter((c) => !existing.has(`${place.code}:${c}`))) {
      const template = DEPARTMENTS.find((d) => d.category === category)!;
      let org8 = '';
      for (let k = 0; k < 8; k++) org8 += rng.pick([...orgChars]);
      synthetic.push({
        ...template,
        key: `bench-${place.code}-${category}`,
        regionCode: place.code,
        name: template.name.replace(/^(贵州省|贵阳市云岩区|贵阳市南明区|贵阳市)/, place.name),
        org8,
      });
    }
  }
  await regionsRepo.insertDepartments(database.db, synthetic.map(departmentRow));
  // Every county and city of the province implements its items; beyond that, items split into
  // situations (办理项: 首次, 变更, 延续…), as real catalogues do, until the target is reached.
  const SITUATIONS = [
    '',
    '（首次申请）',
    '（变更）',
    '（延续）',
    '（注销）',
    '（补办）',
    '（迁移）',
    '（更正）',
    '（撤回）',
    '（其他情形）',
  ];
  const all = [...DEPARTMENTS, ...synthetic];
  for (let v = 0; v < SITUATIONS.length && total < target; v++) {
    const seeds = ITEM_SEEDS.map((seed) =>
      v === 0
        ? seed
        : {
            ...seed,
            basicCode: `V${v}${seed.basicCode.slice(2)}`,
            guide: { ...seed.guide, name: `${seed.guide.name}${SITUATIONS[v]}` },
          },
    );
    const departments = v === 0 ? synthetic : all;
    const impls = implementations(seeds, departments).slice(0, target - total);
    await itemsRepo.insertItemsBulk(
      database.db,
      impls.map((i) => ({
        head: i.head,
        guide: i.guide,
        status: 'published',
        createdBy: 'bench',
        publishedAt: new Date(),
      })),
    );
    total += impls.length;
  }
  await rebuildSearchIndex(database.db);
  return { database, items: total };
}

/** Situations (办理项) a service splits into, for synthetic catalogues beyond the seed's. */
const SYNTHETIC_SITUATIONS = [
  '首次申请',
  '变更',
  '延续',
  '注销',
  '补办',
  '迁移',
  '更正',
  '撤回',
  '其他情形',
  '年度报告',
  '分支机构',
  '异地办理',
];

/**
 * A catalogue of `target` implementations from `docs`: each service repeated as further
 * situations (their own basic codes, names and tokens), as a large province's catalogue is.
 */
export function syntheticDocs(docs: readonly SearchDoc[], target: number): SearchDoc[] {
  const out: SearchDoc[] = [...docs.slice(0, target)];
  for (let v = 0; out.length < target; v++) {
    const situation = `${SYNTHETIC_SITUATIONS[v % SYNTHETIC_SITUATIONS.length]}${v >= SYNTHETIC_SITUATIONS.length ? Math.floor(v / SYNTHETIC_SITUATIONS.length) : ''}`;
    const extra = strongTokens([situation]);
    for (const d of docs) {
      if (out.length >= target) break;
      const name = `${d.name}（${situation}）`;
      const code = `${d.code}-${v}`;
      const basicCode = `${d.basicCode}-${v}`;
      out.push({
        ...d,
        itemId: code,
        code,
        basicCode,
        name,
        lexemes: { ...d.lexemes, a: [...d.lexemes.a, ...extra] },
        hit: { ...d.hit, code, basicCode, name },
      });
    }
  }
  return out;
}

/** 200 queries people type: names, colloquial keywords, pinyin initials and full pinyin, some with a region. */
export function benchQueries(seed = 7): { q: string; region?: string }[] {
  const rng = new Rng(seed);
  const out: { q: string; region?: string }[] = [];
  const names = ITEM_SEEDS.map((s) => s.guide.name);
  const keywords = ITEM_SEEDS.flatMap((s) => s.guide.keywords ?? []);
  const fixed = [
    '我要开饭店',
    'yyzz',
    'yingyezhizhao',
    '给孩子上户口',
    '驾照换证',
    '我要退休',
    '公积金提取',
    '低保',
    'sfz',
    '营业执照怎么办理',
  ];
  for (const q of fixed) out.push({ q });
  while (out.length < 200) {
    const kind = rng.int(0, 3);
    const q =
      kind === 0
        ? rng.pick(names)
        : kind === 1
          ? rng.pick(keywords)
          : kind === 2
            ? `我要${rng.pick(keywords)}`
            : rng.pick(names).slice(0, 4);
    out.push(rng.chance(0.3) ? { q, region: rng.pick(['520103', '520102', '5201', '52']) } : { q });
  }
  return out;
}
