/** Regions (行政区划, five levels) and departments (部门). */
import type { Db } from '../../platform/db/index.js';
import { cq } from './catalog.tables.js';
import { regionNameEn } from './region-names.js';
import { departmentNameEn } from './department-names.js';
import { isUuid } from '../../platform/validators/index.js';

export interface RegionRow {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

export interface DepartmentRow {
  id: string;
  key: string;
  regionCode: string;
  name: string;
  shortName: string;
  category: string;
  creditCode: string;
  address: string;
  phone: string;
}

export async function insertRegions(db: Db, regions: RegionRow[]): Promise<void> {
  for (let i = 0; i < regions.length; i += 2000) {
    await cq(db)
      .insertInto('catalog.region')
      .values(regions.slice(i, i + 2000))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
}

/** A region with its English name (region-names.ts), as every reader gets it. */
const withEnglish = <R extends { code: string; name: string }>(r: R): R & { nameEn: string } => ({
  ...r,
  nameEn: regionNameEn(r.code, r.name),
});

export async function listChildRegions(
  db: Db,
  parent: string | null,
): Promise<{ code: string; name: string; nameEn: string; level: number }[]> {
  let q = cq(db).selectFrom('catalog.region').select(['code', 'name', 'level']);
  q = parent === null ? q.where('parentCode', 'is', null) : q.where('parentCode', '=', parent);
  return (await q.orderBy('code').execute()).map(withEnglish);
}

export async function findRegion(db: Db, code: string): Promise<(RegionRow & { nameEn: string }) | undefined> {
  const row = await cq(db)
    .selectFrom('catalog.region')
    .select(['code', 'name', 'level', 'parentCode'])
    .where('code', '=', code)
    .executeTakeFirst();
  return row && withEnglish(row);
}

export async function listRegionCodes(db: Db): Promise<string[]> {
  const rows = await cq(db).selectFrom('catalog.region').select('code').execute();
  return rows.map((r) => r.code);
}

/** The regions of `codes`, from the province down (ordered by level). */
export async function listRegionsByCode(
  db: Db,
  codes: string[],
): Promise<{ code: string; name: string; nameEn: string; level: number }[]> {
  if (codes.length === 0) return [];
  const rows = await cq(db)
    .selectFrom('catalog.region')
    .select(['code', 'name', 'level'])
    .where('code', 'in', codes)
    .orderBy('level')
    .execute();
  return rows.map(withEnglish);
}

export async function countRegionsByLevel(db: Db): Promise<Record<number, number>> {
  const rows = await cq(db)
    .selectFrom('catalog.region')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('level')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
}

export async function insertDepartments(db: Db, rows: DepartmentRow[]): Promise<void> {
  if (rows.length) await cq(db).insertInto('catalog.department').values(rows).execute();
}

export async function findDepartment(db: Db, id: string): Promise<DepartmentRow | undefined> {
  return cq(db).selectFrom('catalog.department').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A department by its stable key (what outside systems name it by). */
export async function findDepartmentByKey(db: Db, key: string): Promise<DepartmentRow | undefined> {
  return cq(db).selectFrom('catalog.department').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function listDepartments(db: Db, opts: { regionPrefix?: string } = {}): Promise<DepartmentRow[]> {
  let q = cq(db)
    .selectFrom('catalog.department')
    .select(['id', 'key', 'regionCode', 'name', 'shortName', 'category', 'creditCode', 'address', 'phone']);
  if (opts.regionPrefix) q = q.where('regionCode', 'like', `${opts.regionPrefix}%`);
  return q.orderBy('regionCode').orderBy('name').execute();
}

/** The names of departments, in Chinese and English (department-names.ts), by id; unknown ids are left out. */
export async function departmentNames(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { name: string; nameEn: string }>> {
  const uuids = ids.filter(isUuid);
  if (uuids.length === 0) return new Map();
  const rows = await cq(db)
    .selectFrom('catalog.department as d')
    .innerJoin('catalog.region as r', 'r.code', 'd.regionCode')
    .select(['d.id', 'd.name', 'd.category', 'd.regionCode', 'r.name as regionName'])
    .where('d.id', 'in', uuids)
    .execute();
  return new Map(
    rows.map((d) => [
      d.id,
      { name: d.name, nameEn: departmentNameEn({ ...d, region: { code: d.regionCode, name: d.regionName } }) },
    ]),
  );
}

/** The departments of a category in a region and in the regions above it (its county's, city's, province's). */
export async function listDepartmentsAbove(db: Db, regionCode: string, category: string): Promise<DepartmentRow[]> {
  const above = [2, 4, 6, 9, 12].filter((n) => n <= regionCode.length).map((n) => regionCode.slice(0, n));
  return cq(db)
    .selectFrom('catalog.department')
    .select(['id', 'key', 'regionCode', 'name', 'shortName', 'category', 'creditCode', 'address', 'phone'])
    .where('regionCode', 'in', above)
    .where('category', '=', category)
    .orderBy('regionCode')
    .orderBy('name')
    .execute();
}

/** Villages (村/社区) under a region with their full address prefix (省市县乡村 names joined). */
export async function listVillageAddresses(db: Db, under: string): Promise<{ code: string; address: string }[]> {
  const rows = await cq(db)
    .selectFrom('catalog.region as v')
    .innerJoin('catalog.region as t', 't.code', 'v.parentCode')
    .innerJoin('catalog.region as c', 'c.code', 't.parentCode')
    .innerJoin('catalog.region as p', 'p.code', 'c.parentCode')
    .innerJoin('catalog.region as s', 's.code', 'p.parentCode')
    .select([
      'v.code',
      'v.name as village',
      't.name as township',
      'c.name as county',
      'p.name as city',
      's.name as province',
    ])
    .where('v.level', '=', 5)
    .where('v.code', 'like', `${under}%`)
    .orderBy('v.code')
    .execute();
  return rows.map((r) => ({ code: r.code, address: `${r.province}${r.city}${r.county}${r.township}${r.village}` }));
}
