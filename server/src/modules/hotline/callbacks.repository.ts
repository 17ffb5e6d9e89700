/** All SQL of the callback queue (hotline.callback). */
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { withinScope } from '../../platform/scope.js';
import { hq, type CallbackTable } from './hotline.tables.js';

export async function insertCallback(db: Db, row: CallbackTable): Promise<void> {
  await hq(db).insertInto('hotline.callback').values(row).execute();
}

/** The open request for a phone number (by its blind index), if there is one. */
export async function findOpenCallback(db: Db, phoneIndex: string) {
  return hq(db)
    .selectFrom('hotline.callback')
    .select(['reference', 'status', 'createdAt'])
    .where('phoneIndex', '=', phoneIndex)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

/** The queue within the staff member's region, oldest first while open, newest first once done. */
export async function listCallbacks(db: Db, actor: Actor, status: 'open' | 'done') {
  const q = hq(db)
    .selectFrom('hotline.callback')
    .select([
      'id',
      'reference',
      'regionCode',
      'personId',
      'phoneEnc',
      'name',
      'topic',
      'page',
      'status',
      'createdAt',
      'doneAt',
    ])
    .where('status', '=', status);
  return withinScope(q, actor, { region: 'regionCode' })
    .orderBy('createdAt', status === 'open' ? 'asc' : 'desc')
    .limit(200)
    .execute();
}

/** One request within the staff member's region. */
export async function findCallback(db: Db, actor: Actor, id: string) {
  const q = hq(db).selectFrom('hotline.callback').select(['id', 'phoneEnc', 'status']).where('id', '=', id);
  return withinScope(q, actor, { region: 'regionCode' }).executeTakeFirst();
}

export async function markCallbackDone(db: Db, id: string, by: string, at: Date): Promise<void> {
  await hq(db)
    .updateTable('hotline.callback')
    .set({ status: 'done', doneAt: at, doneBy: by })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
}
