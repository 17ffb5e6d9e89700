import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 预填授权: each time a person lets the platform fill an application form from the registries
 * (name, 公民身份号码, 户籍地址; their enterprise's registered facts), the consent is kept — who,
 * for which item and department, which form keys, when — before anything is read. The reads
 * themselves go to the access log (谁用了我的数据).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE TABLE exchange.prefill_consent (
       id uuid PRIMARY KEY,
       account_id uuid NOT NULL,
       registry_person_id uuid,
       credit_code text,
       item_code text NOT NULL,
       department_id uuid NOT NULL,
       purpose text NOT NULL,
       keys text[] NOT NULL,
       consented_at timestamptz NOT NULL
     )`,
    `CREATE INDEX prefill_consent_account ON exchange.prefill_consent (account_id, consented_at)`,
  ]);
}
