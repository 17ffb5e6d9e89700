import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 新政策: policies made in the policy console rather than in code — name, summary, subject, mode
 * (免申即享 or 政策找人), the catalogue item, the period, the life events that trigger them and the
 * beneficiary. Their versions (conditions, parameters, amounts, examples) are rows of
 * `proactive.policy_version` like any console version; a policy is judged from its first
 * published version's effective date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE TABLE proactive.policy (
       code text PRIMARY KEY,
       name jsonb NOT NULL,
       summary jsonb NOT NULL,
       subject text NOT NULL CHECK (subject IN ('person', 'enterprise')),
       mode text NOT NULL CHECK (mode IN ('automatic', 'offer')),
       item_basic_code text,
       period text NOT NULL CHECK (period IN ('once', 'year', 'month')),
       triggers jsonb NOT NULL,
       beneficiary text NOT NULL CHECK (beneficiary IN ('self', 'survivor')),
       created_by uuid NOT NULL,
       created_at timestamptz NOT NULL
     )`,
  ]);
}
