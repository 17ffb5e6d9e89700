import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * Which services each generation of the search read model changed, so that an API node brings its
 * index up to date by reading those services' documents instead of all of them (300,000
 * implementations: seconds of a node's CPU on every publication). `changes_from` is the first
 * generation whose changes are all in the log: a node behind it (or a whole rewrite) reads
 * everything again. The log keeps the last thousand generations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE TABLE catalog.search_change (
       generation bigint NOT NULL,
       basic_code text NOT NULL,
       PRIMARY KEY (generation, basic_code)
     )`,
    `ALTER TABLE catalog.search_state ADD COLUMN changes_from bigint`,
    `UPDATE catalog.search_state SET changes_from = generation + 1`,
    `ALTER TABLE catalog.search_state ALTER COLUMN changes_from SET NOT NULL`,
    `CREATE INDEX search_doc_basic_code ON catalog.search_doc (basic_code)`,
  ]);
}
