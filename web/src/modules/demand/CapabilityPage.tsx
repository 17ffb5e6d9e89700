/**
 * 一体化政务服务能力指数 of a region: the index and its grade, the four sub-scores as a bar chart
 * (with its table and CSV), and each sub-score's formula, inputs and weight.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ChartCard } from '../analytics';
import { RegionSelector, useRegions } from '../catalog';
import { useMe } from '../identity';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import * as api from './api';
import { SectionNav } from './SectionNav';
import './demand.css';
import { useNameIn } from '../../ui/useNameIn';

function Capability({ region }: { region: string }) {
  const { t, i18n } = useTranslation('demand');
  const en = i18n.resolvedLanguage === 'en';
  const nameIn = useNameIn();
  const answer = useQuery({
    queryKey: ['analytics', 'capability', region],
    queryFn: ({ signal }) => api.capability(region, signal),
  });
  if (answer.isError) return <ProblemAlert error={answer.error} onRetry={() => void answer.refetch()} />;
  if (!answer.data) return <PageLoading rows={6} />;
  const c = answer.data;
  const name = (s: { zh: string; en: string }) => (en ? s.en : s.zh);
  const shown = (v: number | null) => (v === null ? t('notCounted') : String(v));
  return (
    <>
      <p className="tb-dm-view">
        {c.view === 'staff' ? t('staffView') : t('publicWithheld')} · {nameIn(c.region)}
      </p>
      <dl className="tb-dm-figures">
        <div className="tb-dm-figure">
          <dt>{t('index')}</dt>
          <dd>{shown(c.index)}</dd>
        </div>
        <div className="tb-dm-figure">
          <dt>{t('grade')}</dt>
          <dd>{c.grade ? t(`grades.${c.grade}`) : t('notCounted')}</dd>
        </div>
      </dl>
      <ChartCard
        title={`${t('subScores')} · ${nameIn(c.region)}`}
        file={`capability-${c.region.code}.csv`}
        option={{
          tooltip: { trigger: 'axis' },
          grid: { left: 8, right: 16, bottom: 8, top: 16, containLabel: true },
          xAxis: { type: 'value', max: 100 },
          yAxis: { type: 'category', data: c.scores.map(name), inverse: true },
          series: [{ name: t('score'), type: 'bar', data: c.scores.map((s) => s.score) }],
        }}
        table={{
          header: [t('subScores'), t('score'), t('weight')],
          rows: c.scores.map((s) => [name(s), s.score, s.weight]),
        }}
      />
      <dl className="tb-dm-scores">
        {c.scores.map((s) => (
          <div key={s.key}>
            <dt>
              {name(s)} · {t('score')} {shown(s.score)} · {t('weight')} {s.weight}
            </dt>
            <dd>
              {t('formula')}
              {en ? s.formulaEn : s.formulaZh}
            </dd>
            <dd>
              {t('inputs')}
              {s.inputs.map((i) => `${name(i)} ${i.value ?? t('notCounted')}`).join(en ? '; ' : '；')}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

export default function CapabilityPage() {
  const { t } = useTranslation('demand');
  useDocumentTitle(t('capabilityTitle'));
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const provinces = useRegions(undefined);
  const staffRegion = me.data?.kind === 'staff' ? me.data.regionCode : undefined;
  const region = params.get('region') ?? staffRegion ?? provinces.data?.[0]?.code;
  return (
    <div className="tb-container tb-page">
      <header className="tb-page-header">
        <h1>{t('capabilityTitle')}</h1>
        <p>{t('capabilityLead')}</p>
      </header>
      <SectionNav />
      <RegionSelector
        value={region}
        compact
        legend={t('chooseRegion')}
        onChange={(code) => setParams(code ? new URLSearchParams({ region: code }) : new URLSearchParams())}
      />
      {region ? <Capability region={region} /> : <PageLoading rows={4} />}
    </div>
  );
}
