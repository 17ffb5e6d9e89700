/**
 * 堵点 on the dashboard: the directly-follows graph of an item's cases against its defined process
 * (deviations such as 补正 loops dashed in red), and the heat map of each step's working days by
 * month — each with its table view and CSV. Event types are named, never shown as codes.
 */
import { useQuery } from '@tanstack/react-query';
import type { EChartsOption } from 'echarts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName, type Lang } from '../../../../contracts/display-names';
import { ProblemAlert } from '../../ui/ProblemAlert';
import * as api from './api';
import { ChartCard } from './ChartCard';

/** Where each step sits: the defined path left to right on the middle line, deviations above and below. */
const PLACE: Record<string, [number, number]> = {
  submitted: [0, 0],
  released: [0, -1.2],
  withdrawn: [1, -2.2],
  'supplement-requested': [0.8, 1.4],
  supplemented: [2.2, 1.4],
  accepted: [2, 0],
  'not-accepted': [2, -1.2],
  'stage-opened': [4, 0],
  'task-claimed': [5, -1.2],
  'task-reassigned': [5, -2.2],
  'extension-requested': [6, -2.2],
  'extension-approved': [7, -2.2],
  'extension-refused': [8, -1.2],
  returned: [5, 1.4],
  suspended: [6, 1.4],
  resumed: [7, 1.4],
  'task-approved': [6, 0],
  approved: [8, 0],
  refused: [8, -1.2],
  terminated: [8, 2.2],
};

interface Words {
  withheld: string;
  deviation: string;
}

function graphOption(p: api.Process, lang: Lang, w: Words): EChartsOption {
  const types = [...new Set(p.edges.flatMap((e) => [e.from, e.to]))];
  const name = (code: string) => displayName('caseEvent', code, lang);
  return {
    tooltip: {},
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: false,
        autoCurveness: true,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        symbolSize: 14,
        label: { show: true, fontSize: 10, width: 64, overflow: 'break' },
        edgeLabel: { show: true, fontSize: 10, formatter: (x: { value?: unknown }) => String(x.value ?? '') },
        data: types.map((code, i) => {
          const [x, y] = PLACE[code] ?? [7, 2.2 + i * 0.3];
          // Neighbours on the defined path label above and below in turn, so that names never collide.
          const position = y === 0 ? (x % 4 === 0 ? 'bottom' : 'top') : y > 0 ? 'bottom' : 'top';
          return {
            id: code,
            name: name(code),
            x,
            y,
            label: { position },
            itemStyle: { color: PLACE[code] ? '#1677ff' : '#8c8c8c' },
          };
        }),
        links: p.edges.map((e) => ({
          source: e.from,
          target: e.to,
          value: e.count ?? undefined,
          tooltip: {
            formatter: `${name(e.from)} → ${name(e.to)}: ${e.suppressed ? w.withheld : `${e.count}`}${e.defined ? '' : ` (${w.deviation})`}`,
          },
          lineStyle: {
            width: e.count ? Math.min(6, 1 + Math.log2(e.count)) : 1,
            type: e.defined ? 'solid' : 'dashed',
            color: e.suppressed ? '#bfbfbf' : e.defined ? '#1677ff' : '#cf1322',
          },
        })),
      },
    ],
  };
}

/** A heat cell's step and department in the reader's language (the Chinese where no English name is known). */
const heatNames = (h: api.Process['heat'][number], en: boolean) => ({
  step: (en && h.stepEn) || h.step,
  department: (en && h.departmentEn) || h.department,
});

function heatOption(p: api.Process, w: Words, en: boolean): EChartsOption {
  const row = (h: api.Process['heat'][number]) => {
    const n = heatNames(h, en);
    return `${n.step} · ${n.department}`;
  };
  const rows = [...new Set(p.heat.map(row))];
  const months = [...new Set(p.heat.map((h) => h.month))].sort();
  const max = Math.max(1, ...p.heat.map((h) => h.avgWorkingDays ?? 0));
  const cellOf = (x: unknown) => p.heat[(x as { dataIndex: number }).dataIndex]!;
  const shown = (x: unknown) => {
    const h = cellOf(x);
    return h.avgWorkingDays === null ? w.withheld : String(h.avgWorkingDays);
  };
  return {
    tooltip: {
      formatter: (x: unknown) => `${heatNames(cellOf(x), en).step} · ${cellOf(x).month}: ${shown(x)}`,
    },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: months, splitArea: { show: true } },
    yAxis: { type: 'category', data: rows, axisLabel: { width: 160, overflow: 'truncate' } },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ['#fff7e6', '#fa8c16', '#a8071a'] },
      outOfRange: { color: '#d9d9d9' },
    },
    series: [
      {
        type: 'heatmap',
        label: {
          show: true,
          formatter: (x: { value?: unknown }) => ((x.value as number[])[2]! < 0 ? '' : `${(x.value as number[])[2]}`),
        },
        data: p.heat.map((h) => [months.indexOf(h.month), rows.indexOf(row(h)), h.avgWorkingDays ?? -1]),
      },
    ],
  };
}

export function ProcessCharts({ region, department, from, to }: api.Filters) {
  const { t, i18n } = useTranslation('analytics');
  const lang: Lang = i18n.resolvedLanguage === 'en' ? 'en' : 'zh';
  const items = useQuery({
    queryKey: ['analytics', 'item', region, department, from, to],
    queryFn: ({ signal }) => api.indicators({ region, department, from, to, by: 'item' }, signal),
  });
  const ranked = [...(items.data?.cells ?? [])].sort((a, b) => (b.filed ?? -1) - (a.filed ?? -1));
  const [chosen, setChosen] = useState<string | undefined>();
  const item = chosen ?? ranked[0]?.key;
  const process = useQuery({
    queryKey: ['analytics', 'process', item, region, from, to],
    queryFn: ({ signal }) => api.processMap({ item: item!, region, from, to }, signal),
    enabled: !!item,
  });
  if (!item) return null;
  const name = (code: string) => displayName('caseEvent', code, lang);
  const words = { withheld: t('withheld'), deviation: t('deviation') };
  const p = process.data;
  return (
    <section className="tb-an-process" aria-labelledby="an-process">
      <h2 id="an-process">{t('processSection')}</h2>
      <label className="tb-an-filters">
        {t('processItem')}{' '}
        <select value={item} onChange={(e) => setChosen(e.target.value)}>
          {ranked.map((c) => (
            <option key={c.key} value={c.key}>
              {api.labelIn(c, lang === 'en')}
            </option>
          ))}
        </select>
      </label>
      {process.isError ? <ProblemAlert error={process.error} onRetry={() => void process.refetch()} /> : null}
      {p ? (
        <div className="tb-an-charts">
          <ChartCard
            title={t('processTitle')}
            file="process.csv"
            height={p.edges.some((e) => PLACE[e.from]?.[1] || PLACE[e.to]?.[1]) ? 380 : 220}
            option={graphOption(p, lang, words)}
            table={{
              header: [
                t('fromStep'),
                t('toStep'),
                t('inDefined'),
                t('count'),
                t('medianHours'),
                t('medianWorkingDays'),
              ],
              rows: p.edges.map((e) => [
                name(e.from),
                name(e.to),
                e.defined ? t('yes') : t('deviation'),
                e.count,
                e.medianHours,
                e.medianWorkingDays,
              ]),
            }}
          />
          <ChartCard
            title={t('heatTitle')}
            file="step-dwell.csv"
            height={Math.max(240, 90 + 36 * new Set(p.heat.map((h) => `${h.step} · ${h.department}`)).size)}
            option={heatOption(p, words, lang === 'en')}
            table={{
              header: [t('step'), t('department'), t('month'), t('tasks'), t('avgWorkingDays')],
              rows: p.heat.map((h) => {
                const n = heatNames(h, lang === 'en');
                return [n.step, n.department, h.month, h.tasks, h.avgWorkingDays];
              }),
            }}
          />
        </div>
      ) : null}
      <p className="tb-an-note">{t('processNote')}</p>
    </section>
  );
}
