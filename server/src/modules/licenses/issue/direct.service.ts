/** 直接签发: a department authorised for the licence type issues it itself (outside a case). */
import type { Actor } from '../../../platform/context.js';
import { forbidden, invalid } from '../../../platform/errors.js';
import { isWithinScope } from '../../../platform/scope.js';
import { parseCreditCode, parseIdNumber } from '../../../platform/validators/index.js';
import type { LicensesDeps } from '../licenses.deps.js';
import type { HolderKind } from '../licenses.tables.js';
import { findLicenseType } from '../types/license-types.js';
import type { LicenseData } from '../signing/content.js';
import { findDepartment } from './departments.js';
import { issueLicense, type LicenseRow } from './issue.js';

export interface DirectIssue {
  typeCode: string;
  departmentId: string;
  holder: { kind: HolderKind; id: string; name: string };
  data: LicenseData;
  validUntil?: string | null;
}

export async function issueDirectly(deps: LicensesDeps, actor: Actor, input: DirectIssue): Promise<LicenseRow> {
  const type = findLicenseType(input.typeCode);
  if (!type)
    throw invalid('LICENSES.UNKNOWN_TYPE', {
      zh: `没有证照类型 ${input.typeCode}`,
      en: `No licence type ${input.typeCode}`,
    });
  const department = await findDepartment(deps.db, input.departmentId);
  // A department outside the caller's scope is refused like one that does not issue this type: nothing is revealed.
  if (
    !department ||
    !isWithinScope(actor, { regionCode: department.regionCode, departmentId: department.id }) ||
    department.category !== type.category
  ) {
    throw forbidden('LICENSES.NOT_AUTHORISED_ISSUER', {
      zh: `该部门无权签发「${type.name}」`,
      en: `That department may not issue ${type.code}`,
    });
  }
  if (type.holderKind !== input.holder.kind)
    throw invalid('LICENSES.WRONG_HOLDER_KIND', {
      zh: `「${type.name}」的持证主体应为${type.holderKind === 'person' ? '自然人' : '法人'}`,
      en: `${type.code} is held by a ${type.holderKind}`,
    });
  const parsed =
    input.holder.kind === 'person' ? parseIdNumber(input.holder.id, deps.now()) : parseCreditCode(input.holder.id);
  if (!parsed.ok)
    throw invalid(
      'LICENSES.BAD_HOLDER_ID',
      { zh: '持证主体的证件号码无效', en: 'The holder’s identifier is not valid' },
      [
        {
          field: 'body.holder.id',
          code: 'LICENSES.BAD_HOLDER_ID',
          message: { zh: '校验位不正确或格式错误', en: 'Wrong format or check character' },
        },
      ],
    );
  const unknown = Object.keys(input.data).filter((k) => !type.fields.some((f) => f.key === k));
  if (unknown.length)
    throw invalid('LICENSES.UNKNOWN_FIELD', {
      zh: `证照类型「${type.name}」没有这些数据项：${unknown.join('、')}`,
      en: `${type.code} has no fields ${unknown.join(', ')}`,
    });
  const id = 'number' in parsed.value ? parsed.value.number : parsed.value.code;
  return deps.db.transaction().execute((trx) =>
    issueLicense(trx, deps, {
      typeCode: type.code,
      holder: { kind: input.holder.kind, id, name: input.holder.name },
      issuer: department,
      data: input.data,
      validUntil: input.validUntil,
      actor,
    }),
  );
}
