/**
 * `bulk-off-hours`: one account deciding `count` or more cases within `minutes` outside working
 * hours (before 08:30 or from 18:00 Beijing time, or on a day off) — decisions made in bulk when
 * nobody is at the window. Checked for the account behind each out-of-hours decision in a case;
 * one finding per account and Beijing day, refreshed as the account goes on deciding: it tells the
 * window before the account's latest decision checked so far (`until`), whatever order the cases'
 * deliveries come in.
 *
 * A case counts once, though its task and then the case itself are approved. The finding states
 * how many cases the window held and names the first of them (five in its words, up to
 * `CASES_LISTED` in its facts): an account deciding in the thousands is read as a count, and its
 * finding does not grow with every decision.
 */
import { beijingDate } from '../../../platform/calendar/beijing.js';
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import type { Db } from '../../../platform/db/index.js';
import { staffDecisionBurst, type CaseSupervisionLog } from '../../cases/index.js';
import type { Finding } from './case-rules.js';

export interface BulkRule {
  count: number;
  minutes: number;
}

/** Office hours in Beijing time, minutes after midnight: 08:30–18:00. */
const OPENS = 8 * 60 + 30;
const CLOSES = 18 * 60;
const CST_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** The tracking codes a finding's facts list; its words name the first five. */
export const CASES_LISTED = 50;

export function outOfHours(calendar: WorkingCalendar, at: Date): boolean {
  if (!calendar.isWorkingDay(beijingDate(at))) return true;
  const local = new Date(at.getTime() + CST_MS);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  return minute < OPENS || minute >= CLOSES;
}

/**
 * The out-of-hours parts of [from, to] as half-open spans, in order: an instant in the window is
 * in one of them exactly when `outOfHours` says so.
 */
export function outOfHoursSpans(calendar: WorkingCalendar, from: Date, to: Date): [Date, Date][] {
  const spans: [Date, Date][] = [];
  const end = to.getTime() + 1;
  const add = (a: number, b: number) => {
    const lo = Math.max(a, from.getTime());
    const hi = Math.min(b, end);
    if (lo >= hi) return;
    const last = spans.at(-1);
    if (last && last[1].getTime() === lo) last[1] = new Date(hi);
    else spans.push([new Date(lo), new Date(hi)]);
  };
  // Beijing midnights from the day `from` falls on to the day `to` does.
  for (let day = Math.floor((from.getTime() + CST_MS) / DAY_MS) * DAY_MS - CST_MS; day < end; day += DAY_MS) {
    if (!calendar.isWorkingDay(beijingDate(new Date(day)))) add(day, day + DAY_MS);
    else {
      add(day, day + OPENS * 60_000);
      add(day + CLOSES * 60_000, day + DAY_MS);
    }
  }
  return spans;
}

const clock = (at: Date) => new Date(at.getTime() + CST_MS).toISOString().slice(11, 16);

export async function bulkOffHours(
  db: Db,
  calendar: WorkingCalendar,
  log: CaseSupervisionLog,
  rule: BulkRule,
): Promise<Finding[]> {
  const found = new Map<string, Finding>();
  for (const d of log.events) {
    if (d.type === 'withdrawn' || d.actorKind !== 'staff' || !d.actorId || !outOfHours(calendar, d.at)) continue;
    const day = beijingDate(d.at);
    const subjectKey = `${d.actorId}:${day}`;
    // The latest window of the account's day in this case is the one its finding tells.
    if ((found.get(subjectKey)?.until ?? '') > d.at.toISOString()) continue;
    const from = new Date(d.at.getTime() - rule.minutes * 60_000);
    const burst = await staffDecisionBurst(db, d.actorId, outOfHoursSpans(calendar, from, d.at), CASES_LISTED);
    if (burst.decisions < rule.count || !burst.first) continue;
    const codes = burst.trackingCodes;
    const more = burst.decisions > 5;
    const shown = codes.slice(0, 5);
    found.set(subjectKey, {
      rule: 'bulk-off-hours',
      subjectKey,
      staffId: d.actorId,
      explanation: {
        zh: `同一账号于 ${day} ${clock(burst.first)}–${clock(d.at)}（非工作时间）在 ${rule.minutes} 分钟内作出 ${burst.decisions} 项审批决定（${shown.join('、')}${more ? ' 等' : ''}），达到批量异常阈值 ${rule.count} 项。`,
        en: `One account made ${burst.decisions} decisions within ${rule.minutes} minutes outside working hours on ${day}, ${clock(burst.first)}–${clock(d.at)} (${shown.join(', ')}${more ? '…' : ''}); the threshold is ${rule.count}.`,
        facts: { decisions: burst.decisions, minutes: rule.minutes, threshold: rule.count, day, cases: codes },
      },
      until: d.at.toISOString(),
    });
  }
  return [...found.values()];
}
