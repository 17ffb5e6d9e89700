import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { kq, type CaseStatus } from '../cases.tables.js';

/** Appends to the immutable case event log (who, what, when, from which state). */
export async function appendCaseEvent(
  db: Db,
  e: { caseId: string; actor: Actor; type: string; from: CaseStatus | null; to: CaseStatus | null; taskId?: string; detail?: Record<string, unknown>; at: Date },
): Promise<void> {
  await kq(db)
    .insertInto('cases.event')
    .values({
      caseId: e.caseId,
      at: e.at,
      actorId: e.actor.id,
      actorKind: e.actor.kind,
      type: e.type,
      fromStatus: e.from,
      toStatus: e.to,
      taskId: e.taskId ?? null,
      detail: JSON.stringify({ ...(e.actor.actingFor ? { actingFor: e.actor.actingFor.enterpriseId } : {}), ...(e.detail ?? {}) }),
    })
    .execute();
}
