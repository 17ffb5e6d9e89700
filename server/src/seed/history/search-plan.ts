/**
 * The demo history's portal searches, drawn from one seed before anything is searched: who searched
 * (an applicant of the history, signed in, or an anonymous visitor from the same places), when, for
 * which service (by the services' weights) or for something the province does not offer, whether
 * they mistyped it first and whether they opened what they were looking for. Some applicants search
 * for their service shortly before they apply. Pure: the same seed and plan give the same searches;
 * the words come later, from the catalogue (`searches.ts`).
 */
import { Rng } from '../../platform/random/rng.js';
import type { WorkingCalendar } from '../../platform/calendar/working-calendar.js';
import { beijingAt, daysBetween, type PlannedCase, type Service } from './plan.js';

/**
 * What people look for that the province's catalogue does not offer (or calls otherwise), with how
 * often: 电动车上牌 and 养犬登记 are the city's, utilities are companies', not government services.
 */
export const UNMET_QUERIES: readonly (readonly [string, number])[] = [
  ['电动车上牌', 30],
  ['宠物狗证', 18],
  ['水电费缴纳', 15],
  ['车牌摇号', 12],
  ['考公务员', 10],
  ['宽带报装', 6],
  ['无人机驾照', 4],
];

/** One search session: a query typed (perhaps mistyped first) and perhaps a result opened. */
export interface SearchSessionPlan {
  /** Sequence number: orders the sessions and seeds their own choices. */
  n: number;
  at: Date;
  /** An applicant of the history (index, signed in) or an anonymous visitor (index). */
  who: { applicant: number } | { visitor: number };
  /** What they are after: a service (基本编码) or something not offered. */
  intent: { service: string } | { unmet: string };
  /** Typed with a slip first (a character of the same sound), then again. */
  typo: boolean;
  /** Opens the service's result when the search shows it. */
  open: boolean;
  /** The planned case this search came before (its applicant applies minutes or hours later). */
  before?: number;
}

export interface SearchPlanInput {
  seed: number;
  /** Sessions not tied to a case (the tied ones come from `cases`). */
  sessions: number;
  visitors: number;
  applicants: number;
  from: string;
  to: string;
  until: Date;
  calendar: WorkingCalendar;
  services: readonly Service[];
  cases: readonly PlannedCase[];
}

/**
 * Draws the sessions: about a quarter by signed-in applicants, the rest by visitors; nine in ten for
 * a service by weight, one in ten for something not offered; 6 % mistyped first; 55 % open the
 * service found. Half the online applications and some walk-ins (early the same morning) follow a
 * search for their service, whose result the applicant opens. Sorted by moment.
 */
export function planSearches(input: SearchPlanInput): SearchSessionPlan[] {
  const rng = new Rng((input.seed ^ 0x51ed27) >>> 0);
  if (input.services.length === 0 || (input.visitors === 0 && input.applicants === 0)) return [];
  const days = daysBetween(input.from, input.to);
  // More on working days, and more as the province's take-up grows (as the applications).
  const weightedDays = days.map(
    (d, i) => [d, (0.8 + (0.4 * i) / Math.max(1, days.length)) * (input.calendar.isWorkingDay(d) ? 1 : 0.5)] as const,
  );
  const services = input.services.map((s) => [s.basicCode, s.weight] as const);
  const sessions: SearchSessionPlan[] = [];
  for (let n = 0; n < input.sessions; n++) {
    let at = input.until;
    for (let attempt = 0; attempt < 20 && at >= input.until; attempt++)
      at = beijingAt(rng.weighted(weightedDays), rng.int(7 * 60, 23 * 60 + 30));
    if (at >= input.until) continue;
    const signedIn = input.applicants > 0 && (input.visitors === 0 || rng.chance(0.25));
    const who = signedIn
      ? { applicant: rng.int(0, input.applicants - 1) }
      : { visitor: rng.int(0, input.visitors - 1) };
    const unmet = rng.chance(0.1);
    sessions.push({
      n,
      at,
      who,
      intent: unmet ? { unmet: rng.weighted(UNMET_QUERIES) } : { service: rng.weighted(services) },
      typo: !unmet && rng.chance(0.06),
      open: !unmet && rng.chance(0.55),
    });
  }
  let n = input.sessions;
  for (const c of input.cases) {
    const online = c.channel === 'online';
    if (!rng.chance(online ? 0.5 : 0.15)) continue;
    const day = new Date(c.filedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    // Online: minutes before applying; a walk-in: at home early that morning, before the window opens.
    const at = online
      ? new Date(c.filedAt.getTime() - rng.int(3, 40) * 60_000)
      : beijingAt(day, rng.int(7 * 60, 8 * 60 + 40));
    if (at >= c.filedAt) continue;
    sessions.push({
      n: n++,
      at,
      who: { applicant: c.applicant },
      intent: { service: c.service.basicCode },
      typo: rng.chance(0.06),
      open: true,
      before: c.n,
    });
  }
  return sessions.sort((a, b) => a.at.getTime() - b.at.getTime() || a.n - b.n);
}
