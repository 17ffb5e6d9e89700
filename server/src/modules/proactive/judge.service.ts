/**
 * A run of the engine (研判): the policies in force on a day over a population, column-wise; the
 * eligible get their automatic grant (免申即享: a case decided by the system when the policy has an
 * item and the person — or the enterprise's legal representative — an account) or an offer (政策找人, unless they opted out), each at most once
 * per period; grants whose facts no longer held on their own reference date (a registry
 * correction) are flagged for review, never reversed. Runs in the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/index.js';
import { appendEvent } from '../../platform/outbox.js';
import { decideBySystem } from '../cases/index.js';
import { findItemServing } from '../catalog/index.js';
import { accountsByRegistryPerson, enterpriseRepresentatives } from '../identity/index.js';
import type { EnterpriseFactRow, PersonFactRow } from '../exchange/index.js';
import type { ProactiveDeps } from './proactive.deps.js';
import { loadPolicies } from './admin/policy-book.js';
import { recordEligible } from './admin/reach.repository.js';
import { periodOf, versionOn, type Policy } from './rules/language.js';
import { evaluateBitmaps, explain, holds } from './rules/evaluate.js';
import {
  asOf,
  loadPopulation,
  RegionNames,
  subjectKeyOf,
  survivorOf,
  type Population,
  type Scope,
} from './population.js';
import * as repo from './grants.repository.js';
import type { Decision } from './grants.repository.js';

export interface Run {
  /** What started it: `life-event:<id>`, `policy:<code>`, `schedule`, `correction`. */
  trigger: string;
  on: string;
  scope: Scope;
  /** The policies to judge (default: all). */
  policies?: readonly Policy[];
}

export interface RunResult {
  evaluated: number;
  eligible: number;
  granted: number;
  offered: number;
  flagged: number;
}

type Row = PersonFactRow | EnterpriseFactRow;

/**
 * Who is eligible under each policy in force, all policies of a subject kind judged together (a
 * condition they share is judged once): one bitmap per policy.
 */
function judgeAll(policies: readonly Policy[], pop: Population, on: string): Map<Policy, Uint32Array> {
  const out = new Map<Policy, Uint32Array>();
  for (const subject of ['person', 'enterprise'] as const) {
    const inForce = policies.filter((p) => p.subject === subject && versionOn(p, on));
    const bitmaps = evaluateBitmaps(
      inForce.map((p) => versionOn(p, on)!),
      pop[subject].cols,
      on,
    );
    inForce.forEach((p, i) => out.set(p, bitmaps[i]!));
  }
  return out;
}

/** The eligible of one policy: judged subject, recipient, explanation. */
function eligibleOf(
  policy: Policy,
  flags: Uint32Array | undefined,
  pop: Population,
  on: string,
  regions: RegionNames,
): Decision[] {
  const version = versionOn(policy, on);
  if (!version || !flags) return [];
  const { rows } = pop[policy.subject];
  const out: Decision[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (!holds(flags, i)) continue;
    const subject = rows[i]! as Row;
    const person = policy.subject === 'person' ? (subject as PersonFactRow) : undefined;
    const beneficiary = person && policy.beneficiary === 'survivor' ? survivorOf(pop.person.rows, person, on) : person;
    if (person && !beneficiary) continue;
    out.push({
      id: randomUUID(),
      policyCode: policy.code,
      policyVersion: version.version,
      period: periodOf(policy, on),
      subjectKind: policy.subject,
      subjectKey: subjectKeyOf(policy.subject, subject),
      beneficiaryPersonId: beneficiary?.id ?? null,
      creditCode: person ? null : (subject as EnterpriseFactRow).creditCode,
      regionCode: subject.regionCode,
      referenceDate: on,
      explanation: explain(version, policy.subject, subject, on, regions.of),
      trigger: '',
    });
  }
  return out;
}

/** Standing grants whose subject, judged again on the grant's own reference date, no longer qualifies. */
async function flagCorrected(trx: Db, policy: Policy, pop: Population, regions: RegionNames): Promise<string[]> {
  if (policy.mode !== 'automatic') return [];
  const rows = pop[policy.subject].rows as Row[];
  const byKey = new Map(rows.map((r) => [subjectKeyOf(policy.subject, r), r]));
  const flagged: string[] = [];
  const standing = await repo.standingGrants(trx, policy.code, [...byKey.keys()]);
  const accounts = await accountsByRegistryPerson(
    trx,
    standing.flatMap((g) => g.beneficiaryPersonId ?? []),
  );
  for (const g of standing) {
    const version = versionOn(policy, g.referenceDate);
    if (!version) continue;
    const ex = explain(
      version,
      policy.subject,
      asOf(byKey.get(g.subjectKey)!, g.referenceDate),
      g.referenceDate,
      regions.of,
    );
    if (ex.eligible) continue;
    await repo.flagForReview(trx, g.id, ex);
    await appendEvent(
      trx,
      {
        topic: 'proactive.grant-under-review',
        aggregateType: 'proactive.grant',
        aggregateId: g.id,
        payload: {
          grantId: g.id,
          policyCode: policy.code,
          caseId: g.caseId,
          policyName: policy.name.zh,
          policyNameEn: policy.name.en,
          accountId: (g.beneficiaryPersonId && accounts.get(g.beneficiaryPersonId)?.id) || null,
        },
      },
      null,
    );
    flagged.push(g.id);
  }
  return flagged;
}

type Applicant = { personId: string; name: string; enterpriseId?: string };

/**
 * Who each grant's case is filed for: the person's account; for an enterprise (惠企政策) its account,
 * with its legal representative's account as the person on the case. None without an account: the
 * grant stands (the benefit is paid from the registries), and its case is opened by the first run
 * that finds the account (see `casesDue`).
 */
async function applicantsOf(trx: Db, grants: readonly Decision[]): Promise<Map<string, Applicant>> {
  const out = new Map<string, Applicant>();
  // In slices: a statement takes at most 65,535 parameters.
  for (let i = 0; i < grants.length; i += 10_000) await applicantsOfSlice(trx, grants.slice(i, i + 10_000), out);
  return out;
}

async function applicantsOfSlice(trx: Db, grants: readonly Decision[], out: Map<string, Applicant>): Promise<void> {
  const accounts = await accountsByRegistryPerson(
    trx,
    grants.flatMap((g) => g.beneficiaryPersonId ?? []),
  );
  const enterprises = await enterpriseRepresentatives(
    trx,
    grants.flatMap((g) => (g.beneficiaryPersonId ? [] : (g.creditCode ?? []))),
  );
  for (const g of grants) {
    if (g.beneficiaryPersonId) {
      const account = accounts.get(g.beneficiaryPersonId);
      if (account) out.set(g.id, { personId: account.id, name: account.name });
    } else if (g.creditCode) {
      const e = enterprises.get(g.creditCode);
      if (e) out.set(g.id, { personId: e.representative.id, name: e.name, enterpriseId: e.enterpriseId });
    }
  }
}

/**
 * Opens and decides the case of each grant that has an item where its subject is and an applicant
 * with an account (the person, or the enterprise's legal representative); answers the case per grant.
 */
async function decideCases(trx: Db, deps: ProactiveDeps, policy: Policy, grants: readonly Decision[], at: Date) {
  const cases = new Map<string, string>();
  if (!policy.itemBasicCode || grants.length === 0) return cases;
  const applicants = await applicantsOf(trx, grants);
  const items = new Map<string, string | null>();
  for (const g of grants) {
    const applicant = applicants.get(g.id);
    if (!applicant) continue;
    const place = g.regionCode.slice(0, 6);
    if (!items.has(place)) items.set(place, (await findItemServing(trx, policy.itemBasicCode, place))?.code ?? null);
    const itemCode = items.get(place);
    if (!itemCode) continue;
    const held = g.explanation.conditions.map((c) => c.condition.zh).join('、');
    const { caseId, trackingCode } = await decideBySystem(trx, deps, {
      itemCode,
      applicant,
      reason: {
        policyCode: policy.code,
        policyVersion: g.policyVersion,
        note: `免申即享：${policy.name.zh}（第${g.policyVersion}版），经核验登记数据符合全部条件（${held}），系统自动准予`,
        explanation: g.explanation,
      },
      at,
    });
    await repo.setGrantCase(trx, g.id, caseId, trackingCode);
    cases.set(g.id, caseId);
  }
  return cases;
}

/** Eligible subjects per county (触达统计 keeps the last full run's). */
function countByCounty(eligible: readonly Decision[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of eligible) counts.set(d.regionCode.slice(0, 6), (counts.get(d.regionCode.slice(0, 6)) ?? 0) + 1);
  return counts;
}

export async function judge(trx: Db, deps: ProactiveDeps, run: Run): Promise<RunResult> {
  const at = deps.now();
  const pop = await loadPopulation(trx, deps.cipher, run.scope);
  const regions = new RegionNames(trx);
  await regions.load([...pop.person.rows, ...pop.enterprise.rows].map((r) => r.regionCode));
  const result: RunResult = {
    evaluated: pop.person.rows.length + pop.enterprise.rows.length,
    eligible: 0,
    granted: 0,
    offered: 0,
    flagged: 0,
  };
  const policies = run.policies ?? (await loadPolicies(trx));
  const flags = judgeAll(policies, pop, run.on);
  for (const policy of policies) {
    const eligible = eligibleOf(policy, flags.get(policy), pop, run.on, regions).map((d) => ({
      ...d,
      trigger: run.trigger,
    }));
    result.eligible += eligible.length;
    if ('all' in run.scope) await recordEligible(trx, policy.code, countByCounty(eligible), run.on, at);
    if (policy.mode === 'automatic') {
      const made = await repo.insertGrants(
        trx,
        eligible.map((d) => ({ ...d, amount: d.explanation.amount })),
        at,
      );
      const cases = await decideCases(trx, deps, policy, made, at);
      // Standing grants of the eligible still without a case: the person (or the enterprise's
      // representative) may have opened an account since — their case is opened now.
      const fresh = new Set(made.map((g) => g.id));
      await decideCases(
        trx,
        deps,
        policy,
        (
          await repo.grantsWithoutCase(
            trx,
            policy.code,
            periodOf(policy, run.on),
            eligible.map((d) => d.subjectKey),
          )
        ).filter((g) => !fresh.has(g.id)),
        at,
      );
      const accounts = await accountsByRegistryPerson(
        trx,
        made.flatMap((g) => g.beneficiaryPersonId ?? []),
      );
      for (const g of made)
        await appendEvent(
          trx,
          {
            topic: 'proactive.benefit-granted',
            aggregateType: 'proactive.grant',
            aggregateId: g.id,
            payload: {
              grantId: g.id,
              policyCode: policy.code,
              policyName: policy.name.zh,
              policyNameEn: policy.name.en,
              accountId: (g.beneficiaryPersonId && accounts.get(g.beneficiaryPersonId)?.id) || null,
              creditCode: g.creditCode,
              caseId: cases.get(g.id) ?? null,
              amount: g.amount,
            },
          },
          null,
        );
      result.granted += made.length;
    } else {
      const out = await repo.optedOut(
        trx,
        eligible.flatMap((d) => d.beneficiaryPersonId ?? []),
      );
      const made = await repo.insertOffers(
        trx,
        eligible.filter((d) => !d.beneficiaryPersonId || !out.has(d.beneficiaryPersonId)),
        at,
      );
      const accounts = await accountsByRegistryPerson(
        trx,
        made.flatMap((o) => o.beneficiaryPersonId ?? []),
      );
      for (const o of made)
        await appendEvent(
          trx,
          {
            topic: 'proactive.offer-made',
            aggregateType: 'proactive.offer',
            aggregateId: o.id,
            payload: {
              offerId: o.id,
              policyCode: policy.code,
              policyName: policy.name.zh,
              policyNameEn: policy.name.en,
              accountId: (o.beneficiaryPersonId && accounts.get(o.beneficiaryPersonId)?.id) || null,
              creditCode: o.creditCode,
            },
          },
          null,
        );
      result.offered += made.length;
    }
    result.flagged += (await flagCorrected(trx, policy, pop, regions)).length;
  }
  return result;
}
