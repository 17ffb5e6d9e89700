/** All SQL of 触达统计: grants, offers (and the applications filed on them) and last-run eligible counts of a policy, by county, within a region. */
import { sql } from 'kysely';
import type { ReachCounts } from '../../../../../contracts/policy-admin.js';
import type { Db } from '../../../platform/db/index.js';
import { pq } from '../proactive.tables.js';

export const emptyCounts = (): ReachCounts => ({
  eligible: null,
  told: 0,
  applied: 0,
  granted: 0,
  refused: 0,
  declined: 0,
  underReview: 0,
});

const county = sql<string>`substr(region_code, 1, 6)`;

/** Counts per county (6-digit code) of the policies named (all when none), within `region`. */
export async function reachByCounty(
  db: Db,
  region: string,
  code?: string,
): Promise<Map<string, Map<string, ReachCounts>>> {
  const within = `${region}%`;
  const grants = await pq(db)
    .selectFrom('proactive.grant')
    .select([
      'policyCode',
      county.as('county'),
      sql<number>`count(*)::int`.as('told'),
      sql<number>`(count(*) FILTER (WHERE status = 'granted'))::int`.as('granted'),
      sql<number>`(count(*) FILTER (WHERE status = 'declined'))::int`.as('declined'),
      sql<number>`(count(*) FILTER (WHERE status = 'review'))::int`.as('underReview'),
    ])
    .where('regionCode', 'like', within)
    .$if(code !== undefined, (q) => q.where('policyCode', '=', code!))
    .groupBy(['policyCode', county])
    .execute();
  const offers = await pq(db)
    .selectFrom('proactive.offer')
    .select([
      'policyCode',
      county.as('county'),
      sql<number>`count(*)::int`.as('told'),
      // Applied: the beneficiary filed the item's application (accepting alone is a click, not an application).
      sql<number>`(count(*) FILTER (WHERE case_id IS NOT NULL))::int`.as('applied'),
      sql<number>`(count(*) FILTER (WHERE case_decision = 'approved'))::int`.as('granted'),
      sql<number>`(count(*) FILTER (WHERE case_decision IN ('refused', 'not_accepted')))::int`.as('refused'),
      sql<number>`(count(*) FILTER (WHERE status = 'declined'))::int`.as('declined'),
    ])
    .where('regionCode', 'like', within)
    .$if(code !== undefined, (q) => q.where('policyCode', '=', code!))
    .groupBy(['policyCode', county])
    .execute();
  const eligible = await pq(db)
    .selectFrom('proactive.reach_eligible')
    .select(['policyCode', 'countyCode as county', 'eligible'])
    .where('countyCode', 'like', within)
    .$if(code !== undefined, (q) => q.where('policyCode', '=', code!))
    .execute();
  const out = new Map<string, Map<string, ReachCounts>>();
  const at = (p: string, c: string) => {
    const byCounty = out.get(p) ?? out.set(p, new Map()).get(p)!;
    return byCounty.get(c) ?? byCounty.set(c, emptyCounts()).get(c)!;
  };
  for (const g of grants) {
    const r = at(g.policyCode, g.county);
    r.told += g.told;
    r.granted += g.granted;
    r.declined += g.declined;
    r.underReview += g.underReview;
  }
  for (const o of offers) {
    const r = at(o.policyCode, o.county);
    r.told += o.told;
    r.applied += o.applied;
    r.granted += o.granted;
    r.refused += o.refused;
    r.declined += o.declined;
  }
  for (const e of eligible) at(e.policyCode, e.county).eligible = e.eligible;
  return out;
}

/** The day of a policy's last full run, if any. */
export async function lastJudgedOn(db: Db, code: string): Promise<string | null> {
  const r = await pq(db)
    .selectFrom('proactive.reach_eligible')
    .select((eb) => eb.fn.max('judgedOn').as('on'))
    .where('policyCode', '=', code)
    .executeTakeFirst();
  return (r?.on as string | null | undefined) ?? null;
}

/** Replaces a policy's eligible counts with those of a full run. */
export async function recordEligible(
  trx: Db,
  code: string,
  counts: ReadonlyMap<string, number>,
  on: string,
  at: Date,
): Promise<void> {
  await pq(trx).deleteFrom('proactive.reach_eligible').where('policyCode', '=', code).execute();
  // None eligible anywhere: one row without a county keeps the day of the run.
  const rows = counts.size ? [...counts] : [['', 0] as const];
  await pq(trx)
    .insertInto('proactive.reach_eligible')
    .values(rows.map(([countyCode, eligible]) => ({ policyCode: code, countyCode, eligible, judgedOn: on, runAt: at })))
    .execute();
}

/** Sums counts (an eligible count is known when any part knows it). */
export function sumCounts(parts: Iterable<ReachCounts>): ReachCounts {
  const total = emptyCounts();
  for (const p of parts) {
    if (p.eligible !== null) total.eligible = (total.eligible ?? 0) + p.eligible;
    total.told += p.told;
    total.applied += p.applied;
    total.granted += p.granted;
    total.refused += p.refused;
    total.declined += p.declined;
    total.underReview += p.underReview;
  }
  return total;
}
