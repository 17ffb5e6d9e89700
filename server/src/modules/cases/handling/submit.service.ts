/**
 * 申报: a signed-in person (for themselves, or for an enterprise with the `apply` scope) submits an
 * application for a published item. Submission is idempotent per applicant and `Idempotency-Key`:
 * a retry answers the same case; the same key with a different request is refused.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/context.js';
import { isUniqueViolation } from '../../../platform/db/index.js';
import { forbidden, invalid, unauthorized, unprocessable } from '../../../platform/errors.js';
import { getPublishedItem } from '../../catalog/index.js';
import type { CasesDeps } from '../cases.deps.js';
import { kq } from '../cases.tables.js';
import { beijingDate } from '../process/clock.js';
import { processOf } from '../process/definitions.store.js';
import { appendCaseEvent } from '../process/events.js';
import { newTrackingCode } from '../process/tracking-code.js';

export interface Submission {
  itemCode: string;
  form: Record<string, unknown>;
}

const requestHash = (s: Submission, actingFor: string | null) => createHash('sha256').update(JSON.stringify([s.itemCode, s.form, actingFor])).digest('hex');

export async function submitApplication(deps: CasesDeps, actor: Actor, input: Submission, idempotencyKey: string, applicantName: string): Promise<{ caseId: string; trackingCode: string; created: boolean }> {
  if (actor.kind === 'anonymous') throw unauthorized('AUTH.REQUIRED', { zh: '请先登录再申报', en: 'Sign in to apply' });
  if (actor.kind !== 'person' || !actor.id) throw forbidden('CASES.PERSON_ONLY', { zh: '仅个人或企业经办人可在线申报', en: 'Only persons (or agents of enterprises) apply online' });
  if (actor.actingFor && !actor.actingFor.scopes.includes('apply')) {
    throw forbidden('CASES.NO_APPLY_SCOPE', { zh: '您的企业授权不含申报权限', en: 'Your authorisation for this enterprise does not include applying' });
  }
  if (!/^[A-Za-z0-9_-]{8,80}$/.test(idempotencyKey)) {
    throw invalid('CASES.BAD_IDEMPOTENCY_KEY', { zh: '请求头 Idempotency-Key 须为 8–80 位字母、数字、- 或 _', en: 'The Idempotency-Key header must be 8–80 letters, digits, - or _' }, [
      { field: 'headers.idempotency-key', code: 'CASES.BAD_IDEMPOTENCY_KEY', message: { zh: '格式不正确', en: 'Malformed' } },
    ]);
  }
  const hash = requestHash(input, actor.actingFor?.enterpriseId ?? null);
  const replay = async () => {
    const prior = await kq(deps.db)
      .selectFrom('cases.idempotency as i')
      .innerJoin('cases.case as c', 'c.id', 'i.caseId')
      .select(['c.id', 'c.trackingCode', 'i.requestHash'])
      .where('i.actorId', '=', actor.id!)
      .where('i.key', '=', idempotencyKey)
      .executeTakeFirst();
    if (!prior) return undefined;
    if (prior.requestHash !== hash) {
      throw unprocessable('CASES.IDEMPOTENCY_KEY_REUSED', { zh: '该 Idempotency-Key 已用于另一份申请', en: 'This Idempotency-Key was used for a different application' });
    }
    return { caseId: prior.id, trackingCode: prior.trackingCode, created: false };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const item = await getPublishedItem(deps.db, input.itemCode);
  const { definition, version } = await processOf(deps.db, item);
  const at = deps.now();
  const today = beijingDate(at);
  const caseId = randomUUID();
  for (let attempt = 0; ; attempt++) {
    const trackingCode = newTrackingCode(today);
    try {
      await deps.db.transaction().execute(async (trx) => {
        await kq(trx)
          .insertInto('cases.case')
          .values({
            id: caseId,
            trackingCode,
            itemCode: item.code,
            itemName: item.name,
            regionCode: item.region.code,
            departmentId: item.department.id,
            definition: JSON.stringify(definition),
            definitionVersion: version,
            applicantPersonId: actor.id!,
            applicantEnterpriseId: actor.actingFor?.enterpriseId ?? null,
            applicantName: actor.actingFor?.name ?? applicantName,
            channel: 'online',
            form: JSON.stringify(input.form),
            status: 'submitted',
            stageIndex: null,
            promisedDays: definition.promisedLimitDays,
            submittedAt: at,
            acceptedOn: null,
            dueOn: null,
            decidedAt: null,
            decisionNote: null,
          })
          .execute();
        // The key is claimed in the same transaction: a concurrent twin waits here and then fails.
        await kq(trx).insertInto('cases.idempotency').values({ actorId: actor.id!, key: idempotencyKey, requestHash: hash, caseId }).execute();
        await appendCaseEvent(trx, { caseId, actor, type: 'submitted', from: null, to: 'submitted', at, detail: { itemCode: item.code, trackingCode } });
      });
      return { caseId, trackingCode, created: true };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const twin = await replay();
      if (twin) return twin;
      if (attempt >= 3) throw e; // not the key: a tracking-code collision, retried
    }
  }
}
