import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 督办 orders (a supervisor's order on a case, task, department or complaint, answered by the
 * receiving department's head by a deadline) and 异常监察 flags (a rule over the case event log
 * found a pattern; each flag explains itself and is dismissed only with a reason).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE TABLE supervision."order" (
       id uuid PRIMARY KEY,
       reference text NOT NULL UNIQUE,
       subject_type text NOT NULL CHECK (subject_type IN ('case', 'task', 'department', 'complaint')),
       subject_id uuid NOT NULL,
       subject_label text NOT NULL,
       region_code text NOT NULL,
       department_id uuid NOT NULL,
       instruction text NOT NULL CHECK (length(instruction) BETWEEN 1 AND 2000),
       respond_days integer NOT NULL CHECK (respond_days BETWEEN 1 AND 30),
       due_on date NOT NULL,
       status text NOT NULL CHECK (status IN ('open', 'answered')),
       issued_by uuid NOT NULL,
       issued_at timestamptz NOT NULL,
       answer text,
       answered_by uuid,
       answered_at timestamptz,
       escalated_at timestamptz,
       idempotency_key text,
       UNIQUE (issued_by, idempotency_key)
     )`,
    `CREATE INDEX order_scope ON supervision."order" (region_code, status, due_on)`,
    `CREATE TABLE supervision.irregularity (
       id uuid PRIMARY KEY,
       rule text NOT NULL,
       subject_key text NOT NULL,
       case_id uuid,
       reference text NOT NULL,
       region_code text NOT NULL,
       department_id uuid,
       staff_id uuid,
       explanation jsonb NOT NULL,
       detected_at timestamptz NOT NULL,
       status text NOT NULL CHECK (status IN ('open', 'dismissed')),
       dismissed_by uuid,
       dismissed_at timestamptz,
       dismiss_reason text,
       UNIQUE (rule, subject_key)
     )`,
    `CREATE INDEX irregularity_scope ON supervision.irregularity (region_code, status, detected_at DESC)`,
  ]);
}
