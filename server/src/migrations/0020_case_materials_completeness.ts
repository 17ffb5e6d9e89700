import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * Completeness of a case's materials: a replaced file or a fulfilled 容缺 promise stays in the bag's
 * history (superseded, never deleted); a promise gets its due date when the case is accepted; a
 * window may record a paper original it received at the counter (窗口收取纸质材料).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `ALTER TABLE cases.material
       ADD COLUMN superseded_at timestamptz,
       ADD COLUMN due_on date`,
    `ALTER TABLE cases.material DROP CONSTRAINT material_kind_check`,
    `ALTER TABLE cases.material ADD CONSTRAINT material_kind_check CHECK (kind IN ('upload', 'license', 'shared_data', 'promise', 'paper'))`,
    // One current entry per material of a case; the superseded ones are its history.
    `CREATE UNIQUE INDEX material_current ON cases.material (case_id, material_index) WHERE superseded_at IS NULL`,
    // 容缺 promises past their due date, for the department head's list.
    `CREATE INDEX material_open_promise ON cases.material (due_on) WHERE kind = 'promise' AND superseded_at IS NULL`,
  ]);
}
