/**
 * 送达: how the result (licence certificate, decision document) reaches the applicant — picked up
 * at the window (窗口领取), posted (邮寄, with the carrier's tracking number), or online (网上送达:
 * the e-licence and electronic documents, nothing to send). The applicant chooses among the
 * methods the item's guide offers; recipient, phone and address are personal data, stored
 * encrypted and shown masked to staff except to the clerk who prints the label (audited).
 */
import type { Actor } from '../../../platform/context.js';
import { appendAudit } from '../../../platform/audit/index.js';
import { conflict, unprocessable } from '../../../platform/errors.js';
import { maskName, maskPhone } from '../../../platform/privacy/index.js';
import type { CasesDeps } from '../cases.deps.js';
import { kq, type CaseStatus } from '../cases.tables.js';
import { appendCaseEvent } from '../process/events.js';
import { canSee, caseNotFound, requireApplicant, requireWindow } from './access.js';
import { lockCase } from './load.js';

export type DeliveryChoice =
  | { method: 'pickup' | 'online' }
  | { method: 'post'; recipient: string; phone: string; address: string; regionCode: string };

const DECIDED: CaseStatus[] = ['approved', 'refused', 'not_accepted'];
const OPEN: CaseStatus[] = ['submitted', 'awaiting_supplement', 'in_progress', 'suspended', 'waiting', ...DECIDED];

const METHOD_ZH = { pickup: '窗口领取', post: '邮寄送达', online: '网上送达' } as const;

/** The applicant chooses (or changes, until it is sent) how the result reaches them. */
export async function chooseDelivery(
  deps: CasesDeps,
  actor: Actor,
  { caseId, choice }: { caseId: string; choice: DeliveryChoice },
): Promise<void> {
  const c = await kq(deps.db).selectFrom('cases.case').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c) throw caseNotFound(caseId);
  requireApplicant(actor, c);
  const { item } = await deps.processes.get(c.itemCode).catch(() => ({ item: undefined }));
  if (item && !item.deliveryMethods.includes(choice.method)) {
    throw unprocessable(
      'CASES.DELIVERY_NOT_OFFERED',
      {
        zh: `该事项不提供「${METHOD_ZH[choice.method]}」`,
        en: `This item does not offer delivery by ${choice.method}`,
      },
      [
        {
          field: 'body.method',
          code: 'CASES.DELIVERY_NOT_OFFERED',
          message: {
            zh: `可选：${item.deliveryMethods.map((m) => METHOD_ZH[m]).join('、')}`,
            en: `Offered: ${item.deliveryMethods.join(', ')}`,
          },
        },
      ],
    );
  }
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, caseId);
    if (!OPEN.includes(locked.status)) {
      throw conflict(
        'CASES.DELIVERY_CLOSED',
        { zh: '办件已结束，不能再选择送达方式', en: 'The case has ended; the delivery can no longer change' },
        [],
        { status: locked.status },
      );
    }
    const current = await kq(trx)
      .selectFrom('cases.delivery')
      .select(['status'])
      .where('caseId', '=', caseId)
      .forUpdate()
      .executeTakeFirst();
    if (current && current.status !== 'pending') {
      throw conflict(
        'CASES.DELIVERY_SENT',
        { zh: '结果已寄出或已领取，不能再更改送达方式', en: 'The result has already been sent or collected' },
        [],
        { delivery: current.status },
      );
    }
    const post = choice.method === 'post' ? choice : undefined;
    const row = {
      method: choice.method,
      recipientEnc: post ? deps.cipher.encrypt(post.recipient) : null,
      phoneEnc: post ? deps.cipher.encrypt(post.phone) : null,
      addressEnc: post ? deps.cipher.encrypt(post.address) : null,
      regionCode: post?.regionCode ?? null,
      status: 'pending' as const,
      updatedAt: at,
    };
    await kq(trx)
      .insertInto('cases.delivery')
      .values({ caseId, ...row })
      .onConflict((oc) => oc.column('caseId').doUpdateSet(row))
      .execute();
    await appendCaseEvent(trx, {
      caseId,
      actor,
      type: 'delivery-chosen',
      from: null,
      to: null,
      at,
      detail: { method: choice.method },
    });
  });
}

/**
 * The delivery of a case: in full for its applicant; for staff in scope masked, or in full when
 * they ask for the label (`full`), which is audited.
 */
export async function getDelivery(
  deps: CasesDeps,
  actor: Actor,
  { caseId, opts = {} }: { caseId: string; opts?: { full?: boolean; ip?: string } },
) {
  const c = await kq(deps.db).selectFrom('cases.case').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c || !canSee(actor, c)) throw caseNotFound(caseId);
  const d = await kq(deps.db).selectFrom('cases.delivery').selectAll().where('caseId', '=', caseId).executeTakeFirst();
  if (!d) return null;
  const isStaff = actor.kind === 'staff';
  if (isStaff && opts.full) requireWindow(actor, c);
  const plain = (v: string | null) => (v === null ? null : deps.cipher.decrypt(v));
  const recipient = plain(d.recipientEnc);
  const phone = plain(d.phoneEnc);
  const address = plain(d.addressEnc);
  const masked = isStaff && !opts.full;
  if (isStaff && opts.full && d.method === 'post') {
    await appendAudit(
      deps.db,
      {
        at: deps.now(),
        actorId: actor.id,
        actorKind: actor.kind,
        onBehalfOf: null,
        action: 'cases.delivery-address-read',
        targetType: 'case',
        targetId: c.id,
        ip: opts.ip ?? null,
        reason: '打印邮寄面单',
        detail: {},
      },
      deps.auditKey,
    );
  }
  return {
    method: d.method,
    // 网上送达 has nothing to send: the result is in the applicant's portal once decided.
    status: d.method === 'online' && DECIDED.includes(c.status) ? ('delivered' as const) : d.status,
    recipient: recipient && masked ? maskName(recipient) : recipient,
    phone: phone && masked ? maskPhone(phone) : phone,
    // An address masked for staff keeps its first six characters (the district), enough to sort mail.
    address: address && masked ? `${address.slice(0, 6)}****` : address,
    regionCode: d.regionCode,
    carrier: d.carrier,
    trackingNumber: d.trackingNumber,
    dispatchedAt: d.dispatchedAt,
    completedAt: d.completedAt,
  };
}

/**
 * The window sends the result (post: with the carrier and tracking number) or hands it over
 * (pickup), once the case is decided and no fee is still due.
 */
export async function completeDelivery(
  deps: CasesDeps,
  actor: Actor,
  {
    caseId,
    step,
  }: {
    caseId: string;
    step: { kind: 'dispatch'; carrier: string; trackingNumber: string } | { kind: 'delivered' } | { kind: 'collected' };
  },
): Promise<void> {
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId);
    requireWindow(actor, c);
    if (!DECIDED.includes(c.status)) {
      throw conflict(
        'CASES.NOT_DECIDED',
        { zh: '办件尚未办结，没有可送达的结果', en: 'The case has no result to deliver yet' },
        [],
        { status: c.status },
      );
    }
    const d = await kq(trx)
      .selectFrom('cases.delivery')
      .selectAll()
      .where('caseId', '=', caseId)
      .forUpdate()
      .executeTakeFirst();
    if (!d)
      throw conflict('CASES.NO_DELIVERY', {
        zh: '申请人尚未选择送达方式',
        en: 'The applicant has not chosen how to receive the result',
      });
    const due = await kq(trx)
      .selectFrom('cases.fee')
      .select(['name'])
      .where('caseId', '=', caseId)
      .where('status', '=', 'due')
      .execute();
    if (due.length) {
      throw conflict('CASES.FEES_DUE', {
        zh: `尚有费用未缴清：${due.map((f) => f.name).join('、')}`,
        en: `Fees are still due: ${due.map((f) => f.name).join(', ')}`,
      });
    }
    const allowed =
      (step.kind === 'dispatch' && d.method === 'post' && d.status === 'pending') ||
      (step.kind === 'delivered' && d.method === 'post' && d.status === 'dispatched') ||
      (step.kind === 'collected' && d.method === 'pickup' && d.status === 'pending');
    if (!allowed) {
      throw conflict(
        'CASES.DELIVERY_STEP',
        {
          zh: `送达方式为「${METHOD_ZH[d.method]}」、状态为「${d.status}」时不能执行此操作`,
          en: `Cannot ${step.kind} a ${d.method} delivery that is ${d.status}`,
        },
        [],
        { method: d.method, status: d.status },
      );
    }
    const set =
      step.kind === 'dispatch'
        ? {
            status: 'dispatched' as const,
            carrier: step.carrier,
            trackingNumber: step.trackingNumber,
            dispatchedAt: at,
            updatedAt: at,
          }
        : { status: step.kind, completedAt: at, updatedAt: at };
    await kq(trx).updateTable('cases.delivery').set(set).where('caseId', '=', caseId).execute();
    await appendCaseEvent(trx, {
      caseId,
      actor,
      type: `delivery-${step.kind}`,
      from: null,
      to: null,
      at,
      detail: step.kind === 'dispatch' ? { carrier: step.carrier, trackingNumber: step.trackingNumber } : {},
    });
  });
}
