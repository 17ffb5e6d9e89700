/**
 * Runs the 异常监察 rules on a case's delivery and records what they find: once per rule and
 * subject (a later delivery refreshes the explanation, never reopens a dismissed finding).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/index.js';
import { beijingDate } from '../../../platform/calendar/beijing.js';
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import { caseSupervisionLog, type CaseClockFacts, type CaseSupervisionLog } from '../../cases/index.js';
import { svq } from '../supervision.tables.js';
import { caseFindings } from './case-rules.js';
import { bulkOffHours, type BulkRule } from './bulk-decisions.js';
import { relativesDecided } from './relatives.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';

export async function checkCaseRules(
  db: Db,
  calendar: WorkingCalendar,
  at: Date,
  c: CaseClockFacts,
  bulk: BulkRule,
  cipher: FieldCipher,
  /** The case's log when the caller read it already (a batch reads its cases' logs at once). */
  known?: CaseSupervisionLog,
): Promise<void> {
  const log = known ?? (await caseSupervisionLog(db, c.id));
  const findings = [
    ...caseFindings(c, log, calendar, beijingDate(at)),
    ...(await bulkOffHours(db, calendar, log, bulk)),
    ...(await relativesDecided(db, cipher, c, log)),
  ];
  for (const f of findings) {
    await svq(db)
      .insertInto('supervision.irregularity')
      .values({
        id: randomUUID(),
        rule: f.rule,
        subjectKey: f.subjectKey,
        caseId: c.id,
        reference: c.trackingCode,
        regionCode: c.regionCode,
        departmentId: c.departmentId,
        staffId: f.staffId ?? null,
        explanation: JSON.stringify(f.until ? { ...f.explanation, until: f.until } : f.explanation),
        detectedAt: at,
        status: 'open',
        dismissedBy: null,
        dismissedAt: null,
        dismissReason: null,
      })
      .onConflict((oc) =>
        oc
          .columns(['rule', 'subjectKey'])
          .doUpdateSet({ explanation: (eb) => eb.ref('excluded.explanation') })
          // ISO instants in UTC order as text.
          .where(
            sql<boolean>`coalesce(excluded.explanation->>'until', '') >= coalesce(supervision.irregularity.explanation->>'until', '')`,
          ),
      )
      .execute();
  }
}
