/** What 电子监察 (supervision) may know of a bad review's rectification, through `index.ts`: facts, never rows. */
import type { Db } from '../../platform/db/index.js';
import { eq } from './evaluation.tables.js';

/**
 * A rectification's deadlines as supervision watches them: the department that owes the return
 * visit (回访) and the rectification (整改), when the bad review came in, both due dates and the
 * status. Undefined for an unknown one. No personal data (the tracking code and item name only).
 */
export async function rectificationClockFacts(db: Db, rectificationId: string) {
  return eq(db)
    .selectFrom('evaluation.rectification as x')
    .innerJoin('evaluation.rating as r', 'r.id', 'x.ratingId')
    .select([
      'x.id',
      'x.status',
      'x.departmentId',
      'x.regionCode',
      'x.callBackDue',
      'x.rectifyDue',
      'r.ratedAt',
      'r.trackingCode',
      'r.itemName',
    ])
    .where('x.id', '=', rectificationId)
    .executeTakeFirst();
}

export type RectificationClockFacts = NonNullable<Awaited<ReturnType<typeof rectificationClockFacts>>>;
