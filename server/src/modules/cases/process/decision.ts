/**
 * A decision (准予, 不予, 不予受理) gets its document number (文号, per department and year; the
 * prefix follows the item type: 许〔2026〕000123号 for a 行政许可, 办〔2026〕000124号 for a 办结通知书 —
 * see decision-kind.ts) and is announced on the outbox as `cases.case-decided`, which the
 * licence module listens to in order to issue the e-licence of an approved item.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/index.js';
import { appendEventFrom } from '../../../platform/outbox.js';
import { beijingYear } from '../../../platform/calendar/beijing.js';
import { kq } from '../cases.tables.js';

import { decisionKind, type Decision } from './decision-kind.js';

export type { Decision } from './decision-kind.js';

export async function recordDecision(
  db: Db,
  c: {
    id: string;
    departmentId: string;
    itemCode: string;
    applicantPersonId: string;
    applicantEnterpriseId: string | null;
    bundleId?: string | null;
  },
  decision: Decision,
  at: Date,
  actorId: string | null,
): Promise<string> {
  const year = beijingYear(at);
  const { itemType } = await kq(db)
    .selectFrom('cases.case')
    .select('itemType')
    .where('id', '=', c.id)
    .executeTakeFirstOrThrow();
  // The number is gapless per department and year: its row stays locked until the transaction ends,
  // and every round trip after taking it is one that each decision of the department waits through.
  // So it is taken last, in one statement that numbers the case and announces the decision.
  const announce = appendEventFrom(
    {
      topic: 'cases.case-decided',
      aggregateType: 'cases.case',
      aggregateId: c.id,
      payload: {
        caseId: c.id,
        decision,
        decisionNo: '', // filled by the statement
        itemCode: c.itemCode,
        applicantPersonId: c.applicantPersonId,
        applicantEnterpriseId: c.applicantEnterpriseId,
        bundleId: c.bundleId ?? null,
        decidedAt: at.toISOString(),
      },
    },
    actorId,
    'numbered',
    { decisionNo: sql`numbered.decision_no` },
  );
  const { rows } = await sql<{ payload: { decisionNo: string } }>`
    WITH taken AS (
      INSERT INTO cases.decision_seq (department_id, year, last) VALUES (${c.departmentId}, ${year}, 1)
      ON CONFLICT (department_id, year) DO UPDATE SET last = cases.decision_seq.last + 1
      RETURNING last),
    numbered AS (
      UPDATE cases."case" SET decision_no = ${`${decisionKind(decision, itemType).prefix}〔${year}〕`}::text
        || CASE WHEN taken.last > 999999 THEN taken.last::text ELSE lpad(taken.last::text, 6, '0') END || '号'
      FROM taken WHERE id = ${c.id}
      RETURNING decision_no)
    ${announce}`.execute(db);
  const decisionNo = rows[0]!.payload.decisionNo;
  return decisionNo;
}
