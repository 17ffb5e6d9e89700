import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * Search gives one hit per service: the read model names each implementation's basic code. The
 * read model's format is recorded so that a node rebuilds it when the tokens it holds change
 * (English names, pinyin only for words of two characters or more); 0 makes the next start rebuild.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `ALTER TABLE catalog.search_doc ADD COLUMN basic_code text NOT NULL DEFAULT ''`,
    `UPDATE catalog.search_doc d SET basic_code = i.basic_code FROM catalog.item i WHERE i.id = d.item_id`,
    `ALTER TABLE catalog.search_state ADD COLUMN format integer NOT NULL DEFAULT 0`,
  ]);
}
