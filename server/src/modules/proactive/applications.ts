/**
 * 政策找人, followed to the application: a case filed for an offered policy's item (its 基本编码) by
 * the offer's beneficiary — the person, or the enterprise through whoever acts for it — after the
 * offer was made is linked to the offer (the latest such offer of each policy), and the case's
 * decision is kept on it once made. Fed by the cases' outbox events; a redelivered event finds the
 * case linked already and links nothing more.
 */
import type { Db } from '../../platform/db/index.js';
import type { CaseDecision } from '../../../../contracts/proactive.js';
import { findCaseFacts } from '../cases/index.js';
import { findEnterpriseAccount, registryPersonOf } from '../identity/index.js';
import { loadPolicies } from './admin/policy-book.js';
import { pq } from './proactive.tables.js';

const DECISIONS: readonly string[] = ['approved', 'refused', 'not_accepted'] satisfies CaseDecision[];

type CaseFacts = NonNullable<Awaited<ReturnType<typeof findCaseFacts>>>;

/** The offers of the case's applicant, made before it was filed, of the policies offering its item: the latest per policy. */
async function linkOffers(trx: Db, c: CaseFacts): Promise<number> {
  const codes = (await loadPolicies(trx))
    .filter((p) => p.mode === 'offer' && p.itemBasicCode === c.basicCode)
    .map((p) => p.code);
  if (codes.length === 0) return 0;
  const creditCode = c.applicantEnterpriseId
    ? (await findEnterpriseAccount(trx, { id: c.applicantEnterpriseId }))?.creditCode
    : undefined;
  const registryPerson = c.applicantEnterpriseId ? undefined : await registryPersonOf(trx, c.applicantPersonId);
  if (!creditCode && !registryPerson) return 0;
  const candidates = await pq(trx)
    .selectFrom('proactive.offer')
    .select(['id', 'policyCode'])
    .where('policyCode', 'in', codes)
    .$call((q) =>
      creditCode ? q.where('creditCode', '=', creditCode) : q.where('beneficiaryPersonId', '=', registryPerson!),
    )
    .where('caseId', 'is', null)
    .where('offeredAt', '<=', c.submittedAt)
    .orderBy('offeredAt', 'desc')
    .execute();
  const latest = new Map<string, string>();
  for (const o of candidates) if (!latest.has(o.policyCode)) latest.set(o.policyCode, o.id);
  let linked = 0;
  for (const id of latest.values()) {
    const r = await pq(trx)
      .updateTable('proactive.offer')
      .set({ caseId: c.id, trackingCode: c.trackingCode, appliedAt: c.submittedAt })
      .where('id', '=', id)
      .where('caseId', 'is', null)
      .executeTakeFirst();
    linked += Number(r.numUpdatedRows);
  }
  return linked;
}

/** A case was filed or decided: link it to the offer it answers (once) and keep its decision. */
export async function followApplication(trx: Db, caseId: string): Promise<void> {
  const c = await findCaseFacts(trx, caseId);
  if (!c) return;
  const linked = await pq(trx)
    .selectFrom('proactive.offer')
    .select('id')
    .where('caseId', '=', caseId)
    .executeTakeFirst();
  if (!linked && (await linkOffers(trx, c)) === 0) return;
  if (!c.decidedAt || !DECISIONS.includes(c.status)) return;
  await pq(trx)
    .updateTable('proactive.offer')
    .set({ caseDecision: c.status as CaseDecision })
    .where('caseId', '=', caseId)
    .execute();
}
