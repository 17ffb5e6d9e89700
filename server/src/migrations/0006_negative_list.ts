import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/** 市场准入负面清单: activities prohibited outright (禁止准入类) or allowed only with a licence (许可准入类). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE TABLE catalog.negative_list_entry (
       id text PRIMARY KEY,
       kind text NOT NULL CHECK (kind IN ('prohibited', 'licensed')),
       sector text NOT NULL,
       title text NOT NULL,
       measures text NOT NULL,
       basis text NOT NULL,
       basic_codes text[] NOT NULL DEFAULT '{}',
       sort_order integer NOT NULL
     )`,
  ]);
}
