/**
 * Writing a material entry (a file, a promise, a paper original) and its events. Two ways with one
 * outcome: `recordLocked` inside a transaction that holds the case's lock, and `recordGuarded`, the
 * usual upload in one statement — it locks the case row, supersedes the entry that stood when the
 * caller read it and adds the new one only if the case is still in the status the caller checked
 * and that entry still stands (a concurrent first entry fails on the unique index of current
 * entries). When the guard fails nothing is written and the caller takes the locked path.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../../platform/context.js';
import { isUniqueViolation, type Db } from '../../../platform/db/index.js';
import { kq, type CaseStatus, type MaterialTable } from '../cases.tables.js';
import { appendCaseEvents, eventRows, type CaseEvent, type CaseEventType } from '../process/events.js';

export type Current = { id: string; kind: MaterialTable['kind']; dueOn: string | null };

export type NewEntry = {
  name: string;
  kind: 'upload' | 'promise' | 'paper';
  fileKey?: string;
  contentType?: string;
  size?: number;
  reference?: string;
};

const EVENT_OF: Record<NewEntry['kind'], CaseEventType> = {
  upload: 'material-added',
  promise: 'material-promised',
  paper: 'material-received',
};

/** The events of a new entry: what was added (and what it replaced); a promise replaced by the material is fulfilled. */
function entryEvents(
  actor: Actor,
  caseId: string,
  index: number,
  row: NewEntry,
  current: Current | undefined,
  at: Date,
): CaseEvent[] {
  const detail = {
    index,
    name: row.name,
    ...(row.size ? { size: row.size, contentType: row.contentType } : {}),
    ...(current ? { replaced: current.kind } : {}),
  };
  const events: CaseEvent[] = [{ caseId, actor, type: EVENT_OF[row.kind], from: null, to: null, at, detail }];
  if (current?.kind === 'promise' && row.kind !== 'promise') {
    events.push({
      caseId,
      actor,
      type: 'promise-fulfilled',
      from: null,
      to: null,
      at,
      detail: { index, name: row.name, dueOn: current.dueOn },
    });
  }
  return events;
}

const materialRow = (id: string, actor: Actor, caseId: string, index: number, row: NewEntry, at: Date) => ({
  id,
  caseId,
  materialIndex: index,
  name: row.name,
  kind: row.kind,
  fileKey: row.fileKey ?? null,
  contentType: row.contentType ?? null,
  size: row.size ?? null,
  reference: row.reference ?? null,
  addedBy: actor.id!,
  addedAt: at,
});

/** Writes the entry on a case locked in the caller's transaction; what stood before becomes history. */
export async function recordLocked(
  trx: Db,
  actor: Actor,
  caseId: string,
  index: number,
  row: NewEntry,
  current: Current | undefined,
  at: Date,
): Promise<string> {
  const id = randomUUID();
  if (current)
    await kq(trx).updateTable('cases.material').set({ supersededAt: at }).where('id', '=', current.id).execute();
  await kq(trx)
    .insertInto('cases.material')
    .values(materialRow(id, actor, caseId, index, row, at))
    .execute();
  await appendCaseEvents(trx, entryEvents(actor, caseId, index, row, current, at));
  return id;
}

/**
 * The entry in one statement, when the case still has `seen.status` and `seen.current` still
 * stands for the material (the checks the caller made on them hold); undefined when not, with
 * nothing written.
 */
export async function recordGuarded(
  db: Db,
  actor: Actor,
  caseId: string,
  index: number,
  row: NewEntry,
  seen: { status: CaseStatus; current: Current | undefined },
  at: Date,
): Promise<string | undefined> {
  const id = randomUUID();
  const m = materialRow(id, actor, caseId, index, row, at);
  const events = JSON.stringify(
    eventRows(entryEvents(actor, caseId, index, row, seen.current, at)).map((e) => ({
      case_id: e.caseId,
      at: e.at,
      actor_id: e.actorId,
      actor_kind: e.actorKind,
      type: e.type,
      from_status: e.fromStatus,
      to_status: e.toStatus,
      task_id: e.taskId,
      detail: JSON.parse(e.detail),
    })),
  );
  try {
    const result = await sql<{ n: number }>`
      WITH locked AS (
        SELECT id FROM cases."case" WHERE id = ${caseId} AND status = ${seen.status} FOR UPDATE
      ), superseded AS (
        UPDATE cases.material SET superseded_at = ${at}
        WHERE id = ${seen.current?.id ?? null}::uuid AND superseded_at IS NULL AND EXISTS (SELECT 1 FROM locked)
        RETURNING id
      ), added AS (
        INSERT INTO cases.material (id, case_id, material_index, name, kind, file_key, content_type, size, reference, added_by, added_at)
        SELECT ${m.id}::uuid, locked.id, ${m.materialIndex}::int, ${m.name}, ${m.kind}, ${m.fileKey}, ${m.contentType},
          ${m.size}::int, ${m.reference}, ${m.addedBy}::uuid, ${m.addedAt}::timestamptz
        FROM locked WHERE (SELECT count(*) FROM superseded) = ${seen.current ? 1 : 0}
        RETURNING case_id
      ), logged AS (
        INSERT INTO cases.event (case_id, at, actor_id, actor_kind, type, from_status, to_status, task_id, detail)
        SELECT r.case_id, r.at, r.actor_id, r.actor_kind, r.type, r.from_status, r.to_status, r.task_id, r.detail
        FROM added, jsonb_populate_recordset(NULL::cases.event, ${events}::jsonb) r
      )
      SELECT count(*)::int AS n FROM added`.execute(db);
    return result.rows[0]!.n === 1 ? id : undefined;
  } catch (e) {
    // A first entry for the material written meanwhile by a concurrent request.
    if (isUniqueViolation(e)) return undefined;
    throw e;
  }
}
