/**
 * 证照状态管理 by the issuing department: 注销 (revoke, final), 中止 (suspend) and 恢复
 * (reinstate), 延续 (renew: a new version with a new term) and 变更 (change: a new version with
 * changed data, the same term). Each step locks the licence, writes its history (which the holder
 * sees), the audit entry and an outbox event.
 */
import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { appendAudit } from '../../../platform/audit/index.js';
import { appendEvent } from '../../../platform/outbox.js';
import { isWithinScope } from '../../../platform/scope.js';
import { invalid } from '../../../platform/errors.js';
import type { LicensesDeps } from '../licenses.deps.js';
import { lq, type LicenseStatus } from '../licenses.tables.js';
import { getLicenseType, validityYears } from '../types/license-types.js';
import type { LicenseData } from '../signing/content.js';
import { illegalStatus, licenseNotFound, notIssuer } from '../errors.js';
import { findDepartment } from '../issue/departments.js';
import { beijingDate } from '../../../platform/calendar/beijing.js';
import { maskName } from '../../../platform/privacy/index.js';
import { issueLicense, recordLicenseEvent, validityEnd, type LicenseRow } from '../issue/issue.js';

/** The licence, locked, when the staff member works for its issuing department; 404 otherwise (nothing is revealed). */
async function lockForIssuer(trx: Db, actor: Actor, id: string): Promise<LicenseRow> {
  const row = await lq(trx)
    .selectFrom('licenses.license')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row || !isWithinScope(actor, { regionCode: row.issuerRegionCode, departmentId: row.issuerDepartmentId }))
    throw licenseNotFound();
  return row;
}

type StatusStep = 'revoke' | 'suspend' | 'reinstate';
const STEPS: Record<
  StatusStep,
  { from: LicenseStatus[]; to: LicenseStatus; action: 'revoked' | 'suspended' | 'reinstated'; zh: string }
> = {
  revoke: { from: ['valid', 'suspended'], to: 'revoked', action: 'revoked', zh: '注销' },
  suspend: { from: ['valid'], to: 'suspended', action: 'suspended', zh: '中止' },
  reinstate: { from: ['suspended'], to: 'valid', action: 'reinstated', zh: '恢复' },
};

export async function changeStatus(
  deps: LicensesDeps,
  actor: Actor,
  { id, step, reason }: { id: string; step: StatusStep; reason: string },
): Promise<{ status: LicenseStatus }> {
  const s = STEPS[step];
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockForIssuer(trx, actor, id);
    if (!s.from.includes(row.status)) throw illegalStatus(row.status, { zh: s.zh, en: step });
    const now = deps.now();
    await lq(trx)
      .updateTable('licenses.license')
      .set({ status: s.to, statusReason: reason, statusChangedAt: now })
      .where('id', '=', id)
      .execute();
    await recordLicenseEvent(trx, row, s.action, actor, now, reason);
    await appendEvent(
      trx,
      {
        topic: `licenses.license-${s.action}` as const,
        aggregateType: 'licenses.license',
        aggregateId: id,
        payload: { licenseId: id, number: row.number, typeCode: row.typeCode, status: s.to },
      },
      actor.id,
    );
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        actorKind: actor.kind,
        action: `licenses.${s.action}`,
        targetType: 'license',
        targetId: id,
        reason,
        detail: { number: row.number },
      },
      deps.auditKey,
    );
    return { status: s.to };
  });
}

/** 延续 or 变更: a new version replaces the licence (which becomes superseded). */
export async function replaceLicense(
  deps: LicensesDeps,
  actor: Actor,
  input: { id: string; how: 'renewed' | 'changed'; data?: LicenseData; reason: string },
): Promise<LicenseRow> {
  const { id } = input;
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockForIssuer(trx, actor, id);
    if (row.status !== 'valid')
      throw illegalStatus(
        row.status,
        input.how === 'renewed' ? { zh: '延续', en: 'renew' } : { zh: '变更', en: 'change' },
      );
    const type = getLicenseType(row.typeCode);
    const unknown = Object.keys(input.data ?? {}).filter((k) => !type.fields.some((f) => f.key === k));
    if (unknown.length)
      throw invalid(
        'LICENSES.UNKNOWN_FIELD',
        {
          zh: `证照类型「${type.name}」没有这些数据项：${unknown.join('、')}`,
          en: `${type.code} has no fields ${unknown.join(', ')}`,
        },
        unknown.map((k) => ({
          field: `body.data.${k}`,
          code: 'LICENSES.UNKNOWN_FIELD',
          message: { zh: '未知数据项', en: 'Unknown field' },
        })),
      );
    const issuer = await findDepartment(trx, row.issuerDepartmentId);
    if (!issuer) throw notIssuer();
    const data = { ...(JSON.parse(deps.cipher.decrypt(row.dataEnc)) as LicenseData), ...input.data };
    // A change keeps the term; a renewal starts a new full term today (the old version is superseded at once).
    const years =
      validityYears(type, {}) ??
      (row.validUntil === null ? null : Number(row.validUntil.slice(0, 4)) - Number(row.validFrom.slice(0, 4)));
    const today = beijingDate(deps.now());
    const term =
      input.how === 'changed'
        ? { validFrom: row.validFrom, validUntil: row.validUntil }
        : { validFrom: today, validUntil: years === null ? null : validityEnd(today, years) };
    return issueLicense(trx, deps, {
      typeCode: row.typeCode,
      holder: { kind: row.holderKind, id: deps.cipher.decrypt(row.holderIdEnc), name: row.holderName },
      issuer,
      data,
      ...term,
      replaces: { license: row, how: input.how },
      actor,
    });
  });
}

/**
 * An issuing department's licence by its number (the one in force, or the latest version), for
 * staff whose scope covers the issuer — to revoke, suspend or reinstate it. The holder's name is
 * masked; another department's licence is not found.
 */
export async function findIssuedLicense(deps: LicensesDeps, actor: Actor, number: string) {
  const row = await lq(deps.db)
    .selectFrom('licenses.license')
    .select([
      'id',
      'number',
      'version',
      'typeCode',
      'holderName',
      'issuerDepartmentId',
      'validUntil',
      'status',
      'statusReason',
    ])
    .where('number', '=', number.trim())
    .orderBy('version', 'desc')
    .executeTakeFirst();
  const issuer = row ? await findDepartment(deps.db, row.issuerDepartmentId) : undefined;
  if (!row || !issuer || !isWithinScope(actor, { regionCode: issuer.regionCode, departmentId: issuer.id }))
    throw licenseNotFound();
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    typeName: getLicenseType(row.typeCode).name,
    holderName: maskName(row.holderName),
    issuer: issuer.name,
    validUntil: row.validUntil,
    status: row.status,
    statusReason: row.statusReason,
  };
}
