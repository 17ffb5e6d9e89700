/**
 * A step written in one statement, guarded by the case's version instead of a row lock: the case
 * is updated only if nobody changed it since it was read, and the new tasks and events are written
 * only if that update happened. No transaction, one round trip. Returns false when the case had
 * changed (the caller re-reads it and answers 409 with its state).
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/index.js';
import type { CaseStatus } from '../cases.tables.js';
import { eventRows, type CaseEvent } from './events.js';

const snake = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));

export async function guardedStep(
  db: Db,
  c: { id: string; version: number; status: CaseStatus },
  step: {
    status: CaseStatus;
    acceptedOn?: string;
    dueOn?: string;
    stageIndex: number;
    at: Date;
    tasks: Record<string, unknown>[];
    events: CaseEvent[];
  },
): Promise<boolean> {
  const tasks = JSON.stringify(step.tasks.map((t) => snake({ ...t, version: 1 })));
  const events = JSON.stringify(eventRows(step.events).map((e) => snake({ ...e, detail: JSON.parse(e.detail) })));
  const result = await sql<{ n: number }>`
    WITH moved AS (
      UPDATE cases."case" SET status = ${step.status}, accepted_on = COALESCE(${step.acceptedOn ?? null}::date, accepted_on),
        due_on = COALESCE(${step.dueOn ?? null}::date, due_on), stage_index = ${step.stageIndex}, version = version + 1, updated_at = ${step.at}
      WHERE id = ${c.id} AND version = ${c.version} AND status = ${c.status}
      RETURNING id
    ), opened AS (
      INSERT INTO cases.task SELECT r.* FROM moved, jsonb_populate_recordset(NULL::cases.task, ${tasks}::jsonb) r
    ), logged AS (
      INSERT INTO cases.event (case_id, at, actor_id, actor_kind, type, from_status, to_status, task_id, detail)
      SELECT r.case_id, r.at, r.actor_id, r.actor_kind, r.type, r.from_status, r.to_status, r.task_id, r.detail
      FROM moved, jsonb_populate_recordset(NULL::cases.event, ${events}::jsonb) r
    )
    SELECT count(*)::int AS n FROM moved`.execute(db);
  return result.rows[0]!.n === 1;
}
