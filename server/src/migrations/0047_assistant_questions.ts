import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * The catalogue team's list of questions the assistant declined or whose answer a person found
 * unhelpful: one row per question (normalised) and reason, with a count; a catalogue administrator
 * maps one to an item (the assistant then answers it with that item) or to a synonym, or dismisses it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE TABLE assistant.question (
       id uuid PRIMARY KEY,
       question text NOT NULL CHECK (length(question) <= 200),
       normalised text NOT NULL CHECK (length(normalised) <= 200),
       service text NOT NULL DEFAULT '' CHECK (length(service) <= 200),
       reason text NOT NULL CHECK (reason IN ('declined', 'unhelpful')),
       item_code text,
       item_name text,
       count integer NOT NULL DEFAULT 1,
       first_asked_at timestamptz NOT NULL,
       last_asked_at timestamptz NOT NULL,
       status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'mapped', 'dismissed')),
       mapped_basic_code text,
       mapped_item_name text,
       mapped_synonym text,
       mapped_by text,
       mapped_at timestamptz,
       UNIQUE (normalised, reason)
     )`,
    `CREATE INDEX question_by_status ON assistant.question (status, last_asked_at DESC)`,
    `CREATE INDEX question_mapped ON assistant.question (service) WHERE mapped_basic_code IS NOT NULL`,
  ]);
}
