/**
 * 预警阈值 per item type (事项类型): read by supervisors and heads, changed by a system
 * administrator — validated, audited (before and after), and applied at once: the open clocks of
 * the types concerned get their moments computed again.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../platform/context.js';
import { appendAudit } from '../../../platform/audit/index.js';
import type { Db } from '../../../platform/db/index.js';
import { forbidden } from '../../../platform/errors.js';
import { ItemType } from '../../../../../contracts/catalog.js';
import type { PutThresholds } from '../../../../../contracts/supervision-warnings.js';
import type { SupervisionDeps } from '../supervision.deps.js';
import { svq } from '../supervision.tables.js';
import { DEFAULT_THRESHOLD, warningMoments } from '../clocks/clock-rules.js';
import { shareSweepMark, thresholdFor } from '../clocks/clocks.repository.js';

export const THRESHOLD_ADMINS = ['system_admin'];

const rowsOf = (db: Db) =>
  svq(db).selectFrom('supervision.threshold').select(['itemType', 'yellowDays', 'yellowShare', 'updatedAt']).execute();

/** Every item type's threshold: its own, else `*`'s, else the platform default. */
export async function listThresholds(deps: SupervisionDeps, actor: Actor) {
  const rows = new Map((await rowsOf(deps.db)).map((r) => [r.itemType, r]));
  const fallback = rows.get('*');
  const view = (itemType: string) => {
    const own = rows.get(itemType);
    const t = own ?? fallback;
    return {
      itemType: itemType as '*',
      yellowDays: t ? t.yellowDays : DEFAULT_THRESHOLD.days,
      yellowShare: t ? Number(t.yellowShare) : DEFAULT_THRESHOLD.share,
      own: Boolean(own),
      updatedAt: own?.updatedAt ?? null,
    };
  };
  return {
    thresholds: ['*', ...ItemType.options].map(view),
    editable: THRESHOLD_ADMINS.some((r) => actor.roles.includes(r)),
  };
}

export async function putThresholds(
  deps: SupervisionDeps,
  actor: Actor,
  input: PutThresholds,
  meta: { ip?: string } = {},
): Promise<{ clocksUpdated: number }> {
  if (actor.kind !== 'staff' || !THRESHOLD_ADMINS.some((r) => actor.roles.includes(r)))
    throw forbidden('SUPERVISION.ADMINS_ONLY', {
      zh: '仅系统管理员可以修改预警阈值',
      en: 'Only system administrators change warning thresholds',
    });
  const at = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await rowsOf(trx);
    for (const t of input.thresholds)
      await svq(trx)
        .insertInto('supervision.threshold')
        .values({ ...t, updatedBy: actor.id, updatedAt: at })
        .onConflict((oc) =>
          oc.column('itemType').doUpdateSet({
            yellowDays: t.yellowDays,
            yellowShare: t.yellowShare,
            updatedBy: actor.id,
            updatedAt: at,
          }),
        )
        .execute();
    const clocksUpdated = await recomputeMoments(
      deps,
      trx,
      input.thresholds.map((t) => t.itemType),
    );
    await appendAudit(
      trx,
      {
        at,
        actorId: actor.id,
        actorKind: actor.kind,
        onBehalfOf: null,
        action: 'supervision.thresholds-changed',
        targetType: 'supervision.threshold',
        targetId: input.thresholds.map((t) => t.itemType).join(','),
        ip: meta.ip ?? null,
        reason: null,
        detail: {
          before: before.map((r) => ({
            itemType: r.itemType,
            yellowDays: r.yellowDays,
            yellowShare: Number(r.yellowShare),
          })),
          after: input.thresholds,
          clocksUpdated,
        },
      },
      deps.auditKey,
    );
    return { clocksUpdated };
  });
}

/** The open clocks governed by the changed types get their yellow and red moments again. */
async function recomputeMoments(deps: SupervisionDeps, trx: Db, changed: string[]): Promise<number> {
  const sweptTo = await shareSweepMark(trx);
  const own = (await rowsOf(trx)).map((r) => r.itemType).filter((t) => t !== '*');
  const types = changed.filter((t) => t !== '*');
  const clocks = await svq(trx)
    .selectFrom('supervision.clock')
    .select(['id', 'itemType', 'state', 'startedOn', 'dueOn', 'limitDays'])
    .where('state', '<>', 'stopped')
    .where((eb) => {
      const ors = types.length ? [eb('itemType', 'in', types)] : [];
      if (changed.includes('*'))
        ors.push(eb.or([eb('itemType', 'is', null), ...(own.length ? [eb('itemType', 'not in', own)] : [])]));
      return eb.or(ors);
    })
    .execute();
  if (clocks.length === 0) return 0;
  const calendar = await deps.calendar.calendar(trx);
  const thresholds = new Map<string | null, Awaited<ReturnType<typeof thresholdFor>>>();
  const moments = [];
  for (const c of clocks) {
    if (!thresholds.has(c.itemType)) thresholds.set(c.itemType, await thresholdFor(trx, c.itemType));
    moments.push({ id: c.id, ...warningMoments(calendar, c, thresholds.get(c.itemType)!) });
  }
  for (let i = 0; i < moments.length; i += 5000) {
    const batch = moments.slice(i, i + 5000);
    await sql`
      UPDATE supervision.clock c SET yellow_at = v.y, red_at = v.r, recheck = (c.state = 'running' AND v.y <= ${sweptTo})
        FROM unnest(${batch.map((m) => m.id)}::uuid[], ${batch.map((m) => m.yellowAt.toISOString())}::timestamptz[],
                    ${batch.map((m) => m.redAt.toISOString())}::timestamptz[]) AS v(id, y, r)
       WHERE c.id = v.id`.execute(trx);
  }
  return moments.length;
}
