/** All SQL on console-drafted policy versions. */
import { sql, type Selectable } from 'kysely';
import type { PolicyDraftBody, PolicyExample, VersionStatus } from '../../../../../contracts/policy-admin.js';
import type { Db } from '../../../platform/db/index.js';
import type { PolicyVersion } from '../rules/language.js';
import { pq, type PolicyVersionTable } from '../proactive.tables.js';

export interface StoredVersion {
  policyCode: string;
  version: number;
  status: VersionStatus;
  createdBy: string;
  reviewedBy: string | null;
  reviewComment: string;
  examples: PolicyExample[];
  asVersion: PolicyVersion;
}

const selectVersions = (db: Db) => pq(db).selectFrom('proactive.policy_version').selectAll();

function stored(r: Selectable<PolicyVersionTable>): StoredVersion {
  return {
    policyCode: r.policyCode,
    version: r.version,
    status: r.status,
    createdBy: r.createdBy,
    reviewedBy: r.reviewedBy,
    reviewComment: r.reviewComment,
    examples: r.examples,
    asVersion: {
      version: r.version,
      effectiveFrom: r.effectiveFrom,
      ...(r.effectiveTo ? { effectiveTo: r.effectiveTo } : {}),
      legalBasis: r.legalBasis,
      ...r.rule,
    },
  };
}

/** Published versions (of one policy, or of all), oldest first. */
export async function publishedVersions(db: Db, code?: string): Promise<StoredVersion[]> {
  let q = selectVersions(db).where('status', '=', 'published');
  if (code) q = q.where('policyCode', '=', code);
  return (await q.orderBy('policyCode').orderBy('version').execute()).map(stored);
}

/** Every console version of a policy, oldest first. */
export async function listVersions(db: Db, code: string): Promise<StoredVersion[]> {
  return (await selectVersions(db).where('policyCode', '=', code).orderBy('version').execute()).map(stored);
}

/** The version waiting (draft or in review) of each policy. */
export async function pendingVersions(db: Db): Promise<Map<string, { version: number; status: VersionStatus }>> {
  const rows = await pq(db)
    .selectFrom('proactive.policy_version')
    .select(['policyCode', 'version', 'status'])
    .where('status', 'in', ['draft', 'in_review'])
    .execute();
  return new Map(rows.map((r) => [r.policyCode, { version: r.version, status: r.status }]));
}

/** The highest console version number of a policy (0 when none), taking a lock on the policy's rows. */
export async function lastVersionNumber(trx: Db, code: string): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`proactive.policy:${code}`}))`.execute(trx);
  const r = await pq(trx)
    .selectFrom('proactive.policy_version')
    .select((eb) => eb.fn.max('version').as('n'))
    .where('policyCode', '=', code)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

const ruleColumns = (version: PolicyVersion, body: PolicyDraftBody) => ({
  effectiveFrom: version.effectiveFrom,
  effectiveTo: version.effectiveTo ?? null,
  legalBasis: version.legalBasis,
  rule: JSON.stringify({ when: version.when, params: version.params, amount: version.amount }),
  examples: JSON.stringify(body.examples),
});

export async function replaceDraft(trx: Db, code: string, version: PolicyVersion, body: PolicyDraftBody) {
  await pq(trx)
    .updateTable('proactive.policy_version')
    .set(ruleColumns(version, body))
    .where('policyCode', '=', code)
    .where('version', '=', version.version)
    .where('status', '=', 'draft')
    .execute();
}

export async function insertVersion(
  trx: Db,
  code: string,
  version: PolicyVersion,
  body: PolicyDraftBody,
  by: string,
  at: Date,
): Promise<void> {
  await pq(trx)
    .insertInto('proactive.policy_version')
    .values({
      policyCode: code,
      version: version.version,
      ...ruleColumns(version, body),
      createdBy: by,
      createdAt: at,
    })
    .execute();
}

export async function findVersion(db: Db, code: string, version: number): Promise<StoredVersion | undefined> {
  const r = await selectVersions(db).where('policyCode', '=', code).where('version', '=', version).executeTakeFirst();
  return r && stored(r);
}

export async function setStatus(
  trx: Db,
  code: string,
  version: number,
  patch: { status: VersionStatus; submittedAt?: Date; reviewedBy?: string; reviewedAt?: Date; reviewComment?: string },
): Promise<void> {
  await pq(trx)
    .updateTable('proactive.policy_version')
    .set(patch)
    .where('policyCode', '=', code)
    .where('version', '=', version)
    .execute();
}
