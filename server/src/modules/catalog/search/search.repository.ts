/**
 * The search read model (catalog.search_doc): one row per published item with its lexemes by
 * weight and the hit as the API shows it, plus a generation counter bumped in the same
 * transaction as every change so that each API node knows when to reload its index.
 */
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../../platform/db/index.js';
import type { ServiceHit } from '../../../../../contracts/search.js';
import { cq, type SearchDocTable } from '../catalog.tables.js';

/** The read model's format: bump it when the lexemes or the hit change, and every node rebuilds it at start. */
export const SEARCH_FORMAT = 1;

export interface SearchDoc {
  itemId: string;
  code: string;
  /** 基本编码: the service this implementation belongs to. */
  basicCode: string;
  regionCode: string;
  itemType: string;
  name: string;
  /** Lexemes by weight: A names and keywords, B department and summary, C body text. */
  lexemes: { a: string[]; b: string[]; c: string[] };
  hit: Omit<ServiceHit, 'score' | 'implementations' | 'availability'>;
}

/** Generations of changes kept in catalog.search_change: a node further behind reads everything. */
export const CHANGES_KEPT = 1000;

/**
 * Bumps the read model's generation, in the caller's transaction, recording the services it changed
 * (`'all'`: a rewrite of everything, which every node reads again in full). The generation row is
 * locked until commit, so generations commit in order and a node that sees one sees all before it.
 */
async function bumpGeneration(db: Db, changed: readonly string[] | 'all'): Promise<void> {
  const whole = changed === 'all';
  const { generation } = await cq(db)
    .updateTable('catalog.searchState')
    .set({
      generation: sql`generation + 1`,
      changesFrom: whole ? sql`generation + 2` : sql`greatest(changes_from, generation + 2 - ${CHANGES_KEPT})`,
    })
    .where('id', '=', true)
    .returning('generation')
    .executeTakeFirstOrThrow();
  const now = Number(generation);
  await cq(db)
    .deleteFrom('catalog.searchChange')
    .where('generation', '<=', whole ? now : now - CHANGES_KEPT)
    .execute();
  if (whole) return;
  const codes = [...new Set(changed)];
  for (let i = 0; i < codes.length; i += 1000) {
    await cq(db)
      .insertInto('catalog.searchChange')
      .values(codes.slice(i, i + 1000).map((basicCode) => ({ generation: now, basicCode })))
      .execute();
  }
}

/**
 * Writes the documents of published items (new or changed). `whole`: they are the whole read
 * model written again, and every node reads it in full.
 */
export async function upsertSearchDocs(db: Db, docs: SearchDoc[], opts: { whole?: boolean } = {}): Promise<void> {
  // An item may have moved to another service: the one it leaves changed too.
  const left: string[] = [];
  for (let i = 0; !opts.whole && i < docs.length; i += 1000) {
    const rows = await cq(db)
      .selectFrom('catalog.searchDoc')
      .select('basicCode')
      .where(
        'itemId',
        'in',
        docs.slice(i, i + 1000).map((d) => d.itemId),
      )
      .execute();
    for (const r of rows) left.push(r.basicCode);
  }
  for (let i = 0; i < docs.length; i += 500) {
    await cq(db)
      .insertInto('catalog.searchDoc')
      .values(
        docs.slice(i, i + 500).map((d) => ({
          itemId: d.itemId,
          code: d.code,
          basicCode: d.basicCode,
          regionCode: d.regionCode,
          itemType: d.itemType,
          name: d.name,
          lexemesA: d.lexemes.a,
          lexemesB: d.lexemes.b,
          lexemesC: d.lexemes.c,
          hit: JSON.stringify(d.hit),
        })),
      )
      .onConflict((oc) =>
        oc.column('itemId').doUpdateSet((eb) => ({
          code: eb.ref('excluded.code'),
          basicCode: eb.ref('excluded.basicCode'),
          regionCode: eb.ref('excluded.regionCode'),
          itemType: eb.ref('excluded.itemType'),
          name: eb.ref('excluded.name'),
          lexemesA: eb.ref('excluded.lexemesA'),
          lexemesB: eb.ref('excluded.lexemesB'),
          lexemesC: eb.ref('excluded.lexemesC'),
          hit: eb.ref('excluded.hit'),
        })),
      )
      .execute();
  }
  await bumpGeneration(db, opts.whole ? 'all' : [...left, ...docs.map((d) => d.basicCode)]);
}

export async function deleteSearchDoc(db: Db, itemId: string): Promise<void> {
  const gone = await cq(db)
    .deleteFrom('catalog.searchDoc')
    .where('itemId', '=', itemId)
    .returning('basicCode')
    .execute();
  await bumpGeneration(
    db,
    gone.map((r) => r.basicCode),
  );
}

/**
 * Search answers with more than the documents (同义词, 主题): a change to those moves the
 * generation too, with no service changed, so that every node reads them again.
 */
export async function markSearchChanged(db: Db): Promise<void> {
  await bumpGeneration(db, []);
}

export async function readGeneration(db: Db): Promise<number> {
  const row = await cq(db).selectFrom('catalog.searchState').select('generation').executeTakeFirstOrThrow();
  return Number(row.generation);
}

/** Documents rows as the index takes them. */
const docColumns = [
  'itemId',
  'code',
  'basicCode',
  'regionCode',
  'itemType',
  'name',
  'lexemesA',
  'lexemesB',
  'lexemesC',
  'hit',
] as const;

type DocRow = Pick<Selectable<SearchDocTable>, (typeof docColumns)[number]>;

const docOf = (r: DocRow): SearchDoc => ({
  itemId: r.itemId,
  code: r.code,
  basicCode: r.basicCode,
  regionCode: r.regionCode,
  itemType: r.itemType,
  name: r.name,
  lexemes: { a: r.lexemesA, b: r.lexemesB, c: r.lexemesC },
  hit: r.hit,
});

/** Every document with the generation it belongs to (read in one transaction). */
export async function loadSearchDocs(db: Db): Promise<{ generation: number; docs: SearchDoc[] }> {
  return db.transaction().execute(async (trx) => {
    const generation = await readGeneration(trx);
    const rows = await cq(trx).selectFrom('catalog.searchDoc').select(docColumns).orderBy('code').execute();
    return { generation, docs: rows.map(docOf) };
  });
}

/**
 * Which services changed since generation `since`: none; too many to say (the log does not reach
 * back that far, a whole rewrite, or more than `maxServices` services); or their basic codes.
 */
export async function loadSearchChanges(
  db: Db,
  since: number,
  maxServices: number,
): Promise<
  | { kind: 'same'; generation: number }
  | { kind: 'everything'; generation: number }
  | { kind: 'services'; generation: number; codes: string[] }
> {
  // One statement, one snapshot: the generation and every change up to it.
  const state = await cq(db)
    .selectFrom('catalog.searchState as s')
    .select((eb) => [
      's.generation',
      's.changesFrom',
      eb
        .fn<string[]>('array', [
          eb
            .selectFrom('catalog.searchChange as c')
            .select('c.basicCode')
            .distinct()
            .where('c.generation', '>', since)
            .whereRef('c.generation', '<=', 's.generation')
            .limit(maxServices + 1),
        ])
        .as('codes'),
    ])
    .executeTakeFirstOrThrow();
  const generation = Number(state.generation);
  if (generation === since) return { kind: 'same', generation };
  if (generation < since || since + 1 < Number(state.changesFrom) || state.codes.length > maxServices)
    return { kind: 'everything', generation };
  return { kind: 'services', generation, codes: state.codes };
}

/**
 * What changed since generation `since` (see `loadSearchChanges`), with each changed service's
 * documents now, in code order (none: the service is gone).
 */
export async function loadSearchDelta(
  db: Db,
  since: number,
  maxServices: number,
): Promise<
  | { kind: 'same' }
  | { kind: 'everything' }
  | { kind: 'services'; generation: number; services: Map<string, SearchDoc[]> }
> {
  const changes = await loadSearchChanges(db, since, maxServices);
  if (changes.kind !== 'services') return changes;
  const services = new Map<string, SearchDoc[]>(changes.codes.map((c) => [c, []]));
  if (changes.codes.length > 0) {
    // Read after the generation: a document may already be newer, and the next change re-reads it.
    const rows = await cq(db)
      .selectFrom('catalog.searchDoc')
      .select(docColumns)
      .where('basicCode', 'in', changes.codes)
      .orderBy('code')
      .execute();
    for (const r of rows) services.get(r.basicCode)?.push(docOf(r));
  }
  return { kind: 'services', generation: changes.generation, services };
}

/** Whether the read model was built in an older format (then it is rebuilt). */
export async function readModelIsStale(db: Db): Promise<boolean> {
  const row = await cq(db).selectFrom('catalog.searchState').select('format').executeTakeFirstOrThrow();
  return row.format < SEARCH_FORMAT;
}

export async function markReadModelCurrent(db: Db): Promise<void> {
  await cq(db).updateTable('catalog.searchState').set({ format: SEARCH_FORMAT }).where('id', '=', true).execute();
}

export async function loadSynonyms(db: Db): Promise<Map<string, string[]>> {
  const rows = await cq(db).selectFrom('catalog.synonym').select(['term', 'expansions']).execute();
  return new Map(rows.map((r) => [r.term, r.expansions]));
}

export async function insertSearchLogs(
  db: Db,
  entries: {
    query: string;
    regionCode: string | null;
    resultCount: number;
    topCode: string | null;
    count: number;
    at: Date;
  }[],
): Promise<void> {
  if (entries.length === 0) return;
  await cq(db).insertInto('catalog.searchLog').values(entries).execute();
}

/** Records who asked what on which day (once per query, day and asker); forgets days before `keepFrom`. */
export async function insertAskers(
  db: Db,
  rows: { query: string; day: string; asker: string }[],
  keepFrom: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await cq(db)
      .insertInto('catalog.searchAsker')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await cq(db).deleteFrom('catalog.searchAsker').where('day', '<', keepFrom).execute();
}

/** 热门搜索: queries asked by at least `minPeople` distinct people since `since` (a date), most people first. */
export async function listHotQueries(
  db: Db,
  opts: { limit: number; since: string; minPeople: number },
): Promise<{ query: string; people: number }[]> {
  const rows = await cq(db)
    .selectFrom('catalog.searchAsker')
    .select(['query', (eb) => eb.fn.count<string>('asker').distinct().as('people')])
    .where('day', '>=', opts.since)
    .groupBy('query')
    .having((eb) => eb.fn.count('asker').distinct(), '>=', opts.minPeople)
    .orderBy('people', 'desc')
    .orderBy('query')
    .limit(opts.limit)
    .execute();
  return rows.map((r) => ({ query: r.query, people: Number(r.people) }));
}

/** Zero-result queries: unmet demand for the big-data centre. */
export async function listZeroResultQueries(db: Db, limit: number, since: Date) {
  return cq(db)
    .selectFrom('catalog.searchLog')
    .select(['query', (eb) => eb.fn.sum<number>('count').as('count'), (eb) => eb.fn.max('at').as('lastAt')])
    .where('resultCount', '=', 0)
    .where('at', '>=', since)
    .groupBy('query')
    .orderBy('count', 'desc')
    .limit(limit)
    .execute();
}
