/** The SQL of conversations: short-lived rows, deleted once expired. */
import type { Db } from '../../platform/db/index.js';
import { aq, type ConversationTable } from './assistant.tables.js';

export type Conversation = ConversationTable;

export async function findConversation(db: Db, id: string, now: Date): Promise<Conversation | undefined> {
  return aq(db)
    .selectFrom('assistant.conversation')
    .selectAll()
    .where('id', '=', id)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
}

/** Writes a conversation's state after a turn (a new conversation is inserted). */
export async function saveConversation(db: Db, c: Conversation): Promise<void> {
  const row = { ...c, pending: JSON.stringify(c.pending) as unknown as Conversation['pending'] };
  await aq(db)
    .insertInto('assistant.conversation')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        itemCode: row.itemCode,
        itemName: row.itemName,
        regionCode: row.regionCode,
        regionName: row.regionName,
        pending: row.pending,
        lastAnswerId: row.lastAnswerId,
        lastQuestion: row.lastQuestion,
        lastDeclined: row.lastDeclined,
        turns: row.turns,
        expiresAt: row.expiresAt,
      }),
    )
    .execute();
}

/** Deletes expired conversations (a few hundred at a time, as new ones start). */
export async function deleteExpiredConversations(db: Db, now: Date): Promise<number> {
  const rows = await aq(db)
    .deleteFrom('assistant.conversation')
    .where('id', 'in', (eb) =>
      eb.selectFrom('assistant.conversation').select('id').where('expiresAt', '<=', now).limit(500),
    )
    .executeTakeFirst();
  return Number(rows.numDeletedRows);
}
