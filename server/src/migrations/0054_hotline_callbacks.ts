import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 请给我回电: callback requests a resident files from any page (长者模式 shows the button), queued
 * for the 12345 hotline and the window staff of the region. The phone number is encrypted at rest,
 * with a keyed blind index so that a second request for the same number while one is open is
 * recognised without decrypting.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE SCHEMA IF NOT EXISTS hotline`,
    `CREATE TABLE hotline.callback (
       id uuid PRIMARY KEY,
       reference text NOT NULL UNIQUE,
       region_code text NOT NULL CHECK (region_code ~ '^[0-9]{2,12}$'),
       person_id uuid,
       phone_enc text NOT NULL,
       phone_index text NOT NULL,
       name text CHECK (length(name) <= 20),
       topic text CHECK (length(topic) <= 200),
       page text CHECK (length(page) <= 200),
       status text NOT NULL CHECK (status IN ('open', 'done')),
       created_at timestamptz NOT NULL,
       done_at timestamptz,
       done_by uuid
     )`,
    `CREATE UNIQUE INDEX callback_open_phone ON hotline.callback (phone_index) WHERE status = 'open'`,
    `CREATE INDEX callback_queue ON hotline.callback (region_code, created_at) WHERE status = 'open'`,
  ]);
}
