/** All SQL on grants and offers. */
import type { Db } from '../../platform/db/index.js';
import type { Explanation } from '../../../../contracts/proactive.js';
import { pq } from './proactive.tables.js';

export interface Decision {
  id: string;
  policyCode: string;
  policyVersion: number;
  period: string;
  subjectKind: 'person' | 'enterprise';
  subjectKey: string;
  beneficiaryPersonId: string | null;
  creditCode: string | null;
  regionCode: string;
  referenceDate: string;
  explanation: Explanation;
  trigger: string;
}

const row = (d: Decision) => ({ ...d, explanation: JSON.stringify(d.explanation) });

/** Inserts the grants not yet made for their period; answers those inserted (a second run inserts none). */
export async function insertGrants(db: Db, grants: (Decision & { amount: number | null })[], at: Date) {
  if (grants.length === 0) return [];
  const inserted: { id: string }[] = [];
  for (let i = 0; i < grants.length; i += 500) {
    inserted.push(
      ...(await pq(db)
        .insertInto('proactive.grant')
        .values(grants.slice(i, i + 500).map((g) => ({ ...row(g), grantedAt: at })))
        .onConflict((oc) => oc.columns(['policyCode', 'subjectKey', 'period']).doNothing())
        .returning('id')
        .execute()),
    );
  }
  const ids = new Set(inserted.map((r) => r.id));
  return grants.filter((g) => ids.has(g.id));
}

export async function insertOffers(db: Db, offers: Decision[], at: Date) {
  if (offers.length === 0) return [];
  const inserted: { id: string }[] = [];
  for (let i = 0; i < offers.length; i += 500) {
    inserted.push(
      ...(await pq(db)
        .insertInto('proactive.offer')
        .values(offers.slice(i, i + 500).map((o) => ({ ...row(o), offeredAt: at })))
        .onConflict((oc) => oc.columns(['policyCode', 'subjectKey', 'period']).doNothing())
        .returning('id')
        .execute()),
    );
  }
  const ids = new Set(inserted.map((r) => r.id));
  return offers.filter((o) => ids.has(o.id));
}

export async function setGrantCase(db: Db, grantId: string, caseId: string, trackingCode: string): Promise<void> {
  await pq(db).updateTable('proactive.grant').set({ caseId, trackingCode }).where('id', '=', grantId).execute();
}

/** Standing grants of a policy and period for these subjects that have no case yet (nobody held an account when they were made). */
export async function grantsWithoutCase(
  db: Db,
  policyCode: string,
  period: string,
  subjectKeys: readonly string[],
): Promise<Decision[]> {
  if (subjectKeys.length === 0) return [];
  const rows: Decision[] = [];
  for (let i = 0; i < subjectKeys.length; i += 1000)
    rows.push(
      ...(await pq(db)
        .selectFrom('proactive.grant')
        .select([
          'id',
          'policyCode',
          'policyVersion',
          'period',
          'subjectKind',
          'subjectKey',
          'beneficiaryPersonId',
          'creditCode',
          'regionCode',
          'referenceDate',
          'explanation',
          'trigger',
        ])
        .where('policyCode', '=', policyCode)
        .where('period', '=', period)
        .where('status', '=', 'granted')
        .where('caseId', 'is', null)
        .where('subjectKey', 'in', subjectKeys.slice(i, i + 1000))
        .execute()),
    );
  return rows;
}

/** Standing grants of a policy for these subjects (to check again after a registry correction). */
export async function standingGrants(db: Db, policyCode: string, subjectKeys: readonly string[]) {
  if (subjectKeys.length === 0) return [];
  return pq(db)
    .selectFrom('proactive.grant')
    .select(['id', 'subjectKey', 'referenceDate', 'caseId', 'beneficiaryPersonId'])
    .where('policyCode', '=', policyCode)
    .where('status', '=', 'granted')
    .where('subjectKey', 'in', [...subjectKeys])
    .execute();
}

export async function flagForReview(db: Db, grantId: string, reason: Explanation): Promise<void> {
  await pq(db)
    .updateTable('proactive.grant')
    .set({ status: 'review', reviewReason: JSON.stringify(reason) })
    .where('id', '=', grantId)
    .where('status', '=', 'granted')
    .execute();
}

/** Registry persons (of these) who said they want no offers. */
export async function optedOut(db: Db, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await pq(db)
    .selectFrom('proactive.preference')
    .select('registryPersonId')
    .where('offersWanted', '=', false)
    .where('registryPersonId', 'in', [...personIds])
    .execute();
  return new Set(rows.map((r) => r.registryPersonId));
}
