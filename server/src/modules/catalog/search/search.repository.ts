/**
 * The search read model (catalog.search_doc): one row per published item with a weighted
 * tsvector of Chinese words, phrases and pinyin, and the hit as the API shows it.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/index.js';
import type { SearchHit } from '../../../../../contracts/catalog.js';
import { cq } from '../catalog.tables.js';
import { LATER_STAGE, quoteLexeme } from './tokenizer.js';

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

/**
 * The tsvector of a document as a literal with a position and a weight on every lexeme
 * (`'食品':1A 'spjyxk':2A …`). Weights only count on positioned lexemes, so array_to_tsvector,
 * which gives none, would make them all equal.
 */
export function tsvectorLiteral(lexemes: SearchDoc['lexemes']): string {
  const parts: string[] = [];
  let pos = 0;
  for (const [weight, list] of [['A', lexemes.a], ['B', lexemes.b], ['C', lexemes.c]] as const) {
    for (const l of list) parts.push(`${quoteLexeme(l)}:${Math.min(++pos, 16383)}${weight}`);
  }
  return parts.join(' ');
}

export async function upsertSearchDocs(db: Db, docs: SearchDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 500) {
    const batch = docs.slice(i, i + 500);
    await cq(db)
      .insertInto('catalog.searchDoc')
      .values(batch.map((d) => ({ itemId: d.itemId, code: d.code, regionCode: d.regionCode, itemType: d.itemType, name: d.name, tsv: sql<string>`${tsvectorLiteral(d.lexemes)}::tsvector`, hit: JSON.stringify(d.hit) })))
      .onConflict((oc) =>
        oc.column('itemId').doUpdateSet((eb) => ({
          code: eb.ref('excluded.code'),
          regionCode: eb.ref('excluded.regionCode'),
          itemType: eb.ref('excluded.itemType'),
          name: eb.ref('excluded.name'),
          tsv: eb.ref('excluded.tsv'),
          hit: eb.ref('excluded.hit'),
        })),
      )
      .execute();
  }
}

export async function deleteSearchDoc(db: Db, itemId: string): Promise<void> {
  await cq(db).deleteFrom('catalog.searchDoc').where('itemId', '=', itemId).execute();
}

export interface SearchQuery {
  tsquery: string;
  /** The whole core phrase as a lexeme: a keyword or name equal to it ranks first. */
  phrase: string;
  /** Rank later-stage items (变更, 注销…) below first-time ones. */
  preferFirstStage: boolean;
  /** Region codes whose items serve the region (the region and its ancestors) … */
  regionAncestors?: string[];
  /** … and the region prefix for items below it. */
  regionPrefix?: string;
  limit: number;
  offset: number;
}

/**
 * Ranking: ts_rank over weighted lexemes (A 1.0, B 0.4, C 0.1), plus 1 when the whole phrase is a
 * keyword or name of the item, plus 2 when it is exactly the item's name, minus 0.5 for a
 * later-stage item (变更, 注销…) when the query does not ask for one, minus 0.3 for penalties,
 * enforcement and inspections (things done to people, not applied for), which a name match still
 * brings up when they are what is asked for.
 */
export async function searchDocs(db: Db, q: SearchQuery): Promise<{ hits: SearchHit[]; total: number }> {
  const regionFilter =
    q.regionAncestors && q.regionPrefix
      ? sql`AND (region_code = ANY(${q.regionAncestors}::text[]) OR region_code LIKE ${q.regionPrefix + '%'})`
      : sql``;
  // The whole phrase counts only as a name, keyword or result name (weight A).
  const phraseQuery = q.phrase ? `${quoteLexeme(q.phrase)}:A` : null;
  const rows = await sql<{ hit: Omit<SearchHit, 'score'>; score: number; total: number }>`
    SELECT hit,
           ts_rank('{0.05, 0.1, 0.4, 1.0}', tsv, query)
             + CASE WHEN tsv @@ CAST(${phraseQuery} AS tsquery) THEN 1 ELSE 0 END
             + CASE WHEN name = ${q.phrase} THEN 2 ELSE 0 END
             - CASE WHEN ${q.preferFirstStage} AND name ~ ${LATER_STAGE} THEN 0.5 ELSE 0 END
             - CASE WHEN item_type IN ('02', '03', '06') THEN 0.3 ELSE 0 END AS score,
           count(*) OVER () AS total
    FROM catalog.search_doc, CAST(${q.tsquery} AS tsquery) AS query
    WHERE tsv @@ query ${regionFilter}
    ORDER BY score DESC, name, code
    LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db);
  const total = rows.rows[0]?.total ?? 0;
  return { hits: rows.rows.map((r) => ({ ...r.hit, score: Math.round(r.score * 10000) / 10000 })), total: Number(total) };
}

export async function loadSynonyms(db: Db): Promise<Map<string, string[]>> {
  const rows = await cq(db).selectFrom('catalog.synonym').select(['term', 'expansions']).execute();
  return new Map(rows.map((r) => [r.term, r.expansions]));
}

export async function insertSearchLogs(db: Db, entries: { query: string; regionCode: string | null; resultCount: number; topCode: string | null; at: Date }[]): Promise<void> {
  if (entries.length === 0) return;
  await cq(db).insertInto('catalog.searchLog').values(entries).execute();
}

/** The most frequent successful queries of the last 30 days (hot searches, 热门搜索). */
export async function listHotQueries(db: Db, limit: number, since: Date): Promise<string[]> {
  const rows = await cq(db)
    .selectFrom('catalog.searchLog')
    .select(['query', (eb) => eb.fn.countAll<number>().as('n')])
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
    .select(['query', (eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.max('at').as('lastAt')])
    .where('resultCount', '=', 0)
    .where('at', '>=', since)
    .groupBy('query')
    .orderBy('count', 'desc')
    .limit(limit)
    .execute();
}
