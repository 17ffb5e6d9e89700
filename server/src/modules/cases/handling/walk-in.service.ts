/**
 * 窗口代录: a window clerk files an application for a resident standing at the counter (by their ID
 * number and name, checked against their account) and, usually, accepts it at once. Filing and
 * acceptance are one transaction, idempotent per clerk and `Idempotency-Key`: a retry after any
 * failure files and accepts afresh, a retry after success answers the same case. 全省通办: a
 * window may file an item handled in another county; the case records the window's region (收件地).
 * The look-up of the resident is audited.
 */
import type { Actor } from '../../../platform/context.js';
import { forbidden, invalid, unprocessable } from '../../../platform/errors.js';
import { appendAudit } from '../../../platform/audit/index.js';
import type { CasesDeps } from '../cases.deps.js';
import { checkForm, hashOf, idempotently, insertCase, type Submitted } from './submit.service.js';
import { lockCase } from './load.js';
import { acceptLocked } from './window.service.js';
import { requireCounterMaterialsComplete } from './completeness.js';
import { recordCounterOriginals } from './materials.service.js';

export interface WalkIn {
  idNumber: string;
  name: string;
  itemCode: string;
  form: Record<string, unknown>;
  acceptNow: boolean;
  /** Materials (by index in the guide) whose paper originals the window received at the counter. */
  received: number[];
}

export async function fileForResident(
  deps: CasesDeps,
  clerk: Actor,
  { input, idempotencyKey, meta }: { input: WalkIn; idempotencyKey: string; meta: { ip?: string } },
): Promise<Submitted> {
  if (clerk.kind !== 'staff' || !clerk.id || !clerk.roles.includes('window_clerk') || !clerk.regionScope) {
    throw forbidden('CASES.WINDOW_ONLY', { zh: '仅综合窗口人员可代录', en: 'Only window clerks file for residents' });
  }
  if (!/^[A-Za-z0-9_-]{8,80}$/.test(idempotencyKey)) {
    throw invalid('CASES.BAD_IDEMPOTENCY_KEY', {
      zh: '请求头 Idempotency-Key 须为 8–80 位字母、数字、- 或 _',
      en: 'The Idempotency-Key header must be 8–80 letters, digits, - or _',
    });
  }
  const { item, definition, version } = await deps.processes.get(input.itemCode);
  // This window serves the item when the item's region contains the window's, or anywhere for 全省通办.
  if (!item.provinceWide && !clerk.regionScope.startsWith(item.region.code)) {
    throw forbidden('CASES.NOT_THIS_WINDOW', {
      zh: '该事项不在本窗口办理范围内',
      en: 'This window does not handle this item',
    });
  }
  checkForm(item, input.form);
  const resident = await deps.findResident(input.idNumber);
  await appendAudit(
    deps.db,
    {
      at: deps.now(),
      actorId: clerk.id,
      actorKind: 'staff',
      onBehalfOf: null,
      action: 'cases.resident-looked-up',
      targetType: 'person',
      targetId: resident?.id ?? null,
      ip: meta.ip ?? null,
      reason: `窗口代录 ${item.code}`,
      detail: { found: Boolean(resident) },
    },
    deps.auditKey,
  );
  if (!resident || resident.name !== input.name.trim()) {
    throw unprocessable('CASES.RESIDENT_NOT_FOUND', {
      zh: '未找到与姓名和证件号码相符的实名用户，请先为居民办理注册',
      en: 'No registered person matches that name and ID number',
    });
  }
  // 材料齐全 before anything is filed: accepted at once means complete at once.
  requireCounterMaterialsComplete(item, input.received, input.acceptNow);
  const filer = clerk as Actor & { id: string; regionScope: string };
  const hash = hashOf({ walkIn: input }, clerk);
  const calendar = input.acceptNow ? await deps.calendar.calendar() : undefined;
  return idempotently(
    deps,
    filer.id,
    idempotencyKey,
    hash,
    () =>
      deps.db.transaction().execute(async (trx) => {
        const at = deps.now();
        const filing = { clerkId: filer.id, regionCode: filer.regionScope };
        const { caseId, trackingCode } = await insertCase(
          trx,
          deps.cipher,
          filer,
          resident.name,
          {
            item,
            definition,
            version,
            form: input.form,
            status: 'submitted',
            filing,
            applicant: { personId: resident.id, name: resident.name },
          },
          at,
          { key: idempotencyKey, hash },
        );
        await recordCounterOriginals(trx, filer, caseId, item, input.received, '窗口代录：当场收取原件', at);
        if (!calendar) return { caseId, trackingCode, status: 'submitted', created: true } as Submitted;
        await acceptLocked(
          trx,
          { actor: filer, item, note: '窗口代录，当场受理', at, calendar, toleranceDays: deps.toleranceDays },
          await lockCase(trx, caseId),
        );
        const { status } = await lockCase(trx, caseId);
        return { caseId, trackingCode, status, created: true };
      }),
    async (r) => ({ caseId: r.caseId, trackingCode: r.trackingCode, status: r.status, created: false }),
  );
}
