/**
 * The sweep (电子监察 巡检): moves clocks whose moment has come into yellow and red and raises each
 * warning once. Plain SQL over the precomputed moments: the rows are claimed `FOR UPDATE SKIP
 * LOCKED`, so nodes sweeping at once share the work, and a warning is unique per clock, level and
 * due date, so none is raised twice. Warnings are published (`supervision.warning-raised`, one
 * event per department and level in a batch, listing them) for the notify module with whom to
 * tell: the clocks' owners and department (yellow), the department head and the supervising unit
 * of the region above (red). An overdue 督办 order is marked escalated.
 */
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../../../platform/db/index.js';

export const WARNING_RAISED = 'supervision.warning-raised';

const BATCH = 20_000;

const REGION_ABOVE = sql.raw(`CASE WHEN length(m.region_code) > 6 THEN left(m.region_code, 6)
  WHEN length(m.region_code) > 2 THEN left(m.region_code, length(m.region_code) - 2) ELSE m.region_code END`);

/** The one statement that moves a batch of clocks into `level` at `at` (exported for the benchmark's EXPLAIN). */
export function raiseStatement(level: 'yellow' | 'red', at: Date) {
  const crossed =
    level === 'red'
      ? sql`state IN ('running', 'yellow') AND red_at <= ${at}`
      : sql`state = 'running' AND yellow_at <= ${at} AND red_at > ${at}`;
  // In the order of the partial index that finds them (clock_turns_red / clock_turns_yellow).
  const order = level === 'red' ? sql`red_at` : sql`yellow_at`;
  const recipients =
    level === 'red'
      ? sql`jsonb_build_object('departmentId', m.department_id, 'roles', jsonb_build_array('department_head'),
              'supervisingRegion', min(r.escalated_to_region))`
      : sql`jsonb_build_object('departmentId', m.department_id, 'staffIds', jsonb_agg(DISTINCT m.owner_staff_id) FILTER (WHERE m.owner_staff_id IS NOT NULL))`;
  return sql<{ n: number }>`
    WITH due AS (
      SELECT id FROM supervision.clock WHERE ${crossed} ORDER BY ${order} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
    ), moved AS (
      UPDATE supervision.clock c SET state = ${level}, updated_at = ${at} WHERE c.id = ANY (ARRAY(SELECT id FROM due))
      RETURNING c.id, c.kind, c.subject_id, c.case_id, c.reference, c.title, c.region_code, c.department_id, c.owner_staff_id, c.due_on
    ), raised AS (
      INSERT INTO supervision.warning (id, clock_id, level, due_on, region_code, department_id, escalated_to_region, raised_at)
      SELECT gen_random_uuid(), m.id, ${level}, m.due_on, m.region_code, m.department_id,
             ${level === 'red' ? REGION_ABOVE : sql`NULL`}, ${at}
        FROM moved m
      ON CONFLICT (clock_id, level, due_on) DO NOTHING
      RETURNING id, clock_id, escalated_to_region
    ), published AS (
      -- One event per department and level in each batch, listing its warnings: a digest for the
      -- head rather than one message per clock (and a tenth of the sweep's cost at provincial scale).
      INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, occurred_at)
      SELECT ${WARNING_RAISED}, 'supervision.department', coalesce(m.department_id::text, m.region_code),
             jsonb_build_object('level', ${level}::text, 'regionCode', min(m.region_code), 'departmentId', m.department_id,
               'recipients', ${recipients},
               'warnings', jsonb_agg(jsonb_build_object('warningId', r.id, 'clockKind', m.kind, 'reference', m.reference,
                 'title', m.title, 'caseId', m.case_id, 'staffId', m.owner_staff_id, 'dueOn', m.due_on))),
             ${at}
        FROM raised r JOIN moved m ON m.id = r.clock_id
       GROUP BY m.department_id, coalesce(m.department_id::text, m.region_code)
    ), escalated AS (
      UPDATE supervision."order" o SET escalated_at = ${at} FROM moved m
       WHERE ${level === 'red' ? sql`true` : sql`false`} AND m.kind = 'order' AND o.id::text = m.subject_id AND o.escalated_at IS NULL
    )
    SELECT (SELECT count(*) FROM moved)::int AS n`;
}

async function raise(db: Db, level: 'yellow' | 'red', at: Date): Promise<number> {
  const { rows } = await raiseStatement(level, at).execute(db);
  return rows[0]!.n;
}

/** One sweep at `at`: red first (a clock past both moments gets its red card only), then yellow. */
export async function sweep(db: Db, at: Date): Promise<{ red: number; yellow: number }> {
  const out = { red: 0, yellow: 0 };
  for (const level of ['red', 'yellow'] as const) {
    for (;;) {
      const n = await db.transaction().execute((trx) => raise(trx, level, at));
      out[level] += n;
      if (n < BATCH) break;
    }
  }
  return out;
}

/** Runs the sweep every `everyMs` in the background; every failure is logged, none stops it. */
export class SweepJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly everyMs: number,
    private readonly log: Pick<Logger, 'info' | 'error'>,
  ) {}

  start(): void {
    if (this.timer || this.everyMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = sweep(this.db, this.now())
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
