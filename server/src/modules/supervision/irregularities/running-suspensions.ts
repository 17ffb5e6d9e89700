/**
 * A special procedure still running past what its basis allows is flagged by the sweep, not only
 * when its case next moves: a case parked in 中止 is exactly the one that does not move. The paused
 * clocks of cases give the candidates (paused at least the shortest allowed span, in calendar days,
 * and not yet flagged for that pause); the case rules then judge each in working days.
 */
import { sql } from 'kysely';
import { caseClockFacts } from '../../cases/index.js';
import type { SupervisionDeps } from '../supervision.deps.js';
import { SUSPENSION_LIMITS } from './case-rules.js';
import { checkCaseRules } from './check.js';

const DAY = 86_400_000;
const SHORTEST = Math.min(...Object.values(SUSPENSION_LIMITS).map((l) => l.days));

/** Runs the case rules on every case whose special procedure may have run too long by `at`; answers how many. */
export async function checkRunningSuspensions(deps: SupervisionDeps, at: Date): Promise<number> {
  // Working days are never fewer than calendar days, so nothing shorter than the shortest span in
  // calendar days can be over it.
  const before = new Date(at.getTime() - SHORTEST * DAY);
  const { rows } = await sql<{ caseId: string }>`
    SELECT DISTINCT c.case_id AS "caseId" FROM supervision.clock c
     WHERE c.kind = 'case_promised' AND c.state = 'paused' AND c.paused_since <= ${before}::date
       AND NOT EXISTS (SELECT 1 FROM supervision.irregularity i
                        WHERE i.rule = 'long-suspension' AND i.case_id = c.case_id
                          AND i.subject_key LIKE c.case_id::text || ':%:' || to_char(c.paused_since, 'YYYY-MM-DD'))`.execute(
    deps.db,
  );
  for (const { caseId } of rows) {
    await deps.db.transaction().execute(async (trx) => {
      const facts = await caseClockFacts(trx, caseId);
      if (!facts) return;
      await checkCaseRules(trx, await deps.calendar.calendar(trx), at, facts, deps.bulkDecisions, deps.cipher);
    });
  }
  return rows.length;
}
