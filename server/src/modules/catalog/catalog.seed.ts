/**
 * Loads the demo catalogue: the province's regions down to villages, departments, every seed item
 * implemented by each matching department and published, the search index, themes and synonyms.
 * Deterministic: the same seed content gives the same ids and codes.
 */
import { createRequire } from 'node:module';
import { ItemGuide, ThemeInput } from '../../../../contracts/catalog.js';
import type { Db } from '../../platform/db/index.js';
import { nameUuid } from '../../platform/ids/deterministic-uuid.js';
import { makeCreditCode, regionLevel } from '../../platform/validators/index.js';
import { checkGuide } from './guide-rules.js';
import { implementationCode, rebuildSearchIndex } from './items.service.js';
import * as itemsRepo from './items.repository.js';
import * as regionsRepo from './regions.repository.js';
import { insertThemes } from './themes.repository.js';
import { cq } from './catalog.tables.js';
import { DEPARTMENTS, type DepartmentSeed } from './seed/departments.js';
import { ITEM_SEEDS } from './seed/items/index.js';
import { guideFor, type ItemSeed } from './seed/item-seed.js';
import { THEMES } from './seed/themes.js';
import { SYNONYMS } from './seed/synonyms.js';
import { NEGATIVE_LIST } from './seed/negative-list.js';

const require = createRequire(import.meta.url);
const PROVINCE_NAMES: Record<string, string> = { '52': '贵州省' };

export interface CatalogSeedResult {
  regions: number;
  departments: number;
  items: number;
  basicItems: number;
  themes: number;
}

const LEVEL_LENGTH: Record<ItemSeed['level'], number> = { province: 2, city: 4, county: 6 };

export function departmentRow(d: DepartmentSeed): regionsRepo.DepartmentRow {
  return {
    id: nameUuid('department', d.key),
    key: d.key,
    regionCode: d.regionCode,
    name: d.name,
    shortName: d.shortName,
    category: d.category,
    creditCode: makeCreditCode('1', '1', d.regionCode.padEnd(6, '0'), d.org8),
    address: d.address,
    phone: d.phone,
  };
}

/** The fields of a guide that differ between the departments implementing one seed. */
const PerDepartment = ItemGuide.pick({ venue: true, hours: true, consultPhone: true });

/**
 * Every (item seed × implementing department) pair, with the guide parsed and checked. A seed's
 * guide is parsed and checked once; each department's copy differs only in venue, hours and phone,
 * which are parsed on their own (12,000 full parses took seconds at every first start).
 */
export function implementations(
  seeds: ItemSeed[],
  departments: DepartmentSeed[],
): { head: itemsRepo.ItemHead; guide: ItemGuide }[] {
  const rows = new Map(departments.map((d) => [d.key, departmentRow(d)]));
  const out: { head: itemsRepo.ItemHead; guide: ItemGuide }[] = [];
  for (const seed of seeds) {
    let base: ItemGuide | undefined;
    for (const dept of departments) {
      if (dept.category !== seed.category || dept.regionCode.length !== LEVEL_LENGTH[seed.level]) continue;
      const row = rows.get(dept.key)!;
      const own = guideFor(seed, dept);
      if (!base) {
        base = ItemGuide.parse({ basicCode: seed.basicCode, ...own });
        const problems = checkGuide(base);
        if (problems.length)
          throw new Error(`seed item ${seed.basicCode} ${base.name}: ${problems.map((p) => p.message.en).join('; ')}`);
      }
      const guide = { ...base, ...PerDepartment.parse(own) };
      const code = implementationCode(row.creditCode, seed.basicCode);
      out.push({
        head: {
          id: nameUuid('item', code),
          code,
          basicCode: seed.basicCode,
          departmentId: row.id,
          regionCode: row.regionCode,
          publishedVersion: 1,
          latestVersion: 1,
        },
        guide,
      });
    }
  }
  return out;
}

function provinceRegions(province: string): regionsRepo.RegionRow[] {
  const tuples = require(`./seed/regions-${province}.json`) as [string, string, string | null][];
  const rows = tuples.map(([code, name, parentCode]) => ({ code, name, level: regionLevel(code) ?? 0, parentCode }));
  if (!rows.some((r) => r.code === province))
    rows.unshift({ code: province, name: PROVINCE_NAMES[province] ?? province, level: 1, parentCode: null });
  return rows;
}

/**
 * Seeds the demo catalogue. `places` limits the cities and counties whose departments (and so
 * implementations) are seeded, e.g. for a test database that needs a few counties rather than
 * 12,000 implementations; the province's departments and all regions are always seeded.
 */
export async function seedCatalog(
  db: Db,
  opts: {
    province: string;
    now: Date;
    actorId?: string;
    places?: readonly string[];
    /**
     * Build the search read model (default). A migration test that seeds an older schema skips it:
     * the read model's columns belong to a later migration, and every node rebuilds an outdated one.
     */
    searchIndex?: boolean;
  },
): Promise<CatalogSeedResult> {
  const actorId = opts.actorId ?? 'seed';
  const regions = provinceRegions(opts.province);
  const places = opts.places ? new Set([opts.province, ...opts.places]) : undefined;
  const seeds = DEPARTMENTS.filter(
    (d) => d.regionCode.startsWith(opts.province) && (!places || places.has(d.regionCode)),
  );
  const departments = seeds.map(departmentRow);
  const impls = implementations(ITEM_SEEDS, seeds);
  const themes = THEMES.map((t, i) => ({ ...ThemeInput.parse(t), id: nameUuid('theme', t.slug), sortOrder: i }));
  await db.transaction().execute(async (trx) => {
    await regionsRepo.insertRegions(trx, regions);
    await regionsRepo.insertDepartments(trx, departments);
    await itemsRepo.insertItemsBulk(
      trx,
      impls.map((i) => ({
        head: i.head,
        guide: i.guide,
        status: 'published',
        createdBy: actorId,
        publishedAt: opts.now,
      })),
    );
    await insertThemes(trx, themes);
    await cq(trx)
      .insertInto('catalog.synonym')
      .values(Object.entries(SYNONYMS).map(([term, expansions]) => ({ term, expansions })))
      .onConflict((oc) => oc.column('term').doNothing())
      .execute();
    await cq(trx)
      .insertInto('catalog.negativeListEntry')
      .values(NEGATIVE_LIST.map((e, i) => ({ ...e, sortOrder: i })))
      .execute();
    if (opts.searchIndex !== false) await rebuildSearchIndex(trx);
  });
  return {
    regions: regions.length,
    departments: departments.length,
    items: impls.length,
    basicItems: ITEM_SEEDS.length,
    themes: themes.length,
  };
}

/** Has the catalogue been seeded? */
export async function catalogIsEmpty(db: Db): Promise<boolean> {
  const row = await cq(db).selectFrom('catalog.department').select('id').limit(1).executeTakeFirst();
  return !row;
}
