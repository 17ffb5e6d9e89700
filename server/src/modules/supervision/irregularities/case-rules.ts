/**
 * 异常监察 rules over one case's event log, run whenever the case moves. Each finding explains
 * itself in words a supervisor reads (Chinese and English) with the facts behind it:
 * - `repeated-supplement`: 补正 asked twice or more (一次性告知 means once);
 * - `long-suspension`: a special procedure (特别程序/中止) longer than its basis allows;
 * - `withdrawn-before-deadline`: an accepted case withdrawn at the applicant's "request" with at
 *   most a working day left (a 体外循环 signal: the case is finished off the books).
 * The cross-case rule on bulk out-of-hours decisions is in `bulk-decisions.ts`; 亲属回避 in `relatives.ts`.
 */
import { beijingDate } from '../../../platform/calendar/beijing.js';
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import type { CaseClockFacts, CaseSupervisionLog } from '../../cases/index.js';

/** 补正 asked this many times on one case is flagged (一次性告知 means once). */
export const REPEATED_SUPPLEMENT = 2;

/** Working days a special procedure may last by its basis (听证 20 days: 行政许可法 Art. 47–48; the others by practice). */
export const SUSPENSION_LIMITS: Record<string, { days: number; zh: string; en: string }> = {
  hearing: { days: 20, zh: '听证', en: 'hearing' },
  expert_review: { days: 30, zh: '专家评审', en: 'expert review' },
  inspection: { days: 30, zh: '检验检测', en: 'inspection' },
  public_notice: { days: 20, zh: '公示', en: 'public notice' },
  other: { days: 30, zh: '其他特别程序', en: 'other special procedure' },
};

/** Withdrawn with at most this many working days left before the due date is flagged. */
export const WITHDRAWN_DAYS_LEFT = 1;

export type RuleName =
  | 'repeated-supplement'
  | 'long-suspension'
  | 'withdrawn-before-deadline'
  | 'bulk-off-hours'
  | 'relatives';

export interface Finding {
  rule: RuleName;
  subjectKey: string;
  staffId?: string | null;
  explanation: { zh: string; en: string; facts: Record<string, unknown> };
  /**
   * For a finding that follows events as they come (bulk-off-hours): the instant (ISO) its
   * explanation runs to. A later check of an earlier moment — another case of the same batch, a
   * repeated delivery — does not replace a newer explanation.
   */
  until?: string;
}

function repeatedSupplement(c: CaseClockFacts): Finding[] {
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

function longSuspensions(c: CaseClockFacts, log: CaseSupervisionLog, calendar: WorkingCalendar, today: string) {
  const found: Finding[] = [];
  for (const p of log.pauses) {
    const basis = SUSPENSION_LIMITS[p.kind] ?? SUSPENSION_LIMITS.other!;
    const until = p.endedOn ?? today;
    const days = calendar.workingDaysBetween(p.startedOn, until);
    if (days <= basis.days) continue;
    const ongoing = p.endedOn ? '' : '（仍在进行）';
    found.push({
      rule: 'long-suspension',
      subjectKey: `${c.id}:${p.kind}:${p.startedOn}`,
      explanation: {
        zh: `办件 ${c.trackingCode} 的${basis.zh}自 ${p.startedOn} 至 ${until}${ongoing}历时 ${days} 个工作日，超过依据允许的 ${basis.days} 个工作日。`,
        en: `Case ${c.trackingCode}: its ${basis.en} from ${p.startedOn} to ${until}${p.endedOn ? '' : ' (still running)'} took ${days} working days, more than the ${basis.days} its basis allows.`,
        facts: { kind: p.kind, startedOn: p.startedOn, endedOn: p.endedOn, workingDays: days, allowed: basis.days },
      },
    });
  }
  return found;
}

function withdrawnBeforeDeadline(c: CaseClockFacts, log: CaseSupervisionLog, calendar: WorkingCalendar) {
  const withdrawn = log.events.find((e) => e.type === 'withdrawn');
  if (!withdrawn || !c.acceptedOn || !c.dueOn) return [];
  const on = beijingDate(withdrawn.at);
  const left = calendar.workingDaysBetween(on, c.dueOn);
  if (left > WITHDRAWN_DAYS_LEFT) return [];
  return [
    {
      rule: 'withdrawn-before-deadline' as const,
      subjectKey: c.id,
      explanation: {
        zh: `办件 ${c.trackingCode} 于 ${c.acceptedOn} 受理，在办结期限 ${c.dueOn} 前仅剩 ${Math.max(left, 0)} 个工作日时（${on}）以申请人要求撤回，疑似体外循环。`,
        en: `Case ${c.trackingCode}, accepted on ${c.acceptedOn}, was withdrawn at the applicant's request on ${on} with ${Math.max(left, 0)} working day(s) left before its due date ${c.dueOn}: a sign of handling off the books.`,
        facts: { acceptedOn: c.acceptedOn, dueOn: c.dueOn, withdrawnOn: on, workingDaysLeft: left },
      },
    },
  ];
}

/** What the rules over the case's own log find in it now. */
export function caseFindings(
  c: CaseClockFacts,
  log: CaseSupervisionLog,
  calendar: WorkingCalendar,
  today: string,
): Finding[] {
  return [
    ...repeatedSupplement(c),
    ...longSuspensions(c, log, calendar, today),
    ...withdrawnBeforeDeadline(c, log, calendar),
  ];
}
