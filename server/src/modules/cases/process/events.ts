import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { kq, type CaseStatus } from '../cases.tables.js';

export interface CaseEvent {
  caseId: string;
  actor: Actor;
  type: string;
  from: CaseStatus | null;
  to: CaseStatus | null;
  taskId?: string;
  detail?: Record<string, unknown>;
  at: Date;
}

/** The rows of the event log for these events (for statements that write them with other changes). */
export const eventRows = (events: CaseEvent[]) =>
  events.map((e) => ({
        caseId: e.caseId,
        at: e.at,
        actorId: e.actor.id,
        actorKind: e.actor.kind,
        type: e.type,
        fromStatus: e.from,
        toStatus: e.to,
        taskId: e.taskId ?? null,
    detail: JSON.stringify({ ...(e.actor.actingFor ? { actingFor: e.actor.actingFor.enterpriseId } : {}), ...(e.detail ?? {}) }),
  }));

/** Appends to the immutable case event log (who, what, when, from which state), in one statement. */
export async function appendCaseEvents(db: Db, events: CaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  await kq(db).insertInto('cases.event').values(eventRows(events)).execute();
}

export const appendCaseEvent = (db: Db, e: CaseEvent): Promise<void> => appendCaseEvents(db, [e]);
