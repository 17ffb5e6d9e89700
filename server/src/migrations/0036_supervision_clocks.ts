import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 电子监察: every legal clock the platform runs (acceptance waiting, tasks, promised limits, 补正
 * waits, 容缺 promises, complaints, 督办 orders…) as one model, the moments at which it turns yellow
 * and red (precomputed from the working-day calendar so that the sweep is plain SQL), the warnings
 * (黄牌/红牌) raised — each once per clock, level and due date — and the thresholds per item type.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE SCHEMA IF NOT EXISTS supervision`,
    `CREATE TABLE supervision.clock (
       id uuid PRIMARY KEY,
       kind text NOT NULL CHECK (kind IN ('acceptance', 'task', 'case_promised', 'case_legal', 'supplement', 'promise',
         'complaint', 'return_visit', 'rectification', 'sharing_request', 'order')),
       subject_id text NOT NULL,
       case_id uuid,
       reference text NOT NULL,
       title text NOT NULL,
       item_type text,
       region_code text NOT NULL,
       department_id uuid,
       owner_staff_id uuid,
       started_on date NOT NULL,
       limit_days integer NOT NULL CHECK (limit_days >= 0),
       due_on date NOT NULL,
       paused_since date,
       yellow_at timestamptz NOT NULL,
       red_at timestamptz NOT NULL,
       state text NOT NULL CHECK (state IN ('running', 'paused', 'yellow', 'red', 'stopped')),
       stopped_at timestamptz,
       updated_at timestamptz NOT NULL,
       UNIQUE (kind, subject_id)
     )`,
    // The sweep finds what crossed a threshold through these, whatever the number of open clocks.
    `CREATE INDEX clock_turns_yellow ON supervision.clock (yellow_at) WHERE state = 'running'`,
    `CREATE INDEX clock_turns_red ON supervision.clock (red_at) WHERE state IN ('running', 'yellow')`,
    `CREATE INDEX clock_case ON supervision.clock (case_id) WHERE case_id IS NOT NULL`,
    `CREATE TABLE supervision.warning (
       id uuid PRIMARY KEY,
       clock_id uuid NOT NULL, -- written by the sweep from its clock only (no foreign key: it costs a third of a sweep)
       level text NOT NULL CHECK (level IN ('yellow', 'red')),
       due_on date NOT NULL,
       region_code text NOT NULL,
       department_id uuid,
       escalated_to_region text,
       raised_at timestamptz NOT NULL,
       seen_by uuid,
       seen_at timestamptz,
       cleared_at timestamptz,
       UNIQUE (clock_id, level, due_on)
     )`,
    `CREATE INDEX warning_clock ON supervision.warning (clock_id) WHERE cleared_at IS NULL`,
    `CREATE INDEX warning_raised ON supervision.warning (raised_at)`,
    `CREATE TABLE supervision.threshold (
       item_type text PRIMARY KEY,
       yellow_days integer NOT NULL CHECK (yellow_days BETWEEN 0 AND 60),
       yellow_share numeric(4, 3) NOT NULL CHECK (yellow_share BETWEEN 0 AND 1),
       updated_by uuid,
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
  ]);
}
