import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 审批服务系统: process definitions per service item, cases (办件) with their tracking code
 * (全程一码), bundles of cases from one theme application (一件事), department tasks (并联审批), pauses of the clock (补正, 特别程序), idempotent
 * submission, and the immutable case event log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE SCHEMA IF NOT EXISTS cases`,
    `CREATE TABLE cases.process_definition (
       id uuid PRIMARY KEY,
       item_code text NOT NULL,
       version integer NOT NULL CHECK (version > 0),
       definition jsonb NOT NULL,
       active boolean NOT NULL DEFAULT false,
       created_by text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       UNIQUE (item_code, version)
     )`,
    `CREATE UNIQUE INDEX process_definition_active ON cases.process_definition (item_code) WHERE active`,
    // 一件事: one application on a theme, fanned out into the cases of its items.
    `CREATE TABLE cases.bundle (
       id uuid PRIMARY KEY,
       tracking_code text NOT NULL UNIQUE,
       theme_slug text NOT NULL,
       theme_name text NOT NULL,
       applicant_person_id uuid NOT NULL,
       applicant_enterprise_id uuid,
       form jsonb NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE cases."case" (
       id uuid PRIMARY KEY,
       bundle_id uuid REFERENCES cases.bundle (id),
       basic_code text NOT NULL,
       waits_for text[] NOT NULL DEFAULT '{}',
       tracking_code text NOT NULL UNIQUE,
       item_code text NOT NULL,
       item_name text NOT NULL,
       region_code text NOT NULL,
       department_id uuid NOT NULL,
       definition jsonb NOT NULL,
       definition_version integer NOT NULL,
       applicant_person_id uuid NOT NULL,
       applicant_enterprise_id uuid,
       applicant_name text NOT NULL,
       channel text NOT NULL CHECK (channel IN ('online', 'window')),
       -- The window clerk who filed it for a walk-in resident (窗口代录).
       filed_by uuid,
       form jsonb NOT NULL,
       status text NOT NULL CHECK (status IN ('waiting', 'submitted', 'awaiting_supplement', 'in_progress', 'suspended', 'approved', 'refused', 'not_accepted', 'withdrawn')),
       stage_index integer,
       promised_days integer NOT NULL,
       submitted_at timestamptz NOT NULL,
       accepted_on date,
       due_on date,
       decided_at timestamptz,
       decision_note text,
       -- 决定书文号, numbered per department and year (unique within the department).
       decision_no text,
       version integer NOT NULL DEFAULT 1,
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX case_applicant ON cases."case" (applicant_person_id, submitted_at DESC)`,
    `CREATE INDEX case_enterprise ON cases."case" (applicant_enterprise_id, submitted_at DESC) WHERE applicant_enterprise_id IS NOT NULL`,
    `CREATE UNIQUE INDEX case_decision_no ON cases."case" (department_id, decision_no) WHERE decision_no IS NOT NULL`,
    `CREATE INDEX case_bundle ON cases."case" (bundle_id) WHERE bundle_id IS NOT NULL`,
    `CREATE INDEX case_window ON cases."case" (region_code, status) WHERE status IN ('submitted', 'awaiting_supplement')`,
    `CREATE TABLE cases.task (
       id uuid PRIMARY KEY,
       case_id uuid NOT NULL REFERENCES cases."case" (id),
       stage_index integer NOT NULL,
       stage_key text NOT NULL,
       task_key text NOT NULL,
       name text NOT NULL,
       department_id uuid NOT NULL,
       region_code text NOT NULL,
       role text NOT NULL,
       status text NOT NULL CHECK (status IN ('open', 'approved', 'returned', 'refused', 'cancelled')),
       assignee_id uuid,
       limit_days integer NOT NULL,
       opened_on date NOT NULL,
       due_on date NOT NULL,
       completed_at timestamptz,
       opinion text,
       version integer NOT NULL DEFAULT 1
     )`,
    `CREATE INDEX task_queue ON cases.task (department_id, due_on) WHERE status = 'open'`,
    `CREATE INDEX task_case ON cases.task (case_id, stage_index)`,
    // Periods the clock stood still (补正 after acceptance, 特别程序); ended_on NULL while running.
    `CREATE TABLE cases.pause (
       id uuid PRIMARY KEY,
       case_id uuid NOT NULL REFERENCES cases."case" (id),
       kind text NOT NULL CHECK (kind IN ('supplement', 'hearing', 'expert_review', 'inspection', 'public_notice', 'other')),
       reason text NOT NULL,
       started_on date NOT NULL,
       ended_on date
     )`,
    `CREATE UNIQUE INDEX pause_open ON cases.pause (case_id) WHERE ended_on IS NULL`,
    // 申办一袋: what stands in for each material of the guide — an uploaded file, a licence or shared
    // data the platform holds, or a written promise to bring it later (容缺).
    `CREATE TABLE cases.material (
       id uuid PRIMARY KEY,
       case_id uuid NOT NULL REFERENCES cases."case" (id),
       material_index integer NOT NULL CHECK (material_index >= 0),
       name text NOT NULL,
       kind text NOT NULL CHECK (kind IN ('upload', 'license', 'shared_data', 'promise')),
       file_key text,
       content_type text,
       size integer,
       reference text,
       added_by uuid NOT NULL,
       added_at timestamptz NOT NULL,
       CHECK (kind <> 'upload' OR (file_key IS NOT NULL AND content_type IS NOT NULL AND size IS NOT NULL))
     )`,
    `CREATE INDEX material_case ON cases.material (case_id, material_index)`,
    `CREATE TABLE cases.decision_seq (
       department_id uuid NOT NULL,
       year integer NOT NULL,
       last integer NOT NULL,
       PRIMARY KEY (department_id, year)
     )`,
    // Drafts of applications (草稿): one per applicant (and enterprise acted for) and item.
    `CREATE TABLE cases.draft (
       id uuid PRIMARY KEY,
       applicant_person_id uuid NOT NULL,
       applicant_enterprise_id uuid,
       item_code text NOT NULL,
       form jsonb NOT NULL,
       updated_at timestamptz NOT NULL
     )`,
    `CREATE UNIQUE INDEX draft_owner_item ON cases.draft (applicant_person_id, COALESCE(applicant_enterprise_id, '00000000-0000-0000-0000-000000000000'::uuid), item_code)`,
    // 延期: an approver asks, a department head decides (行政许可法 第四十二条: at most ten more working days).
    `CREATE TABLE cases.extension (
       id uuid PRIMARY KEY,
       case_id uuid NOT NULL REFERENCES cases."case" (id),
       task_id uuid NOT NULL REFERENCES cases.task (id),
       days integer NOT NULL CHECK (days BETWEEN 1 AND 30),
       reason text NOT NULL,
       status text NOT NULL CHECK (status IN ('pending', 'approved', 'refused')),
       requested_by uuid NOT NULL,
       requested_at timestamptz NOT NULL,
       decided_by uuid,
       decided_at timestamptz
     )`,
    `CREATE UNIQUE INDEX extension_pending ON cases.extension (case_id) WHERE status = 'pending'`,
    // One case per (applicant, Idempotency-Key); the request's hash tells a retry from a reuse.
    `CREATE TABLE cases.idempotency (
       actor_id uuid NOT NULL,
       key text NOT NULL,
       request_hash text NOT NULL,
       -- Deferred: the key is claimed first in the submitting transaction, before the case exists.
       case_id uuid NOT NULL REFERENCES cases."case" (id) DEFERRABLE INITIALLY DEFERRED,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (actor_id, key)
     )`,
    `CREATE TABLE cases.event (
       id bigserial PRIMARY KEY,
       case_id uuid NOT NULL REFERENCES cases."case" (id),
       at timestamptz NOT NULL DEFAULT now(),
       actor_id text,
       actor_kind text NOT NULL,
       type text NOT NULL,
       from_status text,
       to_status text,
       task_id uuid,
       detail jsonb NOT NULL DEFAULT '{}'
     )`,
    `CREATE INDEX event_case ON cases.event (case_id, id)`,
    `CREATE FUNCTION cases.event_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'cases.event is append-only'; END $$`,
    `CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON cases.event FOR EACH ROW EXECUTE FUNCTION cases.event_is_immutable()`,
  ]);
}
