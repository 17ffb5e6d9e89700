/**
 * 异常监察 rules over one case's event log, run whenever the case moves. A finding is recorded once
 * per rule and case (a later delivery refreshes its explanation, never reopens a dismissed one)
 * and explains itself in words a supervisor reads.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import { beijingDate } from '../../../platform/calendar/beijing.js';
import type { CaseClockFacts } from '../../cases/index.js';
import { svq } from '../supervision.tables.js';

/** 补正 asked this many times on one case is flagged (一次性告知 means once). */
export const REPEATED_SUPPLEMENT = 2;

export interface Finding {
  rule: 'repeated-supplement';
  subjectKey: string;
  explanation: { zh: string; en: string; facts: Record<string, unknown> };
}

/** What the rules find in a case now. */
export function caseFindings(c: CaseClockFacts): Finding[] {
  const asked = c.supplementRequests;
  if (asked.length < REPEATED_SUPPLEMENT) return [];
  const days = asked.map((d) => beijingDate(d));
  return [
    {
      rule: 'repeated-supplement',
      subjectKey: c.id,
      explanation: {
        zh: `办件 ${c.trackingCode} 已${asked.length}次要求补正（${days.join('、')}），一次性告知原则要求一次告知全部补正内容。`,
        en: `Case ${c.trackingCode} was asked to supplement its materials ${asked.length} times (${days.join(', ')}); all missing items must be named at once.`,
        facts: { supplementRequests: asked.length, on: days },
      },
    },
  ];
}

export async function checkCaseRules(db: Db, at: Date, c: CaseClockFacts): Promise<void> {
  for (const f of caseFindings(c)) {
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
        staffId: null,
        explanation: JSON.stringify(f.explanation),
        detectedAt: at,
        status: 'open',
        dismissedBy: null,
        dismissedAt: null,
        dismissReason: null,
      })
      .onConflict((oc) =>
        oc.columns(['rule', 'subjectKey']).doUpdateSet({ explanation: (eb) => eb.ref('excluded.explanation') }),
      )
      .execute();
  }
}
