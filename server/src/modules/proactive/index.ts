/**
 * proactive (主动服务 · 免申即享 · 政策找人): policies written as rules over registry facts, judged
 * column-wise over the population on life events, on a changed policy and on a schedule; automatic
 * grants decided by the system through the case engine, offers for policies that need an
 * application (followed to the case filed for them and its decision), and each decision's
 * explanation. Events: `proactive.benefit-granted`, `proactive.offer-made`,
 * `proactive.grant-under-review`; it reads `cases.case-submitted` and `cases.case-decided`.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { OutboxSubscriber } from '../../platform/outbox-dispatcher.js';
import { subscriber } from '../../platform/outbox.js';
import type { ProactiveDeps } from './proactive.deps.js';
import { proactiveRoutes } from './proactive.routes.js';
import { policyAdminRoutes } from './admin/admin.routes.js';
import { onLifeEvent, RecheckJob, recheckAll } from './runs.service.js';
import { followApplication, followApplications } from './applications.js';

export type { ProactiveDeps } from './proactive.deps.js';
export { RecheckJob, recheckAll };
export { POLICIES } from './policies/index.js';
export { autoApprovalPort } from './auto-approval.port.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The engine's daily re-check at a moment (tests call it instead of waiting for the timer). */
    proactiveRecheck: (at?: Date) => ReturnType<typeof recheckAll>;
  }
}

/** The routes, and the daily re-check on nodes running workers (`recheckMs` 0: none). */
export const proactiveModule: FastifyPluginAsync<{ deps: ProactiveDeps; recheckMs: number }> = async (
  app,
  { deps, recheckMs },
) => {
  await app.register(proactiveRoutes, { deps });
  await app.register(policyAdminRoutes, { deps });
  const job = new RecheckJob(deps, recheckMs);
  app.addHook('onReady', async () => job.start());
  app.addHook('onClose', async () => job.stop());
};

/** Judges the households and enterprises a life event concerns (birth, death, enterprise established…). */
export function proactiveSubscriber(deps: ProactiveDeps): OutboxSubscriber {
  return subscriber('proactive.life-events', ['exchange.life-event-recorded'], async ({ payload }, trx) => {
    const r = await onLifeEvent(trx, deps, payload);
    if (r.granted + r.offered + r.flagged)
      deps.log.info({ event: payload.eventId, ...r }, 'proactive: life event judged');
  });
}

/** 政策找人 followed: a case filed for an offered policy's item links to the offer; its decision is kept (触达统计). */
export function applicationsSubscriber(): OutboxSubscriber {
  return subscriber(
    'proactive.applications',
    ['cases.case-submitted', 'cases.case-decided'],
    async ({ payload }, trx) => followApplication(trx, payload.caseId),
    async (events, trx) =>
      followApplications(
        trx,
        events.map((e) => e.payload.caseId),
      ),
  );
}
