import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 投诉举报: complaints, reports and suggestions from residents about a case or a department,
 * answered by the department's head or a supervisor within a working-day deadline; what was
 * written is personal data (encrypted); a report can hide the complainant from the department.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE SCHEMA IF NOT EXISTS supervision`,
    `CREATE TABLE supervision.complaint (
       id uuid PRIMARY KEY,
       reference text NOT NULL UNIQUE,
       kind text NOT NULL CHECK (kind IN ('complaint', 'report', 'suggestion')),
       complainant_person_id uuid NOT NULL,
       hide_identity boolean NOT NULL DEFAULT false,
       case_id uuid,
       department_id uuid NOT NULL,
       region_code text NOT NULL,
       subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 100),
       content_enc text NOT NULL,
       status text NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
       due_on date NOT NULL,
       reply text,
       replied_by uuid,
       replied_at timestamptz,
       satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),
       closed_at timestamptz,
       created_at timestamptz NOT NULL,
       version integer NOT NULL DEFAULT 1
     )`,
    `CREATE INDEX complaint_queue ON supervision.complaint (region_code, status, due_on)`,
    `CREATE INDEX complaint_mine ON supervision.complaint (complainant_person_id, created_at DESC)`,
  ]);
}
