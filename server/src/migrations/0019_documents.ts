import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * Documents the platform issues: the item's 事项类型 is kept on the case, because it decides the
 * kind of the written decision (行政许可 → 准予/不予行政许可决定书, every other type → 办结通知书);
 * and each department's 电子印章 — an RSA key (private half encrypted by the FieldCipher) with
 * the X.509 certificate that signs its PDFs (PAdES).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `ALTER TABLE cases."case" ADD COLUMN item_type text`,
    // Cases filed before: the type of the item as now published.
    `UPDATE cases."case" c SET item_type = s.item_type FROM catalog.search_doc s WHERE s.code = c.item_code AND c.item_type IS NULL`,
    `CREATE TABLE platform.document_seal (
       kid text PRIMARY KEY,
       department_id uuid NOT NULL,
       certificate text NOT NULL,
       private_key_enc text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       retired_at timestamptz
     )`,
    `CREATE UNIQUE INDEX document_seal_active ON platform.document_seal (department_id) WHERE retired_at IS NULL`,
  ]);
}
