/** 站内信: a person's or staff member's messages, newest first, with the unread count; reading one records a `read` receipt. */
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import type { InboxPage } from '../../../../contracts/notify.js';
import { nq } from './notify.tables.js';
import { accountOf } from './preferences.js';

export async function myInbox(
  db: Db,
  actor: Actor,
  q: { page: number; pageSize: number; unread?: 'true' | 'false' },
): Promise<InboxPage> {
  const who = accountOf(actor);
  const mine = nq(db)
    .selectFrom('notify.inbox')
    .where('recipientKind', '=', who.kind)
    .where('recipientId', '=', who.id);
  const listed = q.unread === 'true' ? mine.where('readAt', 'is', null) : mine;
  const [rows, counts] = await Promise.all([
    listed
      .select(['id', 'event', 'title', 'body', 'link', 'createdAt', 'readAt'])
      .orderBy('createdAt', 'desc')
      .orderBy('id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    mine
      .select((eb) => [
        eb.fn.countAll<string>().as('total'),
        eb.fn.count<string>('id').filterWhere('readAt', 'is', null).as('unread'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    messages: rows.map((r) => ({
      id: r.id,
      kind: r.event,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: new Date(r.createdAt).toISOString(),
      read: r.readAt !== null,
    })),
    total: q.unread === 'true' ? Number(counts.unread) : Number(counts.total),
    unread: Number(counts.unread),
  };
}

/** Marks messages read (all unread ones when `ids` is absent); answers the unread count left. */
export async function markRead(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  ids: string[] | undefined,
): Promise<{ unread: number }> {
  const who = accountOf(actor);
  const at = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    let q = nq(trx)
      .updateTable('notify.inbox')
      .set({ readAt: at })
      .where('recipientKind', '=', who.kind)
      .where('recipientId', '=', who.id)
      .where('readAt', 'is', null);
    if (ids) q = q.where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
    const read = await q.returning('deliveryId').execute();
    if (ids && ids.length === 1 && read.length === 0) {
      const exists = await nq(trx)
        .selectFrom('notify.inbox')
        .select('id')
        .where('id', '=', ids[0]!)
        .where('recipientKind', '=', who.kind)
        .where('recipientId', '=', who.id)
        .executeTakeFirst();
      if (!exists) throw notFound('NOTIFY.NO_MESSAGE', { zh: '消息不存在', en: 'No such message' });
    }
    if (read.length) {
      const deliveryIds = read.map((r) => r.deliveryId);
      await nq(trx)
        .updateTable('notify.delivery')
        .set({ state: 'read', updatedAt: at })
        .where('id', 'in', deliveryIds)
        .execute();
      await nq(trx)
        .insertInto('notify.receipt')
        .values(deliveryIds.map((deliveryId) => ({ deliveryId, status: 'read' as const, at, detail: null })))
        .execute();
    }
    const left = await nq(trx)
      .selectFrom('notify.inbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('recipientKind', '=', who.kind)
      .where('recipientId', '=', who.id)
      .where('readAt', 'is', null)
      .executeTakeFirstOrThrow();
    return { unread: Number(left.n) };
  });
}
