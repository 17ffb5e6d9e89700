/**
 * 政策库: the policies the engine judges — the versions written in code (`policies/`) with the
 * versions published in the console on top. Versions are dated so that exactly one is in force on
 * any day: a version that starts later ends the one before it the day before it starts (a version
 * published for next month leaves this month's decisions alone); of two starting the same day, the
 * higher number replaces the lower. Policies made in the console (新政策) are judged the same way
 * from their first published version.
 */
import type { Db } from '../../../platform/db/index.js';
import { POLICIES } from '../policies/index.js';
import type { Policy, PolicyVersion } from '../rules/language.js';
import { consolePolicies, findConsolePolicy } from './policies.repository.js';
import { publishedVersions } from './versions.repository.js';

const dayBefore = (iso: string): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** The policy with `extra` versions dated in among its own. */
export function withVersions(policy: Policy, extra: readonly PolicyVersion[]): Policy {
  if (extra.length === 0) return policy;
  const all = [...(policy.versions as readonly PolicyVersion[]), ...extra].sort(
    (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.version - b.version,
  );
  const kept = all.filter((v, i) => all[i + 1]?.effectiveFrom !== v.effectiveFrom);
  const versions = kept.map((v, i) => {
    const next = kept[i + 1];
    if (!next) return v;
    const cut = dayBefore(next.effectiveFrom);
    return !v.effectiveTo || v.effectiveTo > cut ? { ...v, effectiveTo: cut } : v;
  });
  return { ...policy, versions } as Policy;
}

/** Every policy as judged now: code versions plus the published console versions, then the policies made in the console. */
export async function loadPolicies(db: Db): Promise<Policy[]> {
  const rows = await publishedVersions(db);
  const byCode = new Map<string, PolicyVersion[]>();
  for (const r of rows) byCode.set(r.policyCode, [...(byCode.get(r.policyCode) ?? []), r.asVersion]);
  return [...POLICIES, ...(await consolePolicies(db))].map((p) => withVersions(p, byCode.get(p.code) ?? []));
}

/** A policy without its console versions: written in code, or made in the console (no version then). */
export async function findBasePolicy(db: Db, code: string): Promise<Policy | undefined> {
  return POLICIES.find((p) => p.code === code) ?? (await findConsolePolicy(db, code));
}

/** One policy as judged now, or undefined. */
export async function loadPolicy(db: Db, code: string): Promise<Policy | undefined> {
  const policy = await findBasePolicy(db, code);
  if (!policy) return undefined;
  const rows = await publishedVersions(db, code);
  return withVersions(
    policy,
    rows.map((r) => r.asVersion),
  );
}
