import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 主动服务: automatic grants (免申即享) and offers (政策找人), each at most once per policy, subject
 * and period (the unique keys make a life event delivered twice grant once), with the explanation
 * of the decision; and whether a resident wants offers at all.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE SCHEMA IF NOT EXISTS proactive`,
    `CREATE TABLE proactive."grant" (
       id uuid PRIMARY KEY,
       policy_code text NOT NULL,
       policy_version int NOT NULL,
       period text NOT NULL,
       subject_kind text NOT NULL CHECK (subject_kind IN ('person', 'enterprise')),
       subject_key text NOT NULL,
       beneficiary_person_id uuid,
       credit_code text,
       region_code text NOT NULL,
       reference_date date NOT NULL,
       amount numeric(12, 2),
       explanation jsonb NOT NULL,
       status text NOT NULL DEFAULT 'granted' CHECK (status IN ('granted', 'declined', 'review')),
       case_id uuid,
       tracking_code text,
       trigger text NOT NULL,
       granted_at timestamptz NOT NULL,
       declined_at timestamptz,
       review_reason jsonb,
       UNIQUE (policy_code, subject_key, period)
     )`,
    `CREATE INDEX grant_of_person ON proactive."grant" (beneficiary_person_id, granted_at DESC)`,
    `CREATE INDEX grant_of_enterprise ON proactive."grant" (credit_code, granted_at DESC)`,
    `CREATE TABLE proactive.offer (
       id uuid PRIMARY KEY,
       policy_code text NOT NULL,
       policy_version int NOT NULL,
       period text NOT NULL,
       subject_kind text NOT NULL CHECK (subject_kind IN ('person', 'enterprise')),
       subject_key text NOT NULL,
       beneficiary_person_id uuid,
       credit_code text,
       region_code text NOT NULL,
       reference_date date NOT NULL,
       explanation jsonb NOT NULL,
       status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'declined')),
       trigger text NOT NULL,
       offered_at timestamptz NOT NULL,
       answered_at timestamptz,
       UNIQUE (policy_code, subject_key, period)
     )`,
    `CREATE INDEX offer_of_person ON proactive.offer (beneficiary_person_id, offered_at DESC)`,
    `CREATE INDEX offer_of_enterprise ON proactive.offer (credit_code, offered_at DESC)`,
    `CREATE TABLE proactive.preference (
       registry_person_id uuid PRIMARY KEY,
       offers_wanted boolean NOT NULL,
       updated_at timestamptz NOT NULL
     )`,
  ]);
}
