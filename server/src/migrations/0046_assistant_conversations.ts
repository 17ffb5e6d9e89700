import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * The service assistant's conversations (智能客服): short-lived (they expire half an hour after the
 * last question and are deleted), scoped to the person who started them (or to no one), and holding
 * no question text beyond the last one, masked, for a thumbs-down.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE SCHEMA IF NOT EXISTS assistant`,
    `CREATE TABLE assistant.conversation (
       id uuid PRIMARY KEY,
       person_id text,
       item_code text,
       item_name text,
       region_code text,
       region_name text,
       pending jsonb NOT NULL DEFAULT '{}'::jsonb,
       last_answer_id uuid,
       last_question text CHECK (length(last_question) <= 200),
       last_declined boolean NOT NULL DEFAULT false,
       turns integer NOT NULL DEFAULT 0,
       created_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL
     )`,
    `CREATE INDEX conversation_expiry ON assistant.conversation (expires_at)`,
  ]);
}
