/**
 * A department's inbox (部门待办通知): life events its inbox subscriptions caught, for its staff
 * (by data scope) to act on and acknowledge. Identifiers are masked; a member of staff who needs
 * more reads it through a grant, which is logged.
 */
import type { Actor } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { maskIdNumber } from '../../../platform/privacy/index.js';
import { scopeCondition } from '../../../platform/scope.js';
import type { ExchangeDeps } from '../exchange.deps.js';
import { sq, type LifeEventType } from '../exchange.tables.js';
import { requireStaff } from '../sharing/access.js';
import type { LifeEventNotice } from './life-event.types.js';

export interface InboxItem {
  id: string;
  departmentId: string;
  event: { id: string; type: LifeEventType; occurredOn: string; recordedAt: Date; recordedBy: string };
  persons: { idNumber: string; name: string }[];
  enterprise: { creditCode: string; name: string } | null;
  facts: Record<string, string | number | null>;
  createdAt: Date;
  acknowledgedAt: Date | null;
}

export async function listInbox(
  deps: ExchangeDeps,
  actor: Actor,
  filter: { departmentId?: string | undefined; open: boolean; limit: number },
): Promise<InboxItem[]> {
  requireStaff(actor);
  let q = sq(deps.db)
    .selectFrom('exchange.inboxItem as i')
    .innerJoin('exchange.lifeEvent as e', 'e.id', 'i.eventId')
    .select([
      'i.id',
      'i.departmentId',
      'i.createdAt',
      'i.acknowledgedAt',
      'e.id as eventId',
      'e.type',
      'e.occurredOn',
      'e.recordedAt',
      'e.recordingDepartmentId',
      'e.noticeEnc',
    ])
    .where(scopeCondition(actor, { region: 'i.regionCode', department: 'i.departmentId' }));
  if (filter.departmentId) q = q.where('i.departmentId', '=', filter.departmentId);
  if (filter.open) q = q.where('i.acknowledgedAt', 'is', null);
  const rows = await q.orderBy('i.createdAt', 'desc').limit(filter.limit).execute();
  const names = await deps.departments.names([...new Set(rows.map((r) => r.recordingDepartmentId))]);
  return rows.map((r) => {
    const notice = JSON.parse(deps.cipher.decrypt(r.noticeEnc)) as LifeEventNotice;
    return {
      id: r.id,
      departmentId: r.departmentId,
      event: {
        id: r.eventId,
        type: r.type,
        occurredOn: r.occurredOn,
        recordedAt: r.recordedAt,
        recordedBy: names.get(r.recordingDepartmentId) ?? '',
      },
      persons: notice.persons.map((p) => ({ idNumber: maskIdNumber(p.idNumber), name: p.name })),
      enterprise: notice.enterprise,
      facts: notice.facts,
      createdAt: r.createdAt,
      acknowledgedAt: r.acknowledgedAt,
    };
  });
}

/** Marks an item handled (idempotent); items outside the caller's scope do not exist for them. */
export async function acknowledgeInboxItem(deps: ExchangeDeps, actor: Actor, id: string): Promise<void> {
  requireStaff(actor);
  const item = await sq(deps.db)
    .selectFrom('exchange.inboxItem')
    .select(['id', 'acknowledgedAt'])
    .where('id', '=', id)
    .where(scopeCondition(actor, { region: 'regionCode', department: 'departmentId' }))
    .executeTakeFirst();
  if (!item)
    throw notFound('EXCHANGE.NO_INBOX_ITEM', {
      zh: '通知不存在或无权查看',
      en: 'No such inbox item, or not yours to see',
    });
  if (item.acknowledgedAt) return;
  await sq(deps.db)
    .updateTable('exchange.inboxItem')
    .set({ acknowledgedAt: deps.now(), acknowledgedBy: actor.id })
    .where('id', '=', id)
    .where('acknowledgedAt', 'is', null)
    .execute();
}
