import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { kq, type CaseStatus } from '../cases.tables.js';

/** Every kind of entry the case event log holds (办理记录); each has a display name in contracts/display-names.ts. */
export const CASE_EVENT_TYPES = [
  'submitted',
  'released',
  'supplement-requested',
  'supplemented',
  'accepted',
  'not-accepted',
  'stage-opened',
  'task-claimed',
  'task-reassigned',
  'task-approved',
  'opinion',
  'extension-requested',
  'extension-approved',
  'extension-refused',
  'returned',
  'suspended',
  'resumed',
  'approved',
  'refused',
  'withdrawn',
  'terminated',
  'materials-reused',
  'material-added',
  'material-promised',
  'material-received',
  'promise-fulfilled',
  'another-notice-approved',
  'delivery-chosen',
  'delivery-dispatch',
  'delivery-delivered',
  'delivery-collected',
  'fee-due',
  'fee-paid',
  'fee-waived',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export interface CaseEvent {
  caseId: string;
  actor: Actor;
  type: CaseEventType;
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
    detail: JSON.stringify({
      ...(e.actor.actingFor ? { actingFor: e.actor.actingFor.enterpriseId } : {}),
      ...(e.detail ?? {}),
    }),
  }));

/** Appends to the immutable case event log (who, what, when, from which state), in one statement. */
export async function appendCaseEvents(db: Db, events: CaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  await kq(db).insertInto('cases.event').values(eventRows(events)).execute();
}

export const appendCaseEvent = (db: Db, e: CaseEvent): Promise<void> => appendCaseEvents(db, [e]);
