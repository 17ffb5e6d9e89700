import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 热门搜索 counts people, not requests: one row per query, day and asker (a keyed hash of the
 * signed-in person or of the client address, never the address itself). Rows older than the hot
 * window are deleted as new ones are written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE TABLE catalog.search_asker (
       query text NOT NULL,
       day date NOT NULL,
       asker text NOT NULL,
       PRIMARY KEY (query, day, asker)
     )`,
    `CREATE INDEX search_asker_day ON catalog.search_asker (day)`,
  ]);
}
