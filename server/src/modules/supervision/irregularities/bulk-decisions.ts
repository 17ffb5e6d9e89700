/**
 * `bulk-off-hours`: one account deciding `count` or more cases within `minutes` outside working
 * hours (before 08:30 or from 18:00 Beijing time, or on a day off) — decisions made in bulk when
 * nobody is at the window. Checked for the account behind each out-of-hours decision in a case;
 * one finding per account and Beijing day.
 */
import { beijingDate } from '../../../platform/calendar/beijing.js';
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import type { Db } from '../../../platform/db/index.js';
import { decisionsByStaff, type CaseSupervisionLog } from '../../cases/index.js';
import type { Finding } from './case-rules.js';

export interface BulkRule {
  count: number;
  minutes: number;
}

/** Office hours in Beijing time, minutes after midnight: 08:30–18:00. */
const OPENS = 8 * 60 + 30;
const CLOSES = 18 * 60;

export function outOfHours(calendar: WorkingCalendar, at: Date): boolean {
  if (!calendar.isWorkingDay(beijingDate(at))) return true;
  const local = new Date(at.getTime() + 8 * 3_600_000);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  return minute < OPENS || minute >= CLOSES;
}

const clock = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);

export async function bulkOffHours(
  db: Db,
  calendar: WorkingCalendar,
  log: CaseSupervisionLog,
  rule: BulkRule,
): Promise<Finding[]> {
  const found = new Map<string, Finding>();
  for (const d of log.events) {
    if (d.type === 'withdrawn' || d.actorKind !== 'staff' || !d.actorId || !outOfHours(calendar, d.at)) continue;
    const from = new Date(d.at.getTime() - rule.minutes * 60_000);
    const burst = (await decisionsByStaff(db, d.actorId, from, d.at)).filter((e) => outOfHours(calendar, e.at));
    if (burst.length < rule.count) continue;
    const day = beijingDate(d.at);
    const codes = [...new Set(burst.map((e) => e.trackingCode))];
    const shown = codes.slice(0, 5).join('、') + (codes.length > 5 ? ' 等' : '');
    found.set(`${d.actorId}:${day}`, {
      rule: 'bulk-off-hours',
      subjectKey: `${d.actorId}:${day}`,
      staffId: d.actorId,
      explanation: {
        zh: `同一账号于 ${day} ${clock(burst[0]!.at)}–${clock(d.at)}（非工作时间）在 ${rule.minutes} 分钟内作出 ${burst.length} 项审批决定（${shown}），达到批量异常阈值 ${rule.count} 项。`,
        en: `One account made ${burst.length} decisions within ${rule.minutes} minutes outside working hours on ${day}, ${clock(burst[0]!.at)}–${clock(d.at)} (${codes.slice(0, 5).join(', ')}${codes.length > 5 ? '…' : ''}); the threshold is ${rule.count}.`,
        facts: { decisions: burst.length, minutes: rule.minutes, threshold: rule.count, day, cases: codes },
      },
    });
  }
  return [...found.values()];
}
