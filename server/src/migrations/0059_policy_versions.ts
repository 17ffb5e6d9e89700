import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 政策管理: versions of a policy written by a policy officer — 草稿 draft → 审核中 in review → 已发布
 * published (or 已退回 rejected), approved by someone else — judged on top of the versions in code
 * from their effective date; and the eligible counts per county of a policy's last full run (触达统计).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE TABLE proactive.policy_version (
       policy_code text NOT NULL,
       version int NOT NULL,
       status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'published', 'rejected')),
       effective_from date NOT NULL,
       effective_to date,
       legal_basis text NOT NULL,
       rule jsonb NOT NULL,
       examples jsonb NOT NULL,
       created_by uuid NOT NULL,
       created_at timestamptz NOT NULL,
       submitted_at timestamptz,
       reviewed_by uuid,
       reviewed_at timestamptz,
       review_comment text NOT NULL DEFAULT '',
       PRIMARY KEY (policy_code, version)
     )`,
    `CREATE UNIQUE INDEX policy_version_one_open ON proactive.policy_version (policy_code)
       WHERE status IN ('draft', 'in_review')`,
    `CREATE TABLE proactive.reach_eligible (
       policy_code text NOT NULL,
       county_code text NOT NULL,
       eligible int NOT NULL,
       judged_on date NOT NULL,
       run_at timestamptz NOT NULL,
       PRIMARY KEY (policy_code, county_code)
     )`,
  ]);
}
