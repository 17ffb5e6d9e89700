/**
 * The sweep (电子监察 巡检): raises each 黄牌/红牌 once as time passes, without rewriting a clock.
 * A clock stores its moments (yellow_at, red_at: computed when it starts, pauses or moves); the
 * sweep is a watermark query over them — moments in (last sweep, now] — plus the few clocks saved
 * with a moment already behind the watermark (`recheck`), and it only inserts warnings (unique per
 * clock, level and due date). Sweeps lock the one watermark row, so nodes sweeping at once take
 * turns and none raises a warning twice. Warnings are published (`supervision.warning-raised`,
 * one event per department and level, listing them) for the notify module with whom to tell: the
 * clocks' owners and department (yellow), the department head and the supervising unit of the
 * region above (red). An overdue 督办 order is marked escalated.
 */
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../../../platform/db/index.js';

export const WARNING_RAISED = 'supervision.warning-raised';

const REGION_ABOVE = sql.raw(`CASE WHEN length(m.region_code) > 6 THEN left(m.region_code, 6)
  WHEN length(m.region_code) > 2 THEN left(m.region_code, length(m.region_code) - 2) ELSE m.region_code END`);

/**
 * The one statement that raises the warnings crossed in (`from`, `at`] (exported for the
 * benchmark's EXPLAIN). A clock past both moments gets its red card only.
 */
export function raiseStatement(from: Date, at: Date) {
  const recipients = sql`CASE WHEN m.level = 'red'
      THEN jsonb_build_object('departmentId', m.department_id, 'roles', jsonb_build_array('department_head'),
             'supervisingRegion', min(r.escalated_to_region))
      ELSE jsonb_build_object('departmentId', m.department_id,
             'staffIds', jsonb_agg(DISTINCT m.owner_staff_id) FILTER (WHERE m.owner_staff_id IS NOT NULL)) END`;
  const columns = sql`id, kind, subject_id, case_id, reference, title, region_code, department_id, owner_staff_id, due_on`;
  return sql<{ red: number; yellow: number }>`
    WITH crossed AS (
      SELECT ${columns}, 'red'::text AS level FROM supervision.clock
       WHERE state = 'running' AND red_at > ${from} AND red_at <= ${at} AND NOT recheck
      UNION ALL
      SELECT ${columns}, 'yellow' FROM supervision.clock
       WHERE state = 'running' AND yellow_at > ${from} AND yellow_at <= ${at} AND red_at > ${at} AND NOT recheck
      UNION ALL
      SELECT ${columns}, CASE WHEN red_at <= ${at} THEN 'red' ELSE 'yellow' END FROM supervision.clock
       WHERE recheck AND state = 'running' AND yellow_at <= ${at}
    ), raised AS (
      INSERT INTO supervision.warning (id, clock_id, level, due_on, region_code, department_id, escalated_to_region, raised_at)
      SELECT gen_random_uuid(), m.id, m.level, m.due_on, m.region_code, m.department_id,
             CASE WHEN m.level = 'red' THEN ${REGION_ABOVE} END, ${at}
        FROM crossed m
      ON CONFLICT (clock_id, level, due_on) DO NOTHING
      RETURNING id, clock_id, level, escalated_to_region
    ), published AS (
      -- One event per department and level, listing its warnings: a digest for the head rather
      -- than one message per clock (and a tenth of the sweep's cost at provincial scale).
      INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, occurred_at)
      SELECT ${WARNING_RAISED}, 'supervision.department', coalesce(m.department_id::text, m.region_code),
             jsonb_build_object('level', m.level, 'regionCode', min(m.region_code), 'departmentId', m.department_id,
               'recipients', ${recipients},
               'warnings', jsonb_agg(jsonb_build_object('warningId', r.id, 'clockKind', m.kind, 'reference', m.reference,
                 'title', m.title, 'caseId', m.case_id, 'staffId', m.owner_staff_id, 'dueOn', m.due_on))),
             ${at}
        FROM raised r JOIN crossed m ON m.id = r.clock_id AND m.level = r.level
       GROUP BY m.level, m.department_id, coalesce(m.department_id::text, m.region_code)
    ), escalated AS (
      -- An order being answered right now is skipped, not waited for.
      UPDATE supervision."order" o SET escalated_at = ${at}
       WHERE o.id IN (SELECT o2.id FROM supervision."order" o2 JOIN crossed m ON o2.id::text = m.subject_id
                       WHERE m.level = 'red' AND m.kind = 'order' AND o2.escalated_at IS NULL
                         FOR UPDATE OF o2 SKIP LOCKED)
    )
    SELECT (SELECT count(*) FROM raised WHERE level = 'red')::int AS red,
           (SELECT count(*) FROM raised WHERE level = 'yellow')::int AS yellow`;
}

/**
 * One sweep at `at`: waits its turn on the watermark, raises what crossed since, moves the
 * watermark (never back) and lets go of the rechecked clocks it has settled.
 */
export async function sweep(db: Db, at: Date): Promise<{ red: number; yellow: number }> {
  return db.transaction().execute(async (trx) => {
    const mark = await sql<{ sweptTo: Date }>`
      SELECT swept_to AS "sweptTo" FROM supervision.sweep_mark WHERE id = 1 FOR UPDATE`.execute(trx);
    const from = mark.rows[0]!.sweptTo;
    // A later statement: it sees every clock committed while this sweep waited for the mark.
    const { rows } = await raiseStatement(from, at).execute(trx);
    const to = at > from ? at : from;
    await sql`UPDATE supervision.sweep_mark SET swept_to = ${to} WHERE id = 1`.execute(trx);
    // A rechecked clock is settled once neither moment lies between `at` and the watermark.
    await sql`
      UPDATE supervision.clock SET recheck = false
       WHERE id IN (SELECT id FROM supervision.clock WHERE recheck
                       AND (yellow_at <= ${at} OR yellow_at > ${to}) AND (red_at <= ${at} OR red_at > ${to})
                       FOR UPDATE SKIP LOCKED)`.execute(trx);
    return rows[0]!;
  });
}

/** Runs the sweep every `everyMs` in the background; every failure is logged, none stops it. */
export class SweepJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  /**
   * @param after work that follows each sweep at the same moment (the running special procedures
   * judged for 异常监察); its failure is logged like the sweep's.
   */
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly everyMs: number,
    private readonly log: Pick<Logger, 'info' | 'error'>,
    private readonly after: (at: Date) => Promise<unknown> = async () => undefined,
  ) {}

  start(): void {
    if (this.timer || this.everyMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      const at = this.now();
      this.running = sweep(this.db, at)
        .then(async (n) => {
          await this.after(at);
          return n;
        })
        .then(
          (n) => {
            if (n.red + n.yellow > 0) this.log.info(n, 'supervision sweep raised warnings');
          },
          (e: unknown) => this.log.error({ err: e }, 'supervision sweep failed'),
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
