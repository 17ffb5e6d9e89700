import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/** Years whose official holiday arrangement an administrator has entered in full. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE TABLE platform.calendar_year (
       year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
       note text NOT NULL DEFAULT '',
       declared_by text,
       declared_at timestamptz NOT NULL DEFAULT now()
     )`,
  ]);
}
