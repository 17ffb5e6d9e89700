/** The SQL of the learning list: questions declined or found unhelpful, and their mappings. */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/index.js';
import { aq, type QuestionTable } from './assistant.tables.js';

export type QuestionRecord = QuestionTable;
export type MappedItem = { basicCode: string; name: string };

/** Counts a question on the list (one row per normalised question and reason); a dismissed one stays dismissed. */
export async function recordQuestion(
  db: Db,
  q: Pick<QuestionTable, 'question' | 'normalised' | 'service' | 'reason' | 'itemCode' | 'itemName'>,
  now: Date,
): Promise<void> {
  await aq(db)
    .insertInto('assistant.question')
    .values({ ...q, id: randomUUID(), count: 1, firstAskedAt: now, lastAskedAt: now, status: 'open' })
    .onConflict((oc) =>
      oc.columns(['normalised', 'reason']).doUpdateSet({
        count: sql`assistant.question.count + 1`,
        lastAskedAt: now,
        itemCode: q.itemCode,
        itemName: q.itemName,
      }),
    )
    .execute();
}

export async function listQuestions(db: Db, status: QuestionTable['status'], limit: number) {
  return aq(db)
    .selectFrom('assistant.question')
    .selectAll()
    .where('status', '=', status)
    .orderBy('count', 'desc')
    .orderBy('lastAskedAt', 'desc')
    .limit(limit)
    .execute();
}

export async function findQuestion(db: Db, id: string) {
  return aq(db).selectFrom('assistant.question').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateQuestion(
  db: Db,
  id: string,
  set: Pick<QuestionTable, 'status' | 'mappedBasicCode' | 'mappedItemName' | 'mappedSynonym' | 'mappedBy' | 'mappedAt'>,
) {
  return aq(db)
    .updateTable('assistant.question')
    .set(set)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Service phrases mapped to an item (基本编码 and name) by a catalogue administrator. */
export async function listMappedServices(db: Db): Promise<Map<string, MappedItem>> {
  const rows = await aq(db)
    .selectFrom('assistant.question')
    .select(['service', 'mappedBasicCode', 'mappedItemName'])
    .where('mappedBasicCode', 'is not', null)
    .where('service', '<>', '')
    .orderBy('mappedAt')
    .execute();
  return new Map(rows.map((r) => [r.service, { basicCode: r.mappedBasicCode!, name: r.mappedItemName ?? '' }]));
}
