/**
 * 用证: a department reads a licence only within a case the holder applied for (the cases
 * module's `caseOfHolder`), or under the holder's live consent (授权) naming that department and
 * the licence's type. Every read is written to the use log (用证记录), which the holder sees, and
 * to the audit chain. `findValidLicenses` and `recordLicenseUse` are the cases module's way in (免提交).
 */
import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import { appendAudit } from '../../../platform/audit/index.js';
import { forbidden } from '../../../platform/errors.js';
import { isWithinScope } from '../../../platform/scope.js';

/** The department's staff use a licence; the 综合窗口 receives for every department of its region. */
const LICENCE_USERS = { regionWide: ['window_clerk'] };
import { listDepartments } from '../../catalog/index.js';
import { myLicense } from '../wallet/wallet.service.js';
import type { LicensesDeps } from '../licenses.deps.js';
import { lq } from '../licenses.tables.js';
import { findLicense, type FoundLicense } from '../licenses.repository.js';
import { holderAccount, holderKey, personHolder, walletHolder, type HolderKey } from '../holders.js';
import { licenseNotFound } from '../errors.js';
import { staffView } from '../present.js';
import { getLicenseType } from '../types/license-types.js';
import { beijingDate } from '../../../platform/calendar/beijing.js';
import { effectiveStatus } from '../status.js';

export interface LicenseUse {
  licenseId: string;
  departmentId: string;
  staffId: string | null;
  caseId: string | null;
  consentId?: string | null;
  purpose: string;
  at: Date;
}

/** Writes one use to the log and the audit chain (on the caller's transaction, if any). */
export async function recordLicenseUse(db: Db, use: LicenseUse, auditKey: Buffer): Promise<void> {
  const l = await lq(db)
    .selectFrom('licenses.license')
    .select(['holderKind', 'holderIndex', 'number'])
    .where('id', '=', use.licenseId)
    .executeTakeFirstOrThrow();
  await lq(db)
    .insertInto('licenses.useLog')
    .values({
      licenseId: use.licenseId,
      holderKind: l.holderKind,
      holderIndex: l.holderIndex,
      departmentId: use.departmentId,
      staffId: use.staffId,
      caseId: use.caseId,
      consentId: use.consentId ?? null,
      purpose: use.purpose,
      at: use.at,
    })
    .execute();
  await appendAudit(
    db,
    {
      at: use.at,
      actorId: use.staffId ?? 'system',
      actorKind: use.staffId ? 'staff' : 'system',
      action: 'licenses.used',
      targetType: 'license',
      targetId: use.licenseId,
      reason: use.purpose,
      detail: {
        number: l.number,
        departmentId: use.departmentId,
        caseId: use.caseId,
        consentId: use.consentId ?? null,
      },
    },
    auditKey,
  );
}

/** The department and basis on which this staff member may use the licence, if any. */
async function useBasis(
  deps: LicensesDeps,
  actor: Actor,
  l: FoundLicense,
  caseId: string | undefined,
): Promise<{ departmentId: string; caseId: string | null; consentId: string | null } | undefined> {
  if (caseId) {
    const account = await holderAccount(deps, l.holderKind, l.holderIdEnc);
    const c = account && (await deps.caseOfHolder(caseId, account));
    if (c && isWithinScope(actor, c, LICENCE_USERS)) return { departmentId: c.departmentId, caseId, consentId: null };
  }
  const consents = await lq(deps.db)
    .selectFrom('licenses.consent')
    .select(['id', 'departmentId', 'typeCodes'])
    .where('holderIndex', '=', l.holderIndex)
    .where('holderKind', '=', l.holderKind)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', deps.now())
    .execute();
  const departments = consents.length ? await listDepartments(deps.db) : [];
  for (const c of consents) {
    const d = departments.find((x) => x.id === c.departmentId);
    if (
      d &&
      c.typeCodes.includes(l.typeCode) &&
      isWithinScope(actor, { regionCode: d.regionCode, departmentId: d.id }, LICENCE_USERS)
    )
      return { departmentId: d.id, caseId: null, consentId: c.id };
  }
  return undefined;
}

export async function useLicense(
  deps: LicensesDeps,
  actor: Actor,
  input: { id: string; caseId?: string; purpose: string },
) {
  const l = await findLicense(deps.db, { id: input.id });
  if (!l) throw licenseNotFound();
  const basis = await useBasis(deps, actor, l, input.caseId);
  if (!basis) {
    throw forbidden('LICENSES.USE_NOT_AUTHORISED', {
      zh: '只能在持证人申请的办件中或经持证人授权后使用证照',
      en: 'A licence can be used only within a case its holder applied for, or with the holder’s consent',
    });
  }
  const at = deps.now();
  await recordLicenseUse(
    deps.db,
    { licenseId: l.id, ...basis, staffId: actor.id, purpose: input.purpose, at },
    deps.auditKey,
  );
  return { ...staffView(l, deps.cipher, at), use: basis };
}

/** Who applies, as the cases module names them: the person, and the enterprise acted for. */
export interface Applicant {
  personId: string;
  enterprise: { id: string; creditCode: string } | null;
}

/**
 * 免提交: the valid (not revoked, suspended, superseded or expired) licences of these types held by
 * the applicant — the person's own, and the enterprise's when applying for one.
 */
export async function findValidLicenses(
  ctx: { db: Db; cipher: FieldCipher },
  applicant: Applicant,
  typeCodes: string[],
  at: Date,
) {
  if (!typeCodes.length) return [];
  const holders: HolderKey[] = [];
  const person = await personHolder(ctx, applicant.personId);
  if (person) holders.push(holderKey(ctx.cipher, 'person', person.id));
  if (applicant.enterprise) holders.push(holderKey(ctx.cipher, 'enterprise', applicant.enterprise.creditCode));
  if (!holders.length) return [];
  const today = beijingDate(at);
  const rows = await lq(ctx.db)
    .selectFrom('licenses.license')
    .select(['id', 'typeCode', 'number', 'holderName', 'validFrom', 'validUntil', 'status'])
    .where((eb) => eb.or(holders.map((h) => eb.and([eb('holderIndex', '=', h.index), eb('holderKind', '=', h.kind)]))))
    .where('typeCode', 'in', typeCodes)
    .where('status', '=', 'valid')
    .where('validFrom', '<=', today)
    .where((eb) => eb.or([eb('validUntil', 'is', null), eb('validUntil', '>=', today)]))
    .orderBy('issuedAt', 'desc')
    .execute();
  return rows
    .filter((r) => effectiveStatus(r, at) === 'valid')
    .map((r) => ({
      id: r.id,
      typeCode: r.typeCode,
      typeName: getLicenseType(r.typeCode).name,
      number: r.number,
      holderName: r.holderName,
      validUntil: r.validUntil,
    }));
}

/** The uses of the holder's licences (one licence's, or all), newest first, with the department's name. */
export async function listUses(deps: LicensesDeps, actor: Actor, { licenseId }: { licenseId?: string } = {}) {
  const holder = await walletHolder(deps, actor);
  // One licence's uses: only for its holder.
  if (licenseId) await myLicense(deps, actor, licenseId);
  let q = lq(deps.db)
    .selectFrom('licenses.useLog as u')
    .innerJoin('licenses.license as l', 'l.id', 'u.licenseId')
    .select([
      'u.id',
      'u.licenseId',
      'l.number',
      'l.typeCode',
      'u.departmentId',
      'u.caseId',
      'u.consentId',
      'u.purpose',
      'u.at',
    ])
    .where('u.holderIndex', '=', holder.index)
    .where('u.holderKind', '=', holder.kind);
  if (licenseId) q = q.where('u.licenseId', '=', licenseId);
  const [rows, departments] = await Promise.all([
    q.orderBy('u.at', 'desc').orderBy('u.id', 'desc').limit(500).execute(),
    listDepartments(deps.db),
  ]);
  const names = new Map(departments.map((d) => [d.id, d.name]));
  return rows.map((r) => ({
    ...r,
    typeName: getLicenseType(r.typeCode).name,
    departmentName: names.get(r.departmentId) ?? '',
  }));
}
