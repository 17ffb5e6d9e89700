/**
 * 全程一码 for a theme application (一件事): the bundle's one tracking code answers the progress of
 * every case inside it — item names, states and dates, never who applied or what they filed —
 * and the bundle's id to its signed-in applicant.
 */
import type { TrackedBundle } from '../../../../../contracts/bundles.js';
import type { Actor } from '../../../platform/context.js';
import type { CasesDeps } from '../cases.deps.js';
import { kq } from '../cases.tables.js';
import { beijingDate } from '../process/clock.js';
import { canSee } from './access.js';
import { STATUS_ZH } from './load.js';

const FINISHED = new Set(['approved', 'refused', 'not_accepted', 'withdrawn', 'terminated']);

/** The bundle behind a (normalised) tracking code, or undefined when no bundle has it. */
export async function trackBundle(deps: CasesDeps, actor: Actor, code: string): Promise<TrackedBundle | undefined> {
  const b = await kq(deps.db)
    .selectFrom('cases.bundle')
    .select(['id', 'trackingCode', 'themeName', 'createdAt', 'applicantPersonId', 'applicantEnterpriseId'])
    .where('trackingCode', '=', code)
    .executeTakeFirst();
  if (!b) return undefined;
  const cases = await kq(deps.db)
    .selectFrom('cases.case')
    .select(['trackingCode', 'itemName', 'status', 'dueOn', 'decidedAt'])
    .where('bundleId', '=', b.id)
    .orderBy('submittedAt')
    .orderBy('itemCode')
    .execute();
  const mine =
    actor.kind === 'person' &&
    canSee(actor, {
      id: b.id,
      regionCode: '',
      departmentId: '',
      applicantPersonId: b.applicantPersonId,
      applicantEnterpriseId: b.applicantEnterpriseId,
    });
  return {
    kind: 'bundle',
    trackingCode: b.trackingCode,
    theme: b.themeName,
    submittedOn: beijingDate(b.createdAt),
    progress: { done: cases.filter((c) => FINISHED.has(c.status)).length, total: cases.length },
    cases: cases.map((c) => ({
      trackingCode: c.trackingCode,
      itemName: c.itemName,
      status: c.status,
      statusName: STATUS_ZH[c.status],
      waiting: c.status === 'waiting',
      dueOn: c.dueOn,
      decidedOn: c.decidedAt ? beijingDate(c.decidedAt) : null,
    })),
    bundleId: mine ? b.id : null,
  };
}
