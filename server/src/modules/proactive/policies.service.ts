/**
 * Published policies in words (public), and the dry run (试运行): how many subjects of the
 * caller's region would be eligible under a policy on a day, per county, without writing anything.
 */
import type { Actor } from '../../platform/context.js';
import { forbidden, notFound } from '../../platform/errors.js';
import type { DryRun, PolicyView, Text } from '../../../../contracts/proactive.js';
import type { ProactiveDeps } from './proactive.deps.js';
import type { Db } from '../../platform/db/index.js';
import { versionOn, type PolicyVersion } from './rules/language.js';
import { loadPolicies, loadPolicy, withVersions } from './admin/policy-book.js';
import { findVersion } from './admin/versions.repository.js';
import { evaluateBitmaps, holds } from './rules/evaluate.js';
import { loadPopulation, RegionNames } from './population.js';
import { GUIYANG, QIANDONGNAN } from './policies/words.js';

const PREFECTURES = [
  { code: GUIYANG, name: { zh: '贵阳市', en: 'Guiyang' } },
  { code: QIANDONGNAN, name: { zh: '黔东南州', en: 'Qiandongnan' } },
  { code: '52', name: { zh: '贵州省其他地区', en: 'elsewhere in Guizhou' } },
];

/** What a version pays, by region in words: one amount for the province, or one per prefecture. */
export function amountsOf(v: PolicyVersion): { code: string; region: Text; amount: number }[] {
  if (typeof v.amount === 'number')
    return [{ code: '', region: { zh: '全省', en: 'whole province' }, amount: v.amount }];
  if (typeof v.amount !== 'string') return [];
  const param = v.params?.[v.amount];
  return PREFECTURES.flatMap((r) => {
    const amount = param?.[r.code];
    return amount === undefined ? [] : [{ code: r.code, region: r.name, amount }];
  });
}

/** The policies in force on `on` (code and published console versions), each in words with its regional amounts. */
export async function listPolicies(db: Db, on: string): Promise<PolicyView[]> {
  return (await loadPolicies(db)).flatMap((p) => {
    const v = versionOn(p, on);
    if (!v) return [];
    return [
      {
        code: p.code,
        name: p.name,
        summary: p.summary,
        subject: p.subject,
        mode: p.mode,
        version: v.version,
        effectiveFrom: v.effectiveFrom,
        effectiveTo: v.effectiveTo ?? null,
        legalBasis: v.legalBasis,
        conditions: v.when.map((c) => c.label),
        amounts: amountsOf(v).map(({ region, amount }) => ({ region, amount })),
      },
    ];
  });
}

export const POLICY_OFFICERS = ['catalog_admin', 'system_admin'];

/**
 * 试运行 on `on`; with `draft`, that console version (a draft or one in review) is dated in as if
 * published, and judged from its effective date when `on` is before it.
 */
export async function dryRun(
  deps: ProactiveDeps,
  actor: Actor,
  code: string,
  asked: string,
  draft?: number,
): Promise<DryRun> {
  if (actor.kind !== 'staff' || !POLICY_OFFICERS.some((r) => actor.roles.includes(r)))
    throw forbidden('PROACTIVE.NOT_POLICY_OFFICER', {
      zh: '仅政策管理人员可试运行',
      en: 'Only policy officers run policies',
    });
  const published = await loadPolicy(deps.db, code);
  if (!published) throw notFound('PROACTIVE.POLICY_NOT_FOUND', { zh: '未找到该政策', en: 'No such policy' });
  const stored = draft === undefined ? undefined : await findVersion(deps.db, code, draft);
  if (draft !== undefined && (!stored || stored.status === 'published' || stored.status === 'rejected'))
    throw notFound('PROACTIVE.VERSION_NOT_FOUND', { zh: '未找到待审的该版本', en: 'No such open version' });
  const policy = stored ? withVersions(published, [stored.asVersion]) : published;
  const on = stored && asked < stored.asVersion.effectiveFrom ? stored.asVersion.effectiveFrom : asked;
  const version = versionOn(policy, on);
  if (!version)
    throw notFound('PROACTIVE.NO_VERSION_IN_FORCE', {
      zh: `该政策在${on}未生效`,
      en: `The policy is not in force on ${on}`,
    });
  const pop = await loadPopulation(deps.db, deps.cipher, { all: true });
  const { rows, cols } = pop[policy.subject];
  const within = actor.regionScope ?? '';
  const [flags] = evaluateBitmaps([version], cols, on);
  const counts = new Map<string, number>();
  let evaluated = 0;
  rows.forEach((r, i) => {
    if (!r.regionCode.startsWith(within)) return;
    evaluated++;
    if (holds(flags!, i)) counts.set(r.regionCode.slice(0, 6), (counts.get(r.regionCode.slice(0, 6)) ?? 0) + 1);
  });
  const names = new RegionNames(deps.db);
  await names.load(counts.keys());
  return {
    policy: policy.name,
    version: version.version,
    on,
    evaluated,
    eligible: [...counts.values()].reduce((s, n) => s + n, 0),
    regions: [...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, eligible]) => ({ region: names.of(code), eligible })),
  };
}
