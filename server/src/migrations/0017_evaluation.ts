import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 好差评 (国办发〔2019〕51号, GB/T 39734/39735): one rating per case by its applicant (一事一评),
 * with what it is about (item, department, region, the staff who handled it); every bad review
 * (差评) opens a rectification (整改) with a return-visit and a rectification deadline; appeals
 * against mistaken or malicious ratings (申诉复核).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE SCHEMA IF NOT EXISTS evaluation`,
    `CREATE TABLE evaluation.rating (
       id uuid PRIMARY KEY,
       case_id uuid NOT NULL UNIQUE,
       tracking_code text NOT NULL,
       rater_person_id uuid NOT NULL,
       rater_enterprise_id uuid,
       item_code text NOT NULL,
       item_name text NOT NULL,
       department_id uuid NOT NULL,
       region_code text NOT NULL,
       handler_ids uuid[] NOT NULL DEFAULT '{}',
       channel text NOT NULL CHECK (channel IN ('pc', 'mobile', 'qr', 'pad', 'terminal', 'phone', 'sms')),
       level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
       comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 500),
       status text NOT NULL CHECK (status IN ('valid', 'under_appeal', 'removed')),
       rated_at timestamptz NOT NULL
     )`,
    `CREATE INDEX rating_item ON evaluation.rating (item_code) WHERE status <> 'removed'`,
    `CREATE INDEX rating_region ON evaluation.rating (region_code, rated_at)`,
    `CREATE TABLE evaluation.rectification (
       id uuid PRIMARY KEY,
       rating_id uuid NOT NULL UNIQUE REFERENCES evaluation.rating (id),
       department_id uuid NOT NULL,
       region_code text NOT NULL,
       status text NOT NULL CHECK (status IN ('open', 'called_back', 'resolved', 'withdrawn')),
       call_back_due date NOT NULL,
       rectify_due date NOT NULL,
       called_back_at timestamptz,
       called_back_by uuid,
       call_note text,
       resolution text CHECK (resolution IN ('immediate', 'deadline', 'explained')),
       resolution_note text,
       resolved_at timestamptz,
       resolved_by uuid,
       follow_up_level smallint CHECK (follow_up_level BETWEEN 1 AND 5),
       follow_up_at timestamptz,
       version integer NOT NULL DEFAULT 1
     )`,
    `CREATE INDEX rectification_queue ON evaluation.rectification (region_code, status, rectify_due)`,
    `CREATE TABLE evaluation.appeal (
       id uuid PRIMARY KEY,
       rating_id uuid NOT NULL REFERENCES evaluation.rating (id),
       filed_by uuid NOT NULL,
       reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
       status text NOT NULL CHECK (status IN ('pending', 'upheld', 'rejected')),
       filed_at timestamptz NOT NULL,
       decided_by uuid,
       decided_at timestamptz,
       decision_note text
     )`,
    `CREATE UNIQUE INDEX appeal_pending ON evaluation.appeal (rating_id) WHERE status = 'pending'`,
  ]);
}
