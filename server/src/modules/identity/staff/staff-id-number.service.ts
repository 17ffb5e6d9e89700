/**
 * 实名关联 of a staff account (亲属回避): the system administrator records the holder's 公民身份号码.
 * Only what the relatives rule needs is kept — the number encrypted with a blind index, and the
 * kinship key from the population registry (surname and address hashed, never stored in clear).
 * The number is answered masked, never in clear; every recording is audited.
 */
import type { Actor } from '../../../platform/context.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { maskIdNumber } from '../../../platform/privacy/index.js';
import { withinScope } from '../../../platform/scope.js';
import { parseIdNumber } from '../../../platform/validators/index.js';
import type { Db } from '../../../platform/db/index.js';
import { kinshipKey } from '../../exchange/index.js';
import type { IdentityDeps } from '../identity.deps.js';
import { iq } from '../identity.tables.js';
import { recordAudit, type RequestMeta } from '../audit.js';

export async function recordStaffIdNumber(
  deps: IdentityDeps,
  actor: Actor,
  staffId: string,
  input: { idNumber: string },
  meta: RequestMeta,
): Promise<{ idNumber: string; inRegistry: boolean }> {
  const parsed = parseIdNumber(input.idNumber, deps.now());
  if (!parsed.ok)
    throw invalid('IDENTITY.BAD_ID_NUMBER', { zh: '公民身份号码无效，请核对', en: 'The ID number is not valid' }, [
      {
        field: 'body.idNumber',
        code: 'IDENTITY.BAD_ID_NUMBER',
        message: {
          zh: `公民身份号码校验未通过（${parsed.problem}）`,
          en: `ID number check failed (${parsed.problem})`,
        },
      },
    ]);
  const idNumber = parsed.value.number;
  const index = deps.cipher.blindIndex(idNumber);
  return deps.db.transaction().execute(async (trx) => {
    const found = await withinScope(
      iq(trx).selectFrom('identity.staff').select('id').where('id', '=', staffId),
      actor,
      { region: 'regionCode' },
    )
      .forUpdate()
      .executeTakeFirst();
    if (!found)
      throw notFound('IDENTITY.NO_STAFF', {
        zh: '人员不存在或不在您的管理范围',
        en: 'No such staff member within your region',
      });
    const key = await kinshipKey(trx, deps.cipher, index);
    await iq(trx)
      .updateTable('identity.staff')
      .set({ idNumberEnc: deps.cipher.encrypt(idNumber), idNumberIndex: index, kinshipKey: key })
      .where('id', '=', staffId)
      .execute();
    const masked = maskIdNumber(idNumber);
    await recordAudit(deps, trx, actor, 'identity.staff-id-number-recorded', { type: 'staff', id: staffId }, meta, {
      detail: { idNumber: masked, inRegistry: key !== null },
    });
    return { idNumber: masked, inRegistry: key !== null };
  });
}

/** The kinship keys of staff accounts that have one (the relatives rule compares them, nothing else). */
export async function staffKinshipKeys(db: Db, staffIds: readonly string[]): Promise<Map<string, string>> {
  if (staffIds.length === 0) return new Map();
  const rows = await iq(db)
    .selectFrom('identity.staff')
    .select(['id', 'kinshipKey'])
    .where('id', 'in', staffIds)
    .where('kinshipKey', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.kinshipKey!]));
}

/** The ID-number blind index of a person's account (to find their registry record), or undefined. */
export async function personIdNumberIndex(db: Db, personId: string): Promise<string | undefined> {
  return (
    await iq(db)
      .selectFrom('identity.personAccount')
      .select('idNumberIndex')
      .where('id', '=', personId)
      .executeTakeFirst()
  )?.idNumberIndex;
}
