/**
 * 堵点 drawn for the dashboard: the directly-follows graph of an item's cases against its defined
 * process, and the dwell of each department step by month. Public: an edge or a cell of fewer
 * people than `minCell` is withheld; staff who read analytics: their scope in full.
 */
import type { HeatCell, ProcessAnswer, ProcessEdge, ProcessQuery } from '../../../../../contracts/analytics-process.js';
import type { Actor } from '../../../platform/context.js';
import { departmentNames } from '../../catalog/index.js';
import { stepNameEn } from '../../../../../contracts/step-names.js';
import { ItemProcesses } from '../../cases/index.js';
import type { AnalyticsDeps } from '../analytics.deps.js';
import type { ProcessSums } from '../store/analytics-store.js';
import { readsAsStaff, sliceFor } from '../indicators/indicators.service.js';
import { definedEdges, PROCESS_EVENTS } from './defined-process.js';

const pairKey = (from: string, to: string) => `${from}\u0000${to}`;

/** The lower middle value of weighted samples (as `quantile_disc(x, 0.5)` takes it). */
export function lowerMedian(samples: { value: number; weight: number }[]): number | null {
  const sorted = [...samples].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((n, s) => n + s.weight, 0);
  if (total === 0) return null;
  const rank = Math.floor((total - 1) / 2);
  let seen = 0;
  for (const s of sorted) {
    seen += s.weight;
    if (seen > rank) return s.value;
  }
  return null;
}

async function workingDayMedians(deps: AnalyticsDeps, days: ProcessSums['days']): Promise<Map<string, number | null>> {
  const calendar = await deps.calendar.calendar();
  const samples = new Map<string, { value: number; weight: number }[]>();
  for (const d of days) {
    const key = pairKey(d.from, d.to);
    const value = d.toDay > d.fromDay ? calendar.workingDaysBetween(d.fromDay, d.toDay) : 0;
    samples.set(key, [...(samples.get(key) ?? []), { value, weight: d.n }]);
  }
  return new Map([...samples].map(([k, s]) => [k, lowerMedian(s)]));
}

export async function processMap(deps: AnalyticsDeps, actor: Actor, q: ProcessQuery): Promise<ProcessAnswer> {
  const slice = sliceFor(actor, q);
  const isPublic = !readsAsStaff(actor);
  const { item, definition } = await new ItemProcesses(deps.db, 0).get(q.item);
  const sums = await deps.store.process(slice, PROCESS_EVENTS);
  const defined = definedEdges(definition);
  const isDefined = new Set(defined.map((e) => pairKey(e.from, e.to)));
  const working = await workingDayMedians(deps, sums.days);
  const hidden = (people: number) => isPublic && people < deps.minCell;

  const edges: ProcessEdge[] = sums.edges.map((e) => {
    const off = hidden(e.people);
    return {
      from: e.from,
      to: e.to,
      defined: isDefined.has(pairKey(e.from, e.to)),
      suppressed: off,
      count: off ? null : e.count,
      medianHours: off || e.medianMs === null ? null : Math.round((e.medianMs / 3_600_000) * 10) / 10,
      medianWorkingDays: off ? null : (working.get(pairKey(e.from, e.to)) ?? null),
    };
  });
  // Every department of the map in one query, with its English name.
  const departments = await departmentNames(deps.db, [...new Set(sums.heat.map((h) => h.departmentId))]);
  const heat: HeatCell[] = sums.heat.map((h) => {
    const off = hidden(h.people);
    const department = departments.get(h.departmentId);
    return {
      step: h.step,
      stepEn: stepNameEn(h.step),
      department: department?.name ?? '',
      departmentEn: department?.nameEn ?? '',
      month: h.month,
      suppressed: off,
      tasks: off ? null : h.tasks,
      avgWorkingDays: off ? null : h.avgWorkingDays,
    };
  });
  return {
    item: { code: item.code, name: item.name },
    view: isPublic ? 'public' : 'staff',
    minCell: deps.minCell,
    cases: hidden(sums.people) ? null : sums.cases,
    defined,
    edges,
    heat,
  };
}
