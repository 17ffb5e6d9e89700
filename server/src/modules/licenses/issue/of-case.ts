/** The licences a case produced (its result, 证照结果), for the case pages of the applicant and staff. */
import type { Db } from '../../../platform/db/index.js';
import { lq } from '../licenses.tables.js';
import { effectiveStatus, type EffectiveStatus } from '../status.js';
import { findLicenseType } from '../types/license-types.js';

export interface CaseLicense {
  id: string;
  number: string;
  typeName: string;
  status: EffectiveStatus;
  validUntil: string | null;
}

/** Every licence issued from the case, the newest version first (a renewal or change keeps its source case). */
export async function licensesOfCase(db: Db, caseId: string, at: Date): Promise<CaseLicense[]> {
  const rows = await lq(db)
    .selectFrom('licenses.license')
    .select(['id', 'number', 'typeCode', 'status', 'validFrom', 'validUntil'])
    .where('sourceCaseId', '=', caseId)
    .orderBy('issuedAt', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    typeName: findLicenseType(r.typeCode)?.name ?? r.number,
    status: effectiveStatus(r, at),
    validUntil: r.validUntil,
  }));
}
