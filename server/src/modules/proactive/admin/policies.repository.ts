/** All SQL on policies made in the console (新政策); their versions are in `versions.repository.ts`. */
import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/db/index.js';
import type { Policy } from '../rules/language.js';
import { pq, type PolicyTable } from '../proactive.tables.js';

/** A console policy as the engine reads a policy: no version yet (the published ones are dated in by the policy book). */
function asPolicy(r: Selectable<PolicyTable>): Policy {
  return {
    code: r.code,
    name: r.name,
    summary: r.summary,
    subject: r.subject,
    mode: r.mode,
    ...(r.itemBasicCode ? { itemBasicCode: r.itemBasicCode } : {}),
    period: r.period,
    triggers: r.triggers,
    beneficiary: r.beneficiary,
    versions: [],
    examples: [],
  } as Policy;
}

export async function consolePolicies(db: Db): Promise<Policy[]> {
  return (await pq(db).selectFrom('proactive.policy').selectAll().orderBy('createdAt').execute()).map(asPolicy);
}

export async function findConsolePolicy(db: Db, code: string): Promise<Policy | undefined> {
  const r = await pq(db).selectFrom('proactive.policy').selectAll().where('code', '=', code).executeTakeFirst();
  return r && asPolicy(r);
}

export async function insertPolicy(trx: Db, policy: Policy, by: string, at: Date): Promise<void> {
  await pq(trx)
    .insertInto('proactive.policy')
    .values({
      code: policy.code,
      name: JSON.stringify(policy.name),
      summary: JSON.stringify(policy.summary),
      subject: policy.subject,
      mode: policy.mode,
      itemBasicCode: policy.itemBasicCode ?? null,
      period: policy.period,
      triggers: JSON.stringify(policy.triggers),
      beneficiary: policy.beneficiary ?? 'self',
      createdBy: by,
      createdAt: at,
    })
    .execute();
}
