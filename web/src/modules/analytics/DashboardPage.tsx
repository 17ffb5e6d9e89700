/**
 * 数据驾驶舱 (filtered by region, department and period, kept in the address): headline figures, the monthly trend of accepted and completed cases, on-time and
 * satisfaction rates by department, the regions on a tile map, and an item's directly-follows graph
 * and step heat map — the public view (small cells withheld) or, for staff who read analytics,
 * their scope in full; each chart with its table and CSV; the glossary below.
 */
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RegionSelector } from '../catalog';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import * as api from './api';
import { ChartCard } from './ChartCard';
import { ProcessCharts } from './ProcessCharts';
import { RegionMap } from './RegionMap';
import './analytics.css';
import { useNameIn } from '../../ui/useNameIn';

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

function Headline({ cell }: { cell: api.Cell | undefined }) {
  const { t } = useTranslation('analytics');
  // No cell: no case in the slice at all (nothing is withheld); a null figure: withheld or not defined.
  const show = (v: number | null | undefined, unit = '') =>
    !cell ? t('noData') : v === null || v === undefined ? t('withheld') : `${v}${unit}`;
  const figures: [string, string][] = [
    [t('accepted'), show(cell?.accepted)],
    [t('completed'), show(cell?.completed)],
    [t('onTimePromisedRate'), show(pct(cell?.onTimePromisedRate ?? null), '%')],
    [t('avgWorkingDays'), show(cell?.avgWorkingDays)],
    [t('fullyOnlineShare'), show(pct(cell?.fullyOnlineShare ?? null), '%')],
    [t('satisfaction'), show(pct(cell?.satisfaction ?? null), '%')],
    [t('materialsSaved'), show(cell?.materialsSaved)],
    [t('visitsSaved'), show(cell?.visitsSaved)],
  ];
  return (
    <dl className="tb-an-figures">
      {figures.map(([label, value]) => (
        <div key={label} className="tb-an-figure">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

type Filters = api.Filters;

function Dashboard({
  filters,
  onFilter,
}: {
  filters: Filters;
  onFilter: (changes: Partial<Record<keyof Filters, string | undefined>>) => void;
}) {
  const { t, i18n } = useTranslation('analytics');
  const nameIn = useNameIn();
  const en = i18n.resolvedLanguage === 'en';
  const { region, department, from, to } = filters;
  const departmentId = useId();
  const q = { region, department, from, to };
  const total = useQuery({
    queryKey: ['analytics', 'total', q],
    queryFn: ({ signal }) => api.indicators({ ...q, by: 'total' }, signal),
  });
  const months = useQuery({
    queryKey: ['analytics', 'month', q],
    queryFn: ({ signal }) => api.indicators({ ...q, by: 'month' }, signal),
  });
  // Every department of the region (the chart compares them; the filter lists them).
  const departments = useQuery({
    queryKey: ['analytics', 'department', { region, from, to }],
    queryFn: ({ signal }) => api.indicators({ region, from, to, by: 'department' }, signal),
  });
  const glossary = useQuery({ queryKey: ['analytics', 'glossary'], queryFn: ({ signal }) => api.glossary(signal) });
  const failed = [total, months, departments].find((r) => r.isError);
  if (failed) return <ProblemAlert error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!total.data || !months.data || !departments.data) return <PageLoading rows={6} />;
  const m = months.data.cells;
  const labelOf = (c: api.Cell) => api.labelIn(c, en);
  // The filter lists every department by name; the chart draws those with figures (the table lists all).
  const d = [...departments.data.cells].sort((a, b) => labelOf(a).localeCompare(labelOf(b), en ? 'en' : 'zh-CN'));
  const drawn = d.filter((c) => !c.suppressed);
  const shownRegion = region ?? total.data.region?.code;
  return (
    <>
      <div className="tb-an-filters">
        <RegionSelector
          value={shownRegion}
          onChange={(code) => onFilter({ region: code, department: undefined })}
          compact
          legend={t('regionFilter')}
        />
        <span>
          <label htmlFor={departmentId}>{t('department')}</label>{' '}
          <select
            id={departmentId}
            value={department ?? ''}
            onChange={(e) => onFilter({ department: e.target.value || undefined })}
          >
            <option value="">{t('allDepartments')}</option>
            {d.map((c) => (
              <option key={c.key} value={c.key}>
                {labelOf(c)}
              </option>
            ))}
          </select>
        </span>
      </div>
      <p className="tb-an-view">
        {total.data.view === 'staff' ? t('staffView') : t('publicView', { k: total.data.minCell })}
        {total.data.region ? ` · ${nameIn(total.data.region)}` : ''}
      </p>
      <Headline cell={total.data.cells[0]} />
      <div className="tb-an-charts">
        <ChartCard
          title={t('trend')}
          file="trend.csv"
          option={{
            tooltip: { trigger: 'axis' },
            legend: { top: 0, data: [t('accepted'), t('completed')] },
            grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
            xAxis: { type: 'category', data: m.map((c) => c.key) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              { name: t('accepted'), type: 'line', data: m.map((c) => c.accepted) },
              { name: t('completed'), type: 'bar', data: m.map((c) => c.completed) },
            ],
          }}
          table={{
            header: [t('month'), t('accepted'), t('completed')],
            rows: m.map((c) => [c.key, c.accepted, c.completed]),
          }}
        />
        <ChartCard
          title={t('byDepartment')}
          file="departments.csv"
          option={{
            tooltip: { trigger: 'axis' },
            legend: { top: 0, data: [t('onTimePromisedRate'), t('satisfaction')] },
            grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
            xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
            // Long department names are cut to leave the bars room; the tooltip and the table give them whole.
            yAxis: {
              type: 'category',
              data: drawn.map(labelOf),
              inverse: true,
              axisLabel: { width: en ? 190 : 150, overflow: 'truncate' },
            },
            series: [
              { name: t('onTimePromisedRate'), type: 'bar', data: drawn.map((c) => pct(c.onTimePromisedRate)) },
              { name: t('satisfaction'), type: 'bar', data: drawn.map((c) => pct(c.satisfaction)) },
            ],
          }}
          table={{
            header: [t('department'), `${t('onTimePromisedRate')} (%)`, `${t('satisfaction')} (%)`, t('completed')],
            rows: d.map((c) => [
              labelOf(c),
              c.suppressed ? t('withheld') : pct(c.onTimePromisedRate),
              c.suppressed ? t('withheld') : pct(c.satisfaction),
              c.suppressed ? t('withheld') : c.completed,
            ]),
          }}
        />
      </div>
      <RegionMap region={total.data.region?.code} department={department} from={from} to={to} />
      <ProcessCharts region={region} department={department} from={from} to={to} />
      {glossary.data ? (
        <section className="tb-an-glossary" aria-labelledby="an-glossary">
          <h2 id="an-glossary">{t('glossary')}</h2>
          <dl>
            {glossary.data.entries.map((e) => (
              <div key={e.key}>
                <dt>{en ? e.en : e.zh}</dt>
                <dd>{en ? e.definitionEn : e.definitionZh}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation('analytics');
  const { t: tDemand } = useTranslation('demand');
  useDocumentTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const filters: Filters = Object.fromEntries(
    (['region', 'department', 'from', 'to'] as const).flatMap((k) => {
      const v = params.get(k);
      return v ? [[k, v]] : [];
    }),
  );
  const { from, to } = filters;
  const onFilter = (changes: Partial<Record<keyof Filters, string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  return (
    <div className="tb-container tb-page">
      <header className="tb-page-header">
        <h1>{t('title')}</h1>
        <p>{t('lead')}</p>
      </header>
      <nav className="tb-an-filters" aria-label={tDemand('sections')}>
        <Link to="/analytics/demand">{tDemand('navDemand')}</Link>
        <Link to="/analytics/capability">{tDemand('navCapability')}</Link>
      </nav>
      <form
        className="tb-an-filters"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          onFilter({ from: String(f.get('from') ?? '') || undefined, to: String(f.get('to') ?? '') || undefined });
        }}
      >
        <label>
          {t('from')} <input type="date" name="from" defaultValue={from} />
        </label>
        <label>
          {t('to')} <input type="date" name="to" defaultValue={to} />
        </label>
        <button type="submit">{t('apply')}</button>
      </form>
      <Dashboard filters={filters} onFilter={onFilter} />
    </div>
  );
}
