/**
 * Published results (评价结果公开): per item and department in a region, how many ratings, the
 * satisfaction score (mean level on a 100-point scale) and the rates of good and bad reviews —
 * aggregates only, never a rater; ratings removed on appeal do not count.
 */
import { sql } from 'kysely';
import type { EvaluationDeps } from './evaluation.deps.js';
import { eq } from './evaluation.tables.js';

/** Public: no actor (`(deps, input)`). */
export async function publicStats(deps: Pick<EvaluationDeps, 'db'>, opts: { region: string; limit: number }) {
  const rows = await eq(deps.db)
    .selectFrom('evaluation.rating')
    .select(['itemCode', 'itemName', 'departmentId'])
    .select((eb) => [
      eb.fn.countAll<number>().as('ratings'),
      sql<number>`round(avg((level - 1) * 25.0), 1)`.as('score'),
      sql<number>`round(100.0 * count(*) FILTER (WHERE level >= 4) / count(*), 1)`.as('goodRate'),
      sql<number>`round(100.0 * count(*) FILTER (WHERE level <= 2) / count(*), 1)`.as('badRate'),
    ])
    .where('status', '<>', 'removed')
    .where('regionCode', 'like', `${opts.region}%`)
    .groupBy(['itemCode', 'itemName', 'departmentId'])
    .orderBy('badRate', 'desc')
    .orderBy('ratings', 'desc')
    .limit(opts.limit)
    .execute();
  const total = await eq(deps.db)
    .selectFrom('evaluation.rating')
    .select((eb) => [
      eb.fn.countAll<number>().as('ratings'),
      sql<number>`coalesce(round(100.0 * count(*) FILTER (WHERE level <= 2) / nullif(count(*), 0), 1), 0)`.as(
        'badRate',
      ),
    ])
    .where('status', '<>', 'removed')
    .where('regionCode', 'like', `${opts.region}%`)
    .executeTakeFirstOrThrow();
  return {
    region: opts.region,
    ratings: Number(total.ratings),
    badRate: Number(total.badRate),
    items: rows.map((r) => ({
      ...r,
      ratings: Number(r.ratings),
      score: Number(r.score),
      goodRate: Number(r.goodRate),
      badRate: Number(r.badRate),
    })),
  };
}
