/**
 * 政策找人, followed to the application: a case filed for an offered policy's item (its 基本编码) by
 * the offer's beneficiary — the person, or the enterprise through whoever acts for it — after the
 * offer was made is linked to the offer (the latest such offer of each policy), and the case's
 * decision is kept on it once made. Fed by the cases' outbox events; a redelivered event finds the
 * case linked already and links nothing more.
 */
import type { Db } from '../../platform/db/index.js';
import type { CaseDecision } from '../../../../contracts/proactive.js';
import { listCaseSummaries, type CaseSummary } from '../cases/index.js';
import { enterpriseCreditCodesOf, registryPersonsOf } from '../identity/index.js';
import { loadPolicies } from './admin/policy-book.js';
import type { Policy } from './rules/language.js';
import { pq } from './proactive.tables.js';

const DECISIONS: readonly string[] = ['approved', 'refused', 'not_accepted'] satisfies CaseDecision[];

/** Whom a case's offers are for: the enterprise's credit code, or the person's registry record. */
type Beneficiary = { creditCode: string } | { registryPerson: string };

/** The offers of the case's applicant, made before it was filed, of the policies offering its item: the latest per policy. */
async function linkOffers(trx: Db, c: CaseSummary, policies: readonly Policy[], who: Beneficiary): Promise<number> {
  const codes = policies.filter((p) => p.mode === 'offer' && p.itemBasicCode === c.basicCode).map((p) => p.code);
  if (codes.length === 0) return 0;
  const candidates = await pq(trx)
    .selectFrom('proactive.offer')
    .select(['id', 'policyCode'])
    .where('policyCode', 'in', codes)
    .$call((q) =>
      'creditCode' in who
        ? q.where('creditCode', '=', who.creditCode)
        : q.where('beneficiaryPersonId', '=', who.registryPerson),
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

/**
 * Cases filed or decided (the events of a delivery, in order): each linked to the offers it answers
 * (once) and its decision kept. Most applicants were offered nothing: one query first finds the
 * cases already linked and the applicants with an offer not yet applied for, and only those cases
 * go on, with the policies loaded once — what following the cases one by one would do.
 */
export async function followApplications(trx: Db, caseIds: readonly string[]): Promise<void> {
  const cases = await listCaseSummaries(trx, caseIds);
  if (cases.size === 0) return;
  const all = [...cases.values()];
  const registry = await registryPersonsOf(
    trx,
    all.flatMap((c) => (c.applicantEnterpriseId ? [] : [c.applicantPersonId])),
  );
  const credit = await enterpriseCreditCodesOf(
    trx,
    all.flatMap((c) => (c.applicantEnterpriseId ? [c.applicantEnterpriseId] : [])),
  );
  const persons = [...new Set(registry.values())];
  const creditCodes = [...new Set(credit.values())];
  const offers = await pq(trx)
    .selectFrom('proactive.offer')
    .select(['caseId', 'beneficiaryPersonId', 'creditCode'])
    .distinct()
    .where((eb) =>
      eb.or([
        eb('caseId', 'in', [...cases.keys()]),
        ...(persons.length ? [eb.and([eb('caseId', 'is', null), eb('beneficiaryPersonId', 'in', persons)])] : []),
        ...(creditCodes.length ? [eb.and([eb('caseId', 'is', null), eb('creditCode', 'in', creditCodes)])] : []),
      ]),
    )
    .execute();
  const linkedCases = new Set(offers.flatMap((o) => (o.caseId ? [o.caseId] : [])));
  const offeredPersons = new Set(
    offers.flatMap((o) => (!o.caseId && o.beneficiaryPersonId ? [o.beneficiaryPersonId] : [])),
  );
  const offeredFirms = new Set(offers.flatMap((o) => (!o.caseId && o.creditCode ? [o.creditCode] : [])));
  let policies: Policy[] | undefined;
  for (const id of new Set(caseIds)) {
    const c = cases.get(id);
    if (!c) continue;
    const creditCode = c.applicantEnterpriseId ? credit.get(c.applicantEnterpriseId) : undefined;
    const registryPerson = c.applicantEnterpriseId ? undefined : registry.get(c.applicantPersonId);
    const who: Beneficiary | undefined = creditCode ? { creditCode } : registryPerson ? { registryPerson } : undefined;
    const offered =
      who !== undefined &&
      ('creditCode' in who ? offeredFirms.has(who.creditCode) : offeredPersons.has(who.registryPerson));
    if (!linkedCases.has(id) && !offered) continue;
    if (!linkedCases.has(id)) {
      policies ??= await loadPolicies(trx);
      if ((await linkOffers(trx, c, policies, who!)) === 0) continue;
    }
    if (!c.decidedAt || !DECISIONS.includes(c.status)) continue;
    await pq(trx)
      .updateTable('proactive.offer')
      .set({ caseDecision: c.status as CaseDecision })
      .where('caseId', '=', id)
      .execute();
  }
}

/** A case was filed or decided: link it to the offer it answers (once) and keep its decision. */
export async function followApplication(trx: Db, caseId: string): Promise<void> {
  await followApplications(trx, [caseId]);
}
