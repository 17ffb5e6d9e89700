/**
 * 堵点 of one item, for staff who read analytics, within their scope: how long each department
 * step stays open and how much of it waits to be claimed, which departments parallel steps wait
 * for, how often steps follow one another in the real process, and the 补正 loops.
 */
import type { BottleneckAnswer } from '../../../../../contracts/analytics.js';
import type { Actor } from '../../../platform/context.js';
import { forbidden } from '../../../platform/errors.js';
import { departmentNames } from '../../catalog/index.js';
import type { AnalyticsDeps } from '../analytics.deps.js';
import { readsAsStaff, sliceFor } from './indicators.service.js';

export async function bottlenecks(
  deps: AnalyticsDeps,
  actor: Actor,
  q: { item: string; region?: string; from?: string; to?: string },
): Promise<BottleneckAnswer> {
  if (!readsAsStaff(actor))
    throw forbidden('ANALYTICS.READERS_ONLY', {
      zh: '仅监督人员、数据管理员或部门负责人可查看堵点分析',
      en: 'Only supervisors, data administrators and department heads read bottleneck analysis',
    });
  const slice = sliceFor(actor, q);
  const sums = await deps.store.bottlenecks(slice);
  const [named] = await deps.store.cells(slice, 'item');
  // Every department named at once, in both languages.
  const names = await departmentNames(deps.db, [
    ...new Set([...sums.steps, ...sums.parallel].map((s) => s.departmentId)),
  ]);
  const department = (id: string) => ({
    department: names.get(id)?.name ?? '',
    departmentEn: names.get(id)?.nameEn ?? '',
  });
  return {
    item: { code: q.item, name: named?.label ?? q.item },
    cases: sums.cases,
    returns: sums.returns,
    steps: sums.steps.map(({ departmentId, ...s }) => ({ ...s, ...department(departmentId) })),
    parallel: sums.parallel.map(({ departmentId, ...p }) => ({ ...p, ...department(departmentId) })),
    follows: sums.follows,
    supplementRounds: sums.supplementRounds,
  };
}
