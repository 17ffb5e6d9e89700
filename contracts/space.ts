/**
 * 我的空间: what needs a signed-in resident, in one answer — cases asking for 补正, fees due,
 * results decided in the last 30 days, how many cases are running, and the unread messages.
 */
import { z } from 'zod';
import { CaseStatus } from './case-views.js';
import { contract } from './http.js';

const CaseRef = z.object({ id: z.uuid(), trackingCode: z.string(), itemName: z.string(), status: CaseStatus });

export const MySummary = contract(
  z.object({
    supplements: z.array(CaseRef),
    feesDue: z.array(CaseRef.extend({ dueFen: z.number().int() })),
    resultsReady: z.array(CaseRef.extend({ decidedAt: z.date() })),
    inProgress: z.number().int(),
    messages: z.object({
      unread: z.number().int(),
      /** The newest unread ones (at most three). */
      latest: z.array(
        z.object({ id: z.uuid(), title: z.string(), link: z.string().nullable(), createdAt: z.iso.datetime() }),
      ),
    }),
  }),
);
export type MySummary = z.infer<typeof MySummary>;
