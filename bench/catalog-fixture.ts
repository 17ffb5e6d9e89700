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
import { englishTokens, strongTokens } from '../server/src/modules/catalog/search/tokenizer.js';
import { englishName } from '../server/src/modules/catalog/search/names-en.js';

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
  // situations (办理项: 首次, 变更, 延续…), as real catalogues do, until the target is reached. A
  // situation's basic code is the seed's with its first digit (0–2) made a letter: A–X for eight.
  const all = [...DEPARTMENTS, ...synthetic];
  for (let v = 0; v <= 8 && total < target; v++) {
    const seeds = ITEM_SEEDS.map((seed) =>
      v === 0
        ? seed
        : {
            ...seed,
            basicCode: `${String.fromCharCode(65 + (v - 1) * 3 + Number(seed.basicCode[0]))}${seed.basicCode.slice(1)}`,
            guide: { ...seed.guide, name: `${seed.guide.name}（${SITUATIONS[v - 1]}）` },
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

/**
 * Situations (业务办理项) a service splits into in a province's catalogue: each one is listed as a
 * service of its own (its code is the basic code and two digits), with its own name and guide.
 */
export const SITUATIONS = [
  '首次申请',
  '变更',
  '延续',
  '注销',
  '补办',
  '换发',
  '迁移',
  '更正',
  '撤回',
  '遗失补领',
  '损毁换领',
  '年度报告',
  '分支机构',
  '异地办理',
  '委托代办',
  '个人申请',
  '单位申请',
  '港澳台居民',
  '外国人',
  '军人及军属',
  '残疾人',
  '老年人',
  '未成年人',
  '个体工商户',
  '社会组织',
  '农村集体经济组织',
  '外商投资企业',
  '其他情形',
];

/**
 * A province's catalogue of `target` implementations, in memory: the seed services as every county
 * and city of the province implements them (`base`, read from the database), then each of them
 * again as situations (业务办理项: 首次申请, 变更, 延续…), implemented by the same departments in the
 * same places, until the target is reached. A situation's document is what the read model would
 * hold for it: the name with the situation, its tokens and English name added to the service's.
 */
export function provinceDocs(base: readonly SearchDoc[], target: number): SearchDoc[] {
  const out: SearchDoc[] = base.slice(0, target);
  // A situation's name, English name and added tokens, once per service (not per implementation).
  const named = new Map<string, { name: string; nameEn: string; extra: string[]; from: string[]; a: string[] }>();
  for (let v = 1; out.length < target; v++) {
    const situation =
      SITUATIONS[(v - 1) % SITUATIONS.length]! + (v > SITUATIONS.length ? Math.ceil(v / SITUATIONS.length) : '');
    const suffix = String(v).padStart(2, '0');
    named.clear();
    for (const d of base) {
      if (out.length >= target) break;
      let s = named.get(d.basicCode);
      if (!s) {
        const name = `${d.name}（${situation}）`;
        const nameEn = englishName(name);
        const extra = [...strongTokens([name]), ...englishTokens(nameEn)];
        named.set(d.basicCode, (s = { name, nameEn, extra, from: d.lexemes.a, a: withAll(d.lexemes.a, extra) }));
      }
      const code = `${d.code}${suffix}`;
      const basicCode = `${d.basicCode}${suffix}`;
      const same = d.lexemes.a.length === s.from.length && d.lexemes.a.every((t, i) => t === s.from[i]);
      const a = same ? s.a : withAll(d.lexemes.a, s.extra);
      out.push({
        ...d,
        itemId: code,
        code,
        basicCode,
        name: s.name,
        lexemes: { ...d.lexemes, a },
        hit: { ...d.hit, code, basicCode, name: s.name, nameEn: s.nameEn },
      });
    }
  }
  return out;
}

const withAll = (list: readonly string[], extra: readonly string[]): string[] => [...new Set([...list, ...extra])];

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
