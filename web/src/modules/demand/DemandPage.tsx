/**
 * 需求分析: headline figures, then top, zero-result, no-click and converting queries, items viewed
 * but seldom applied for online, and applications across counties. Provincial catalogue
 * administrators make a zero-result query a synonym from its row.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../identity';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import * as api from './api';
import { ListTable, queryRows, SynonymButton } from './Lists';
import { SectionNav } from './SectionNav';
import { PeriodFilter } from './PeriodFilter';
import './demand.css';
import { useNameIn } from '../../ui/useNameIn';

function Demand({ from, to }: { from?: string; to?: string }) {
  const { t } = useTranslation('demand');
  const nameIn = useNameIn();
  const me = useMe();
  const answer = useQuery({
    queryKey: ['analytics', 'demand', { from, to }],
    queryFn: ({ signal }) => api.demand({ from, to }, signal),
  });
  if (answer.isError) return <ProblemAlert error={answer.error} onRetry={() => void answer.refetch()} />;
  if (!answer.data) return <PageLoading rows={6} />;
  const d = answer.data;
  const staff = me.data?.kind === 'staff' ? me.data : undefined;
  const canMakeSynonym = !!staff && staff.roles.includes('catalog_admin') && staff.regionCode.length <= 2;
  const figures: [string, number | null][] = [
    [t('searches'), d.totals.searches],
    [t('people'), d.totals.people],
    [t('zeroResultSearches'), d.totals.zeroResult],
    [t('clicked'), d.totals.clicked],
    [t('ledToApplication'), d.totals.ledToApplication],
  ];
  return (
    <>
      <p className="tb-dm-view">
        {d.view === 'staff' ? t('staffView') : t('demandLead', { people: d.minPeople, k: d.minCell })}
        {d.region ? ` · ${d.region.name}` : ''}
      </p>
      <dl className="tb-dm-figures">
        {figures.map(([label, value]) => (
          <div key={label} className="tb-dm-figure">
            <dt>{label}</dt>
            <dd>{value ?? t('withheld')}</dd>
          </div>
        ))}
      </dl>
      <div className="tb-dm-lists">
        <ListTable
          title={t('top')}
          header={[t('query'), t('searches'), t('people')]}
          rows={queryRows(d.top, 'count', 'people')}
        />
        <ListTable
          title={t('zeroResult')}
          header={[t('query'), t('count'), t('people')]}
          rows={queryRows(d.zeroResult, 'count', 'people')}
          extra={canMakeSynonym ? (query) => <SynonymButton query={query} /> : undefined}
        />
        <ListTable
          title={t('noClick')}
          header={[t('query'), t('count'), t('searches')]}
          rows={queryRows(d.noClick, 'count', 'searches')}
        />
        <ListTable
          title={t('led')}
          header={[t('query'), t('applications'), t('searches')]}
          rows={queryRows(d.ledToApplication, 'count', 'searches')}
        />
        <ListTable
          title={t('viewedNotApplied')}
          header={[t('item'), t('views'), t('online'), t('onlineRate')]}
          rows={d.viewedNotApplied.map((v) => ({
            key: v.itemCode,
            cells: [v.itemName, v.views, v.online, v.onlineRate === null ? null : Math.round(v.onlineRate * 100) / 100],
          }))}
        />
        <ListTable
          title={t('travel')}
          header={[t('fromRegion'), t('toRegion'), t('cases'), t('people')]}
          rows={d.travel.map((r) => ({
            key: `${r.from.code}-${r.to.code}`,
            cells: [nameIn(r.from), nameIn(r.to), r.cases, r.people],
          }))}
        />
      </div>
    </>
  );
}

export default function DemandPage() {
  const { t } = useTranslation('demand');
  useDocumentTitle(t('demandTitle'));
  const [params] = useSearchParams();
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  return (
    <div className="tb-container tb-page">
      <header className="tb-page-header">
        <h1>{t('demandTitle')}</h1>
      </header>
      <SectionNav />
      <PeriodFilter from={from} to={to} />
      <Demand from={from} to={to} />
    </div>
  );
}
