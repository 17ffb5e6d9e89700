/**
 * 已阅: who saw a 黄牌/红牌 and when — recorded once per warning and person (the first look
 * counts; the warning keeps its first reader too), and shown beside the clock in the console.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { notFound } from '../../../platform/errors.js';
import { withinScope } from '../../../platform/scope.js';
import { staffDisplayNames } from '../../identity/index.js';
import type { WarningView } from '../../../../../contracts/supervision-warnings.js';
import type { SupervisionDeps } from '../supervision.deps.js';
import { svq } from '../supervision.tables.js';

const SUPERVISED = { regionWide: ['supervisor'] };

export async function markWarningSeen(
  deps: SupervisionDeps,
  actor: Actor,
  warningId: string,
): Promise<{ firstTime: boolean; seenAt: Date }> {
  const warning = await withinScope(
    svq(deps.db).selectFrom('supervision.warning').select('id').where('id', '=', warningId),
    actor,
    { region: 'regionCode', department: 'departmentId' },
    SUPERVISED,
  ).executeTakeFirst();
  if (!warning || !actor.id)
    throw notFound('SUPERVISION.NO_WARNING', {
      zh: '预警不存在或不在您的监督范围内',
      en: 'No such warning within your scope',
    });
  const staffId = actor.id;
  const at = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const inserted = await sql<{ seenAt: Date }>`
      INSERT INTO supervision.warning_seen (warning_id, staff_id, seen_at) VALUES (${warningId}, ${staffId}, ${at})
      ON CONFLICT DO NOTHING RETURNING seen_at AS "seenAt"`.execute(trx);
    if (inserted.rows.length === 0) {
      const { rows } = await sql<{ seenAt: Date }>`
        SELECT seen_at AS "seenAt" FROM supervision.warning_seen WHERE warning_id = ${warningId} AND staff_id = ${staffId}`.execute(
        trx,
      );
      return { firstTime: false, seenAt: rows[0]!.seenAt };
    }
    await svq(trx)
      .updateTable('supervision.warning')
      .set({ seenBy: staffId, seenAt: at })
      .where('id', '=', warningId)
      .where('seenAt', 'is', null)
      .execute();
    return { firstTime: true, seenAt: at };
  });
}

/** The open (uncleared) warning of each clock — the red one when both are open — with its readers. */
export async function openWarnings(db: Db, actor: Actor, clockIds: string[]): Promise<Map<string, WarningView>> {
  if (clockIds.length === 0) return new Map();
  const { rows } = await sql<{ id: string; clockId: string; level: 'yellow' | 'red'; raisedAt: Date }>`
    SELECT DISTINCT ON (clock_id) id, clock_id AS "clockId", level, raised_at AS "raisedAt"
      FROM supervision.warning WHERE clock_id = ANY(${clockIds}::uuid[]) AND cleared_at IS NULL
     ORDER BY clock_id, (level = 'red') DESC, raised_at DESC`.execute(db);
  const seen = rows.length
    ? (
        await sql<{ warningId: string; staffId: string; seenAt: Date }>`
          SELECT warning_id AS "warningId", staff_id AS "staffId", seen_at AS "seenAt" FROM supervision.warning_seen
           WHERE warning_id = ANY(${rows.map((r) => r.id)}::uuid[]) ORDER BY seen_at`.execute(db)
      ).rows
    : [];
  const names = await staffDisplayNames(db, [...new Set(seen.map((s) => s.staffId))]);
  return new Map(
    rows.map((w) => {
      const readers = seen.filter((s) => s.warningId === w.id);
      return [
        w.clockId,
        {
          id: w.id,
          level: w.level,
          raisedAt: w.raisedAt,
          seen: readers.map((s) => ({ name: names.get(s.staffId) ?? '—', at: s.seenAt })),
          seenByMe: readers.some((s) => s.staffId === actor.id),
        },
      ];
    }),
  );
}
