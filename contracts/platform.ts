/**
 * The platform's own answers: the health probes and the working-day calendar (工作日). Shared by
 * the server's route schemas and the console's calendar page.
 */
import { z } from 'zod';
import { contract } from './http.js';

export const DatabaseDialect = z.enum(['pglite', 'postgres']);
/** `/healthz`: the process answers. */
export const Health = contract(z.object({ status: z.literal('ok'), database: DatabaseDialect }));
/** `/readyz`: the database answers too. */
export const Ready = contract(z.object({ status: z.literal('ready'), database: DatabaseDialect }));

/** A due date N working days after a date; `beyondKnownCalendar` when the count runs past the known years. */
export const DeadlineAnswer = contract(
  z.object({ from: z.string(), workingDays: z.number(), due: z.string(), beyondKnownCalendar: z.boolean() }),
);
export const WorkingDaysBetween = contract(z.object({ from: z.string(), to: z.string(), workingDays: z.number() }));
export const CalendarDay = contract(
  z.object({ date: z.string(), working: z.boolean(), name: z.string().optional(), source: z.string() }),
);
/** An administrator's entry in the calendar: a 调休 working day or an extra day off. */
export const CalendarOverride = contract(
  z.object({ date: z.string(), kind: z.enum(['workday', 'holiday']), name: z.string() }),
);
export const CalendarOverrides = contract(z.object({ overrides: z.array(CalendarOverride) }));
export const CalendarYears = contract(
  z.object({
    statutory: z.object({ first: z.number(), last: z.number() }),
    declared: z.array(z.object({ year: z.number(), note: z.string(), declaredAt: z.date() })),
  }),
);
export const DeclaredYear = contract(z.object({ year: z.number(), note: z.string() }));
export const ArrangementLoaded = contract(z.object({ year: z.number(), holidays: z.number(), workdays: z.number() }));
