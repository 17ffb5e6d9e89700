/**
 * The search read model (catalog.search_doc): one row per published item with its lexemes by
 * weight and the hit as the API shows it, plus a generation counter bumped in the same
 * transaction as every change so that each API node knows when to reload its index.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/index.js';
import type { SearchHit } from '../../../../../contracts/catalog.js';
import { cq } from '../catalog.tables.js';

export interface SearchDoc {
  itemId: string;
  code: string;
  regionCode: string;
  itemType: string;
  name: string;
  /** Lexemes by weight: A names and keywords, B department and summary, C body text. */
  lexemes: { a: string[]; b: string[]; c: string[] };
  hit: Omit<SearchHit, 'score'>;
}

async function bumpGeneration(db: Db): Promise<void> {
  await cq(db)
    .updateTable('catalog.searchState')
    .set({ generation: sql`generation + 1` })
    .where('id', '=', true)
    .execute();
}

export async function upsertSearchDocs(db: Db, docs: SearchDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 500) {
    await cq(db)
      .insertInto('catalog.searchDoc')
      .values(
        docs.slice(i, i + 500).map((d) => ({
          itemId: d.itemId,
          code: d.code,
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
  await bumpGeneration(db);
}

export async function deleteSearchDoc(db: Db, itemId: string): Promise<void> {
  await cq(db).deleteFrom('catalog.searchDoc').where('itemId', '=', itemId).execute();
  await bumpGeneration(db);
}

export async function readGeneration(db: Db): Promise<number> {
  const row = await cq(db).selectFrom('catalog.searchState').select('generation').executeTakeFirstOrThrow();
  return Number(row.generation);
}

/** Every document with the generation it belongs to (read in one transaction). */
export async function loadSearchDocs(db: Db): Promise<{ generation: number; docs: SearchDoc[] }> {
  return db.transaction().execute(async (trx) => {
    const generation = await readGeneration(trx);
    const rows = await cq(trx)
      .selectFrom('catalog.searchDoc')
      .select(['itemId', 'code', 'regionCode', 'itemType', 'name', 'lexemesA', 'lexemesB', 'lexemesC', 'hit'])
      .orderBy('code')
      .execute();
    return {
      generation,
      docs: rows.map((r) => ({
        itemId: r.itemId,
        code: r.code,
        regionCode: r.regionCode,
        itemType: r.itemType,
        name: r.name,
        lexemes: { a: r.lexemesA, b: r.lexemesB, c: r.lexemesC },
        hit: r.hit as SearchDoc['hit'],
      })),
    };
  });
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

/** The most frequent successful queries of the last 30 days (hot searches, 热门搜索). */
export async function listHotQueries(db: Db, limit: number, since: Date): Promise<string[]> {
  const rows = await cq(db)
    .selectFrom('catalog.searchLog')
    .select(['query', (eb) => eb.fn.sum<number>('count').as('n')])
    .where('resultCount', '>', 0)
    .where('at', '>=', since)
    .groupBy('query')
    .orderBy('n', 'desc')
    .orderBy('query')
    .limit(limit)
    .execute();
  return rows.map((r) => r.query);
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
