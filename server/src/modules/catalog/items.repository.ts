/** All SQL for items, their versions and history. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/index.js';
import type { Actor } from '../../platform/context.js';
import { withinScope } from '../../platform/scope.js';
import type { Item, ItemGuide } from '../../../../contracts/catalog.js';
import { cq, type VersionStatus } from './catalog.tables.js';
import { listsOf } from './guide-rules.js';
import { regionNameEn } from './region-names.js';
import { departmentNameEn } from './department-names.js';

export interface ItemHead {
  id: string;
  code: string;
  basicCode: string;
  departmentId: string;
  regionCode: string;
  publishedVersion: number | null;
  latestVersion: number;
}

export interface VersionRow {
  version: number;
  status: VersionStatus;
  name: string;
  guide: ItemGuide;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

const headColumns = [
  'id',
  'code',
  'basicCode',
  'departmentId',
  'regionCode',
  'publishedVersion',
  'latestVersion',
] as const;

export async function findItemHead(db: Db, code: string): Promise<ItemHead | undefined> {
  return cq(db).selectFrom('catalog.item').select(headColumns).where('code', '=', code).executeTakeFirst();
}

/** Locks the item row so that workflow steps on one item are serialised. */
export async function lockItemForUpdate(db: Db, code: string): Promise<ItemHead | undefined> {
  return cq(db).selectFrom('catalog.item').select(headColumns).where('code', '=', code).forUpdate().executeTakeFirst();
}

export async function insertItem(db: Db, head: ItemHead): Promise<void> {
  await cq(db)
    .insertInto('catalog.item')
    .values({ ...head, retiredAt: null })
    .execute();
}

export async function updateItemHead(
  db: Db,
  id: string,
  patch: { publishedVersion?: number | null; latestVersion?: number; retiredAt?: Date | null },
): Promise<void> {
  await cq(db)
    .updateTable('catalog.item')
    .set({ ...patch, updatedAt: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function insertVersion(
  db: Db,
  itemId: string,
  v: { version: number; status: VersionStatus; guide: ItemGuide; createdBy: string; publishedAt?: Date | null },
): Promise<void> {
  await cq(db)
    .insertInto('catalog.itemVersion')
    .values({
      itemId,
      version: v.version,
      status: v.status,
      name: v.guide.name,
      guide: JSON.stringify(v.guide),
      createdBy: v.createdBy,
      publishedAt: v.publishedAt ?? null,
    })
    .execute();
}

/** Inserts many items with their first version at once (seeding). */
export async function insertItemsBulk(
  db: Db,
  rows: { head: ItemHead; guide: ItemGuide; status: VersionStatus; createdBy: string; publishedAt: Date | null }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    await cq(db)
      .insertInto('catalog.item')
      .values(batch.map((r) => ({ ...r.head, retiredAt: null })))
      .execute();
    await cq(db)
      .insertInto('catalog.itemVersion')
      .values(
        batch.map((r) => ({
          itemId: r.head.id,
          version: 1,
          status: r.status,
          name: r.guide.name,
          guide: JSON.stringify(r.guide),
          createdBy: r.createdBy,
          publishedAt: r.publishedAt,
        })),
      )
      .execute();
    await cq(db)
      .insertInto('catalog.itemHistory')
      .values(
        batch.map((r) => ({
          itemId: r.head.id,
          version: 1,
          action: 'seed',
          fromStatus: null,
          toStatus: r.status,
          actorId: r.createdBy,
          comment: '演示数据 demo data',
        })),
      )
      .execute();
  }
}

export async function updateVersion(
  db: Db,
  itemId: string,
  version: number,
  patch: { status?: VersionStatus; guide?: ItemGuide; publishedAt?: Date },
): Promise<void> {
  await cq(db)
    .updateTable('catalog.itemVersion')
    .set({
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.guide ? { guide: JSON.stringify(patch.guide), name: patch.guide.name } : {}),
      ...(patch.publishedAt ? { publishedAt: patch.publishedAt } : {}),
      updatedAt: sql`now()`,
    })
    .where('itemId', '=', itemId)
    .where('version', '=', version)
    .execute();
}

export async function findVersion(db: Db, itemId: string, version: number): Promise<VersionRow | undefined> {
  return cq(db)
    .selectFrom('catalog.itemVersion')
    .select(['version', 'status', 'name', 'guide', 'createdBy', 'createdAt', 'updatedAt', 'publishedAt'])
    .where('itemId', '=', itemId)
    .where('version', '=', version)
    .executeTakeFirst() as Promise<VersionRow | undefined>;
}

export async function listVersions(db: Db, itemId: string): Promise<Omit<VersionRow, 'guide'>[]> {
  return cq(db)
    .selectFrom('catalog.itemVersion')
    .select(['version', 'status', 'name', 'createdBy', 'createdAt', 'updatedAt', 'publishedAt'])
    .where('itemId', '=', itemId)
    .orderBy('version', 'desc')
    .execute();
}

export async function appendHistory(
  db: Db,
  row: {
    itemId: string;
    version: number;
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actorId: string;
    comment: string;
  },
): Promise<void> {
  await cq(db).insertInto('catalog.itemHistory').values(row).execute();
}

export async function listHistory(db: Db, itemId: string) {
  return cq(db)
    .selectFrom('catalog.itemHistory')
    .select(['version', 'action', 'fromStatus', 'toStatus', 'actorId', 'comment', 'at'])
    .where('itemId', '=', itemId)
    .orderBy('id')
    .execute();
}

const itemViewQuery = (db: Db) =>
  cq(db)
    .selectFrom('catalog.item as i')
    .innerJoin('catalog.itemVersion as v', (j) => j.onRef('v.itemId', '=', 'i.id'))
    .innerJoin('catalog.department as d', 'd.id', 'i.departmentId')
    .innerJoin('catalog.region as r', 'r.code', 'i.regionCode')
    .innerJoin('catalog.region as dr', 'dr.code', 'd.regionCode')
    .select([
      'i.id',
      'i.code',
      'v.version',
      'v.status',
      'v.guide',
      'v.publishedAt',
      'd.id as departmentId',
      'd.name as departmentName',
      'd.category as departmentCategory',
      'd.regionCode as departmentRegionCode',
      'dr.name as departmentRegionName',
      'd.shortName as departmentShortName',
      'd.creditCode as departmentCreditCode',
      'r.code as regionCode',
      'r.name as regionName',
      'r.level as regionLevel',
    ]);

type ItemViewRow = Awaited<ReturnType<ReturnType<typeof itemViewQuery>['executeTakeFirstOrThrow']>>;

function toItem(row: ItemViewRow): Item {
  const guide = row.guide as ItemGuide;
  return {
    ...guide,
    code: row.code,
    department: {
      id: row.departmentId,
      name: row.departmentName,
      nameEn: departmentNameEn({
        name: row.departmentName,
        category: row.departmentCategory,
        region: { code: row.departmentRegionCode, name: row.departmentRegionName },
      }),
      shortName: row.departmentShortName,
      creditCode: row.departmentCreditCode,
    },
    region: {
      code: row.regionCode,
      name: row.regionName,
      nameEn: regionNameEn(row.regionCode, row.regionName),
      level: row.regionLevel,
    },
    status: row.status === 'superseded' ? 'retired' : row.status,
    version: row.version,
    lists: listsOf(guide.itemType),
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
  };
}

/** The published version of an item, as the portal shows it. */
export async function findPublishedItem(db: Db, code: string): Promise<{ id: string; item: Item } | undefined> {
  const row = await itemViewQuery(db).where('i.code', '=', code).where('v.status', '=', 'published').executeTakeFirst();
  return row ? { id: row.id, item: toItem(row) } : undefined;
}

/** The 审批结果 of the published version, without the rest of the guide (what a decided case's licence depends on). */
export async function findPublishedResult(db: Db, code: string): Promise<ItemGuide['result'] | undefined> {
  const row = await cq(db)
    .selectFrom('catalog.item as i')
    .innerJoin('catalog.itemVersion as v', (j) => j.onRef('v.itemId', '=', 'i.id').on('v.status', '=', 'published'))
    .select(sql<ItemGuide['result']>`v.guide -> 'result'`.as('result'))
    .where('i.code', '=', code)
    .executeTakeFirst();
  return row?.result;
}

export async function findItemVersionView(db: Db, code: string, version: number): Promise<Item | undefined> {
  const row = await itemViewQuery(db).where('i.code', '=', code).where('v.version', '=', version).executeTakeFirst();
  return row ? toItem(row) : undefined;
}

/** Every published item, or those given or of one department (for the search read model). */
export async function listPublishedItems(
  db: Db,
  opts: { itemIds?: string[]; departmentId?: string } = {},
): Promise<{ id: string; item: Item }[]> {
  let q = itemViewQuery(db).where('v.status', '=', 'published');
  if (opts.itemIds)
    q = q.where('i.id', 'in', opts.itemIds.length ? opts.itemIds : ['00000000-0000-0000-0000-000000000000']);
  if (opts.departmentId) q = q.where('i.departmentId', '=', opts.departmentId);
  const rows = await q.orderBy('i.code').execute();
  return rows.map((r) => ({ id: r.id, item: toItem(r) }));
}

/** Published items of a region, of the regions above it and of those below it (what serves its people). */
export async function listPublishedServing(db: Db, regionCode: string): Promise<Item[]> {
  const above = [2, 4, 6, 9, 12].filter((n) => n <= regionCode.length).map((n) => regionCode.slice(0, n));
  const rows = await itemViewQuery(db)
    .where('v.status', '=', 'published')
    .where((eb) => eb.or([eb('i.regionCode', 'in', above), eb('i.regionCode', 'like', `${regionCode}%`)]))
    .orderBy('i.code')
    .execute();
  return rows.map(toItem);
}

/** Distinct basic codes with a published implementation anywhere (the province's catalogue). */
export async function countPublishedServices(db: Db): Promise<number> {
  const row = await cq(db)
    .selectFrom('catalog.item as i')
    .innerJoin('catalog.itemVersion as v', (j) =>
      j.onRef('v.itemId', '=', 'i.id').onRef('v.version', '=', 'i.publishedVersion'),
    )
    .select((eb) => eb.fn.count<string>('i.basicCode').distinct().as('n'))
    .where('v.status', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A published implementation in brief: which service, where, by which department, for whom. */
export interface PublishedImplementation {
  code: string;
  basicCode: string;
  name: string;
  regionCode: string;
  departmentId: string;
  itemType: ItemGuide['itemType'];
  serviceObjects: ItemGuide['serviceObjects'];
  caseKind: ItemGuide['caseKind'];
  visits: number;
}

/** Every published implementation in brief (no guides: about 12,000 small rows for the demo province). */
export async function listPublishedImplementations(db: Db): Promise<PublishedImplementation[]> {
  const rows = await cq(db)
    .selectFrom('catalog.item as i')
    .innerJoin('catalog.itemVersion as v', (j) =>
      j.onRef('v.itemId', '=', 'i.id').onRef('v.version', '=', 'i.publishedVersion'),
    )
    .select([
      'i.code',
      'i.basicCode',
      'v.name',
      'i.regionCode',
      'i.departmentId',
      sql<ItemGuide['itemType']>`v.guide->>'itemType'`.as('itemType'),
      sql<ItemGuide['serviceObjects']>`v.guide->'serviceObjects'`.as('serviceObjects'),
      sql<ItemGuide['caseKind']>`v.guide->>'caseKind'`.as('caseKind'),
      sql<number>`coalesce((v.guide->>'visits')::int, 0)`.as('visits'),
    ])
    .where('v.status', '=', 'published')
    .where('i.retiredAt', 'is', null)
    .orderBy('i.code')
    .execute();
  return rows.map((r) => ({ ...r, visits: Number(r.visits) }));
}

/** Published items whose basic code is one of `basicCodes`, for resolving theme steps. */
export async function listPublishedByBasicCodes(
  db: Db,
  basicCodes: string[],
): Promise<{ basicCode: string; item: Item }[]> {
  if (basicCodes.length === 0) return [];
  const rows = await itemViewQuery(db)
    .select('i.basicCode')
    .where('v.status', '=', 'published')
    .where('i.basicCode', 'in', basicCodes)
    .orderBy('i.regionCode')
    .execute();
  return rows.map((r) => ({ basicCode: r.basicCode, item: toItem(r) }));
}

/** The catalogue is kept for a whole region: its administrators and reviewers act for every department of it. */
export const CATALOG_SCOPE = { regionWide: ['catalog_admin', 'catalog_reviewer'] };

/** Administrative listing: latest version of each item in a region subtree, optionally by status. */
export async function listItemsForAdmin(
  db: Db,
  actor: Actor,
  opts: { status?: VersionStatus; departmentId?: string; limit: number; offset: number },
) {
  let q = withinScope(
    cq(db)
      .selectFrom('catalog.item as i')
      .innerJoin('catalog.itemVersion as v', (j) =>
        j.onRef('v.itemId', '=', 'i.id').onRef('v.version', '=', 'i.latestVersion'),
      )
      .innerJoin('catalog.department as d', 'd.id', 'i.departmentId')
      .select([
        'i.code',
        'i.basicCode',
        'v.name',
        'v.status',
        'v.version',
        'i.publishedVersion',
        'd.name as departmentName',
        'i.regionCode',
        'v.updatedAt',
      ]),
    actor,
    {
      region: 'i.regionCode',
      department: 'i.departmentId',
    },
    CATALOG_SCOPE,
  );
  if (opts.status) q = q.where('v.status', '=', opts.status);
  if (opts.departmentId) q = q.where('i.departmentId', '=', opts.departmentId);
  return q.orderBy('v.updatedAt', 'desc').orderBy('i.code').limit(opts.limit).offset(opts.offset).execute();
}

/** Published items grouped for the 权力清单 / 公共服务清单 views. */
export async function listPublishedHits(
  db: Db,
  opts: { itemTypes: string[]; regionAncestors?: string[]; regionPrefix?: string },
) {
  let q = cq(db).selectFrom('catalog.searchDoc').select(['hit', 'itemType']).where('itemType', 'in', opts.itemTypes);
  if (opts.regionAncestors && opts.regionPrefix) {
    const ancestors = opts.regionAncestors;
    const prefix = opts.regionPrefix;
    q = q.where((eb) => eb.or([eb('regionCode', 'in', ancestors), eb('regionCode', 'like', `${prefix}%`)]));
  }
  return q.orderBy('itemType').orderBy('name').execute();
}
