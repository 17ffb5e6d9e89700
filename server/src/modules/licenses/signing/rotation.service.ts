/** 轮换签名密钥: a system administrator rotates a department's signing keys (the old ones stay published). */
import type { Actor } from '../../../platform/context.js';
import { appendAudit } from '../../../platform/audit/index.js';
import { forbidden } from '../../../platform/errors.js';
import { isWithinRegion } from '../../../platform/scope.js';
import type { LicensesDeps } from '../licenses.deps.js';
import { findDepartment } from '../issue/departments.js';
import { rotateKeys } from './keys.js';

export async function rotateDepartmentKeys(
  deps: LicensesDeps,
  actor: Actor,
  { departmentId, ip }: { departmentId: string; ip?: string },
): Promise<{ kids: string[] }> {
  const d = await findDepartment(deps.db, departmentId);
  if (!d || !isWithinRegion(actor, d.regionCode))
    throw forbidden('LICENSES.NOT_AUTHORISED_ISSUER', {
      zh: '无权管理该部门的密钥',
      en: 'Not your department’s keys',
    });
  const kids = await deps.db.transaction().execute(async (trx) => {
    const made = await rotateKeys(trx, deps.cipher, d.id, deps.now());
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        actorKind: actor.kind,
        action: 'licenses.keys-rotated',
        targetType: 'department',
        targetId: d.id,
        ip,
        detail: { kids: made },
      },
      deps.auditKey,
    );
    return made;
  });
  return { kids };
}
