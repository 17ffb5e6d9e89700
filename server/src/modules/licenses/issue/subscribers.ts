/**
 * Issuance that follows other modules' events (outbox subscribers, each write on the delivery's
 * transaction, idempotent):
 * - `cases.case-decided` (准予许可) → the e-licence the item's result names (新办 issues; 变更 and
 *   延续 make a new version of the holder's current licence of that type), data from the form;
 *   at most one licence per case, however often the event arrives.
 * - `identity.person-registered` → the person's 居民身份证 e-licence from the population registry,
 *   unless they already hold a valid one.
 */
import type { OutboxSubscriber } from '../../../platform/outbox-dispatcher.js';
import { subscriber } from '../../../platform/outbox.js';
import type { Db } from '../../../platform/db/index.js';
import { getPublishedResult } from '../../catalog/index.js';
import { findDecidedCase } from '../../cases/index.js';
import { findPersonByIdNumber } from '../../exchange/index.js';
import type { SigningDeps } from '../licenses.deps.js';
import { lq } from '../licenses.tables.js';
import { getLicenseType, licenseForResult, type LicenseType } from '../types/license-types.js';
import type { LicenseData } from '../signing/content.js';
import { enterpriseHolder, holderKey, personHolder, type HolderKey } from '../holders.js';
import { findDepartment, issuingDepartment } from './departments.js';
import { issueLicense, type Holder } from './issue.js';
import { beijingDate } from '../../../platform/calendar/beijing.js';

const SYSTEM_ACTOR = { id: 'system', kind: 'system' };

/** The holder's current (not superseded) licence of a type, newest first. */
async function currentLicense(db: Db, key: HolderKey, typeCode: string) {
  return lq(db)
    .selectFrom('licenses.license')
    .selectAll()
    .where('holderIndex', '=', key.index)
    .where('holderKind', '=', key.kind)
    .where('typeCode', '=', typeCode)
    .where('status', 'in', ['valid', 'suspended'])
    .orderBy('issuedAt', 'desc')
    .executeTakeFirst();
}

/** The form's values for the type's data items (what the applicant declared and the department approved). */
function dataFromForm(type: LicenseType, form: Record<string, unknown>, holder: Holder): LicenseData {
  const data: LicenseData = {};
  for (const f of type.fields) {
    const v = form[f.key];
    data[f.key] = typeof v === 'string' || typeof v === 'number' ? v : null;
  }
  if (type.code === 'FOOD_LICENSE' && !data.operatorName) data.operatorName = holder.name;
  if (type.code === 'BUSINESS_LICENSE' && !data.name) data.name = holder.name;
  return data;
}

export async function issueForDecidedCase(trx: Db, deps: SigningDeps, caseId: string): Promise<void> {
  if (await lq(trx).selectFrom('licenses.license').select('id').where('sourceCaseId', '=', caseId).executeTakeFirst())
    return;
  const c = await findDecidedCase(trx, deps.cipher, caseId);
  if (!c || c.status !== 'approved') return;
  const result = await getPublishedResult(trx, c.itemCode);
  if (result.type !== 'license') return;
  const mapping = licenseForResult(result.name);
  if (!mapping) return;
  const type = getLicenseType(mapping.typeCode);
  const holder =
    type.holderKind === 'enterprise'
      ? c.applicantEnterpriseId
        ? await enterpriseHolder(trx, c.applicantEnterpriseId)
        : undefined
      : await personHolder({ db: trx, cipher: deps.cipher }, c.applicantPersonId);
  // A licence for an enterprise applied for by a person acting for none cannot name its holder.
  if (!holder) return;
  const issuer = await findDepartment(trx, c.departmentId);
  if (!issuer) throw new Error(`case ${caseId}: deciding department ${c.departmentId} not found`);
  const current =
    mapping.action === 'issue'
      ? undefined
      : await currentLicense(trx, holderKey(deps.cipher, holder.kind, holder.id), type.code);
  const form = c.form as Record<string, unknown>;
  await issueLicense(trx, deps, {
    typeCode: type.code,
    holder,
    issuer,
    data: current
      ? {
          ...(JSON.parse(deps.cipher.decrypt(current.dataEnc)) as LicenseData),
          ...definedOnly(dataFromForm(type, form, holder)),
        }
      : dataFromForm(type, form, holder),
    sourceCaseId: caseId,
    replaces: current ? { license: current, how: mapping.action === 'change' ? 'changed' : 'renewed' } : undefined,
    // A change keeps the validity of the licence it changes; a renewal starts a new term the day after it ends.
    ...(current && mapping.action === 'change' ? { validFrom: current.validFrom, validUntil: current.validUntil } : {}),
    actor: SYSTEM_ACTOR,
  });
}

const definedOnly = (d: LicenseData): LicenseData =>
  Object.fromEntries(Object.entries(d).filter(([, v]) => v !== null));

/** 居民身份证 e-licence of a person from the population registry (公安), unless they hold an unexpired one (an expired one is renewed). */
export async function issueIdCard(trx: Db, deps: SigningDeps, idNumber: string, at: Date): Promise<boolean> {
  const registry = await findPersonByIdNumber(trx, deps.cipher, idNumber);
  if (!registry || !registry.alive) return false;
  const current = await currentLicense(trx, holderKey(deps.cipher, 'person', idNumber), 'ID_CARD');
  const expired = current?.validUntil != null && current.validUntil < beijingDate(at);
  if (current && !expired) return false;
  const issuer = await issuingDepartment(trx, 'police', registry.regionCode);
  if (!issuer) return false;
  const [by] = registry.birthDate.split('-').map(Number) as [number];
  await issueLicense(trx, deps, {
    typeCode: 'ID_CARD',
    holder: { kind: 'person', id: registry.idNumber, name: registry.name },
    issuer,
    data: {
      sex: registry.sex === 'male' ? '男' : '女',
      ethnicity: registry.ethnicity.replace(/族$/, ''),
      birthDate: registry.birthDate,
      address: registry.address,
    },
    facts: { ageYears: Number(beijingDate(at).slice(0, 4)) - by },
    replaces: current ? { license: current, how: 'renewed' } : undefined,
    actor: SYSTEM_ACTOR,
  });
  return true;
}

export function licensesSubscriber(deps: SigningDeps): OutboxSubscriber {
  return subscriber('licenses.issuance', ['cases.case-decided', 'identity.person-registered'], async (event, trx) => {
    if (event.topic === 'cases.case-decided') {
      if (event.payload.decision === 'approved') await issueForDecidedCase(trx, deps, event.payload.caseId);
      return;
    }
    const person = await personHolder({ db: trx, cipher: deps.cipher }, event.payload.personId);
    if (person) await issueIdCard(trx, deps, person.id, deps.now());
  });
}
