/** The market-access negative list (市场准入负面清单) and the search synonyms: their own small tables. */
import type { Db } from '../../platform/db/index.js';
import { cq } from './catalog.tables.js';
import { markSearchChanged } from './search/search.repository.js';

export async function listNegativeEntries(db: Db) {
  return cq(db).selectFrom('catalog.negativeListEntry').selectAll().orderBy('sortOrder').execute();
}

/** Maps a colloquial term to standard terms (the search expands the term into them); every node's next search uses it. */
export async function upsertSynonym(db: Db, term: string, expansions: string[]): Promise<void> {
  await cq(db)
    .insertInto('catalog.synonym')
    .values({ term, expansions })
    .onConflict((oc) => oc.column('term').doUpdateSet({ expansions }))
    .execute();
  await markSearchChanged(db);
}
