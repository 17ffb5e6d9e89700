/**
 * What of the applicant's own cases needs them (我的空间): 补正 asked for, fees due, results decided
 * lately, and how many are still running. Scoped as 我的办件 is (oneself, or the enterprise acted for).
 */
import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { dueFeesOfCases, listApplicantCases } from '../cases.repository.js';

const RUNNING = ['waiting', 'submitted', 'awaiting_supplement', 'in_progress', 'suspended'];
const DECIDED = ['approved', 'refused', 'not_accepted'];
/** A decision stays "ready" on the summary for this long. */
const RESULT_DAYS = 30;

export async function applicantAttention(db: Db, actor: Actor, now: Date) {
  const cases = await listApplicantCases(db, actor);
  const ref = (c: (typeof cases)[number]) => ({
    id: c.id,
    trackingCode: c.trackingCode,
    itemName: c.itemName,
    status: c.status,
  });
  const since = now.getTime() - RESULT_DAYS * 86_400_000;
  const fees = await dueFeesOfCases(
    db,
    cases.map((c) => c.id),
  );
  const byId = new Map(cases.map((c) => [c.id, c]));
  return {
    supplements: cases.filter((c) => c.status === 'awaiting_supplement').map(ref),
    resultsReady: cases
      .filter((c) => DECIDED.includes(c.status) && c.decidedAt && c.decidedAt.getTime() >= since)
      .map((c) => ({ ...ref(c), decidedAt: c.decidedAt! })),
    feesDue: fees.map((f) => ({ ...ref(byId.get(f.caseId)!), dueFen: Number(f.dueFen) })),
    inProgress: cases.filter((c) => RUNNING.includes(c.status)).length,
  };
}
