/**
 * 堵点 of one item, for staff who read analytics, within their scope: how long each department
 * step stays open, how often steps follow one another in the real process, and the 补正 loops.
 */
import type { BottleneckAnswer } from '../../../../../contracts/analytics.js';
import type { Actor } from '../../../platform/context.js';
import { forbidden } from '../../../platform/errors.js';
import { findDepartment } from '../../catalog/index.js';
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
  const names = new Map<string, string>();
  for (const s of sums.steps)
    if (!names.has(s.departmentId))
      names.set(s.departmentId, (await findDepartment(deps.db, s.departmentId))?.name ?? '');
  return {
    item: { code: q.item, name: named?.label ?? q.item },
    cases: sums.cases,
    returns: sums.returns,
    steps: sums.steps.map(({ departmentId, ...s }) => ({ ...s, department: names.get(departmentId) ?? '' })),
    follows: sums.follows,
    supplementRounds: sums.supplementRounds,
  };
}
