/**
 * The policy console's reading: every policy with its version in force, the version waiting and its
 * reach in the caller's region; one policy with all its versions (code and console) in words, the
 * period each is judged in, its examples run, and the facts a condition may name.
 */
import type {
  FactView,
  PolicyAdminDetail,
  PolicyAdminList,
  PolicyVersionView,
} from '../../../../../contracts/policy-admin.js';
import type { Actor } from '../../../platform/context.js';
import { staffDisplayNames } from '../../identity/index.js';
import type { ProactiveDeps } from '../proactive.deps.js';
import { amountsOf } from '../policies.service.js';
import { FACTS, type FactDef, type SubjectKind } from '../rules/facts.js';
import { sourceOf } from '../rules/columns.js';
import { versionOn, type PolicyVersion } from '../rules/language.js';
import { runExample } from './examples.js';
import { loadPolicies, loadPolicy } from './policy-book.js';
import { emptyCounts } from './reach.repository.js';
import { reachOfAll } from './reach.service.js';
import { assertOfficer, policyOrThrow } from './versions.service.js';
import * as repo from './versions.repository.js';

/** The facts of a subject kind as the console offers them. */
export function factsOf(subject: SubjectKind): FactView[] {
  return Object.entries(FACTS[subject] as Record<string, FactDef>).map(([fact, def]) => ({
    fact,
    label: def.label,
    kind: def.kind,
    values: def.kind === 'enum' ? def.values.map((value) => ({ value, name: def.names[value]! })) : [],
    source: sourceOf(fact),
  }));
}

export async function listForConsole(deps: ProactiveDeps, actor: Actor, on: string): Promise<PolicyAdminList> {
  assertOfficer(actor);
  const [policies, pending, reach] = await Promise.all([
    loadPolicies(deps.db),
    repo.pendingVersions(deps.db),
    reachOfAll(deps, actor),
  ]);
  return {
    on,
    policies: policies.map((p) => ({
      code: p.code,
      name: p.name,
      subject: p.subject,
      mode: p.mode,
      versionInForce: versionOn(p, on)?.version ?? null,
      pending: pending.get(p.code) ?? null,
      reach: reach.get(p.code) ?? emptyCounts(),
    })),
  };
}

const ruleOf = (v: PolicyVersion): PolicyVersionView['rule'] => ({
  effectiveFrom: v.effectiveFrom,
  effectiveTo: v.effectiveTo ?? null,
  legalBasis: v.legalBasis,
  when: v.when as PolicyVersionView['rule']['when'],
  ...(v.params ? { params: v.params } : {}),
  amount: v.amount ?? null,
});

export async function policyForConsole(
  deps: ProactiveDeps,
  actor: Actor,
  code: string,
  on: string,
): Promise<PolicyAdminDetail> {
  assertOfficer(actor);
  const seeded = await policyOrThrow(deps.db, code);
  const policy = (await loadPolicy(deps.db, code))!;
  const console = await repo.listVersions(deps.db, code);
  const names = await staffDisplayNames(
    deps.db,
    console.flatMap((v) => [v.createdBy, ...(v.reviewedBy ? [v.reviewedBy] : [])]),
  );
  const inForce = versionOn(policy, on)?.version;
  const judged = new Map(policy.versions.map((v) => [v.version, v]));
  const view = (v: PolicyVersion, stored?: repo.StoredVersion): PolicyVersionView => {
    const dated = judged.get(v.version);
    return {
      version: v.version,
      source: stored ? 'console' : 'code',
      status: stored?.status ?? 'published',
      effectiveFrom: v.effectiveFrom,
      effectiveTo: (dated ?? v).effectiveTo ?? null,
      inForce: v.version === inForce,
      legalBasis: v.legalBasis,
      conditions: v.when.map((c) => c.label),
      amounts: amountsOf(v),
      draftedBy: stored ? (names.get(stored.createdBy) ?? null) : null,
      reviewedBy: stored?.reviewedBy ? (names.get(stored.reviewedBy) ?? null) : null,
      reviewComment: stored?.reviewComment ?? '',
      rule: ruleOf(dated ?? v),
    };
  };
  const versions = [...seeded.versions.map((v) => view(v)), ...console.map((s) => view(s.asVersion, s))].sort(
    (a, b) => b.version - a.version,
  );
  return {
    code,
    name: policy.name,
    summary: policy.summary,
    subject: policy.subject,
    mode: policy.mode,
    on,
    versions,
    examples: [...policy.examples, ...console.filter((s) => s.status === 'published').flatMap((s) => s.examples)].map(
      (e) => runExample(policy, e),
    ),
    facts: factsOf(policy.subject),
  };
}
