/**
 * 免申即享: a case opened and decided by the system for a person or an enterprise the registries
 * show to be entitled — no application, no window. It has a tracking code, an event log (submitted, accepted
 * and approved by the system, with the policy named) and a decision with its 文号, so the person
 * follows it, rates it (好差评) and appeals it like any other case.
 */
import type { Db } from '../../../platform/db/index.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import { SYSTEM } from '../../../platform/context.js';
import { getPublishedItem } from '../../catalog/index.js';
import { processOf } from '../process/definitions.store.js';
import { recordDecision } from '../process/decision.js';
import { insertCase } from './submit.service.js';
import { approveAtOnce } from './approve-at-once.js';
import type { Explanation } from '../../../../../contracts/proactive.js';

export interface SystemDecision {
  itemCode: string;
  /**
   * The case's applicant: a person's account and name; for an enterprise (惠企政策), its account
   * (`enterpriseId`), its name, and the account of its legal representative as the person on the case.
   */
  applicant: { personId: string; name: string; enterpriseId?: string };
  /** Why: the policy, its version and the facts that held (kept in the event log). */
  reason: { policyCode: string; policyVersion: number; note: string; explanation?: Explanation };
  at: Date;
}

/** Opens and approves the case inside the caller's transaction; answers its id and tracking code. */
export async function decideBySystem(
  trx: Db,
  deps: { cipher: FieldCipher },
  d: SystemDecision,
): Promise<{ caseId: string; trackingCode: string }> {
  // Read through the transaction (not the cached processes, which use their own session).
  const item = await getPublishedItem(trx, d.itemCode);
  const { definition, version } = await processOf(trx, item);
  const system = SYSTEM as typeof SYSTEM & { id: string };
  const { caseId, trackingCode } = await insertCase(
    trx,
    deps.cipher,
    system,
    d.applicant.name,
    { item, definition, version, form: {}, status: 'submitted', applicant: d.applicant },
    d.at,
  );
  const detail = {
    auto: true,
    proactive: d.reason.policyCode,
    policyVersion: d.reason.policyVersion,
    ...(d.reason.explanation ? { explanation: d.reason.explanation } : {}),
  };
  await approveAtOnce(trx, { caseId, at: d.at, note: d.reason.note, acceptedDetail: detail, approvedDetail: detail });
  await recordDecision(
    trx,
    {
      id: caseId,
      departmentId: item.department.id,
      itemCode: item.code,
      applicantPersonId: d.applicant.personId,
      applicantEnterpriseId: d.applicant.enterpriseId ?? null,
    },
    'approved',
    d.at,
    SYSTEM.id,
  );
  return { caseId, trackingCode };
}
