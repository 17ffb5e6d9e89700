import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * Results of a case: materials and visits saved by reuse (免提交), delivery of the result
 * (送达: pickup, post with a tracking number, online), fees due and paid, and cases ended without a
 * decision because the applicant died (终止, from the life event).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `ALTER TABLE cases."case"
       ADD COLUMN materials_saved integer NOT NULL DEFAULT 0 CHECK (materials_saved >= 0),
       ADD COLUMN visits_saved integer NOT NULL DEFAULT 0 CHECK (visits_saved >= 0)`,
    `ALTER TABLE cases."case" DROP CONSTRAINT case_status_check`,
    `ALTER TABLE cases."case" ADD CONSTRAINT case_status_check CHECK (status IN ('waiting', 'submitted', 'awaiting_supplement', 'in_progress', 'suspended', 'approved', 'refused', 'not_accepted', 'withdrawn', 'terminated'))`,
    // 送达: how the result reaches the applicant. The address and phone are personal data: encrypted.
    `CREATE TABLE cases.delivery (
       case_id uuid PRIMARY KEY REFERENCES cases."case" (id),
       method text NOT NULL CHECK (method IN ('pickup', 'post', 'online')),
       recipient_enc text,
       phone_enc text,
       address_enc text,
       region_code text,
       status text NOT NULL CHECK (status IN ('pending', 'dispatched', 'delivered', 'collected')),
       carrier text,
       tracking_number text,
       dispatched_at timestamptz,
       completed_at timestamptz,
       updated_at timestamptz NOT NULL,
       CHECK (method <> 'post' OR (recipient_enc IS NOT NULL AND phone_enc IS NOT NULL AND address_enc IS NOT NULL)),
       CHECK (status <> 'dispatched' OR (carrier IS NOT NULL AND tracking_number IS NOT NULL) OR method <> 'post')
     )`,
    // 收费: fees due on a case by the standard of the guide, and their payment (非税收入缴款书 number).
    `CREATE TABLE cases.fee (
       id uuid PRIMARY KEY,
       case_id uuid NOT NULL REFERENCES cases."case" (id),
       name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
       basis text NOT NULL DEFAULT '',
       amount_fen integer NOT NULL CHECK (amount_fen > 0 AND amount_fen <= 100000000),
       status text NOT NULL CHECK (status IN ('due', 'paid', 'waived')),
       payment_ref text,
       set_by uuid NOT NULL,
       set_at timestamptz NOT NULL,
       settled_by uuid,
       settled_at timestamptz,
       CHECK (status <> 'paid' OR payment_ref IS NOT NULL)
     )`,
    `CREATE INDEX fee_case ON cases.fee (case_id)`,
  ]);
}
