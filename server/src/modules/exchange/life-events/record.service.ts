/**
 * Recording a life event once (一次登记, 多方知晓): the department that sees it records it; the
 * registries change, every matching subscription gets an inbox item or a pending webhook delivery,
 * and the outbox carries `exchange.life-event-recorded` for the platform's own reactions (the
 * cases module closes the person's open cases) — all in one transaction. Recording the same
 * reference again answers the event already recorded.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../../platform/context.js';
import { appendAudit, auditEntry } from '../../../platform/audit/index.js';
import { conflict, forbidden } from '../../../platform/errors.js';
import { appendEvent } from '../../../platform/outbox.js';
import type { ExchangeDeps } from '../exchange.deps.js';
import { sq } from '../exchange.tables.js';
import type { Department } from '../departments.js';
import { requireDepartment } from '../sharing/access.js';
import { applyLifeEvent } from './apply.js';
import { EVENT_NAMES, RECORDERS, type LifeEventInput } from './life-event.types.js';

/**
 * Who records: a registrar (登记员) for one of their own departments, or a department system for its
 * own. The department must be competent for the kind of event (民政 for marriages and deaths, 卫健
 * or 公安 for births, 公安 for residence, 市场监管 for enterprises) and for where its subjects are
 * registered: a department records for its region only.
 */
export type Recorder =
  | { kind: 'staff'; actor: Actor; departmentId: string }
  | { kind: 'client'; clientId: string; departmentId: string };

export interface Recorded {
  eventId: string;
  created: boolean;
  inboxItems: number;
  webhookDeliveries: number;
}

export async function recordLifeEvent(
  deps: ExchangeDeps,
  recorder: Recorder,
  input: LifeEventInput,
): Promise<Recorded> {
  const department = await deps.departments.get(recorder.departmentId);
  if (recorder.kind === 'staff') requireRegistrar(recorder.actor, department);
  requireRecorder(department, input);

  const existing = await findByReference(deps, department.id, input.reference);
  if (existing) return replay(existing, input);

  const id = randomUUID();
  const now = deps.now();
  const recordedBy = recorder.kind === 'staff' ? recorder.actor.id! : recorder.clientId;
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const applied = await applyLifeEvent(trx, deps.cipher, input);
      // Refused after the registry was read (and rolled back with the transaction): the subject's region is only known now.
      if (!applied.subjectRegions.some((r) => r.startsWith(department.regionCode)))
        throw outsideRegion(department, input);
      await sq(trx)
        .insertInto('exchange.lifeEvent')
        .values({
          id,
          type: input.type,
          occurredOn: input.occurredOn,
          regionCode: applied.regionCode,
          personIds: applied.personIds,
          creditCode: applied.creditCode,
          noticeEnc: deps.cipher.encrypt(JSON.stringify(applied.notice)),
          recordingDepartmentId: department.id,
          recordedBy,
          recordedByKind: recorder.kind,
          sourceReference: input.reference,
          recordedAt: now,
        })
        .execute();
      // Subscriptions of departments whose region covers the event's.
      const subscriptions = await sq(trx)
        .selectFrom('exchange.subscription')
        .select(['id', 'departmentId', 'regionCode', 'channel'])
        .where('active', '=', true)
        .where(sql<boolean>`${input.type} = ANY(event_types)`)
        .where(sql<boolean>`${applied.regionCode} LIKE region_code || '%'`)
        .execute();
      const inbox = subscriptions.filter((s) => s.channel === 'inbox');
      const webhooks = subscriptions.filter((s) => s.channel === 'webhook');
      if (inbox.length) {
        await sq(trx)
          .insertInto('exchange.inboxItem')
          .values(
            inbox.map((s) => ({
              id: randomUUID(),
              eventId: id,
              subscriptionId: s.id,
              departmentId: s.departmentId,
              regionCode: s.regionCode,
              createdAt: now,
              acknowledgedAt: null,
              acknowledgedBy: null,
            })),
          )
          .execute();
      }
      if (webhooks.length) {
        await sq(trx)
          .insertInto('exchange.webhookDelivery')
          .values(
            webhooks.map((s) => ({
              eventId: id,
              subscriptionId: s.id,
              state: 'pending' as const,
              nextAttemptAt: now,
              lastStatus: null,
              lastError: null,
              deliveredAt: null,
              createdAt: now,
            })),
          )
          .execute();
      }
      await appendEvent(
        trx,
        {
          topic: 'exchange.life-event-recorded',
          aggregateType: 'life_event',
          aggregateId: id,
          payload: {
            eventId: id,
            type: input.type,
            occurredOn: input.occurredOn,
            personIds: applied.personIds,
            creditCode: applied.creditCode,
          },
        },
        recordedBy,
      );
      const actor = recorder.kind === 'staff' ? recorder.actor : { id: recorder.clientId, kind: 'client' };
      await appendAudit(
        trx,
        auditEntry(actor, 'exchange.life-event-recorded', {
          targetType: 'life_event',
          targetId: id,
          reason: input.reference,
          detail: { type: input.type, departmentId: department.id, subscribers: subscriptions.length },
        }),
        deps.auditKey,
      );
      return { eventId: id, created: true, inboxItems: inbox.length, webhookDeliveries: webhooks.length };
    });
  } catch (e) {
    // Two recorders racing on one reference: the loser answers the winner's event.
    const raced = await findByReference(deps, department.id, input.reference);
    if (raced) return replay(raced, input);
    throw e;
  }
}

function requireRegistrar(actor: Actor, department: Department): void {
  requireDepartment(actor, department);
  if (!actor.roles.includes('registrar')) {
    throw forbidden('EXCHANGE.REGISTRAR_ONLY', {
      zh: '仅登记员可登记生命周期事件',
      en: 'Only registrars record life events',
    });
  }
}

const outsideRegion = (department: Department, input: LifeEventInput) =>
  forbidden(
    'EXCHANGE.NOT_IN_REGION',
    {
      zh: `${department.name}只能为本辖区登记的对象登记“${EVENT_NAMES[input.type].zh}”`,
      en: `This department records ${EVENT_NAMES[input.type].en} events only for subjects registered in its region`,
    },
    [],
    { type: input.type },
  );

function requireRecorder(department: Department, input: LifeEventInput): void {
  if (!RECORDERS[input.type].includes(department.category)) {
    throw forbidden(
      'EXCHANGE.NOT_RECORDER',
      {
        zh: `${department.name}不负责登记“${EVENT_NAMES[input.type].zh}”事件`,
        en: `This department does not record ${EVENT_NAMES[input.type].en} events`,
      },
      [],
      { type: input.type },
    );
  }
}

const findByReference = (deps: ExchangeDeps, departmentId: string, reference: string) =>
  sq(deps.db)
    .selectFrom('exchange.lifeEvent')
    .select(['id', 'type'])
    .where('recordingDepartmentId', '=', departmentId)
    .where('sourceReference', '=', reference)
    .executeTakeFirst();

function replay(existing: { id: string; type: string }, input: LifeEventInput): Recorded {
  if (existing.type !== input.type) {
    throw conflict('EXCHANGE.REFERENCE_REUSED', {
      zh: '该登记编号已用于另一类事件',
      en: 'This reference was already used for another kind of event',
    });
  }
  return { eventId: existing.id, created: false, inboxItems: 0, webhookDeliveries: 0 };
}
