/**
 * When the engine runs: a life event (the households or enterprise concerned, the policies it
 * triggers), a new or changed policy applied by a policy officer (everyone, that policy), and the
 * daily schedule (everyone, every policy: birthdays reaching 60, 65, 80, a new year's period,
 * registry corrections).
 */
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { beijingDate } from '../../platform/calendar/beijing.js';
import type { EventPayload } from '../../platform/outbox.js';
import type { ProactiveDeps } from './proactive.deps.js';
import { loadPolicies, loadPolicy } from './admin/policy-book.js';
import { POLICY_OFFICERS } from './policies.service.js';
import { judge, type RunResult } from './judge.service.js';

/** A life event, in the outbox delivery's transaction: once however often it is delivered (unique keys). */
export async function onLifeEvent(
  trx: Db,
  deps: ProactiveDeps,
  e: EventPayload<'exchange.life-event-recorded'>,
): Promise<RunResult> {
  const policies = (await loadPolicies(trx)).filter((p) => p.triggers.includes(e.type));
  return judge(trx, deps, {
    trigger: `life-event:${e.eventId}`,
    on: beijingDate(deps.now()),
    scope: { householdsOf: e.personIds, creditCodes: e.creditCode ? [e.creditCode] : [] },
    policies,
  });
}

export async function applyPolicy(deps: ProactiveDeps, actor: Actor, code: string, on: string): Promise<RunResult> {
  if (actor.kind !== 'staff' || !POLICY_OFFICERS.some((r) => actor.roles.includes(r)))
    throw forbidden('PROACTIVE.NOT_POLICY_OFFICER', {
      zh: '仅政策管理人员可运行政策',
      en: 'Only policy officers run policies',
    });
  const result = await deps.db.transaction().execute(async (trx) => {
    const policy = await loadPolicy(trx, code);
    if (!policy) throw notFound('PROACTIVE.POLICY_NOT_FOUND', { zh: '未找到该政策', en: 'No such policy' });
    return judge(trx, deps, { trigger: `policy:${code}`, on, scope: { all: true }, policies: [policy] });
  });
  deps.log.info({ policy: code, on, ...result, by: actor.id }, 'proactive policy applied');
  return result;
}

/** The daily re-check of everyone under every policy. */
export async function recheckAll(deps: ProactiveDeps, at: Date): Promise<RunResult> {
  return deps.db
    .transaction()
    .execute((trx) => judge(trx, deps, { trigger: 'schedule', on: beijingDate(at), scope: { all: true } }));
}

/** Runs `recheckAll` every `everyMs` on nodes running workers; failures are logged, never lost. */
export class RecheckJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly deps: ProactiveDeps,
    private readonly everyMs: number,
  ) {}

  start(): void {
    if (this.timer || this.everyMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = recheckAll(this.deps, this.deps.now())
        .then(
          (r) => this.deps.log.info(r, 'proactive re-check done'),
          (e: unknown) => this.deps.log.error({ err: e }, 'proactive re-check failed'),
        )
        .finally(() => (this.running = undefined));
    }, this.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
