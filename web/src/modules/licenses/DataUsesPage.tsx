import { Alert } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NetworkError, ProblemError } from '../../app/http';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useEnglish } from '../../ui/useEnglish';
import { dateTime } from '../../ui/format';
import type { PersonMe } from '../identity';
import { PersonPage } from '../identity';
import { ConsentsSection } from './ConsentsSection';
import { useDataUses, useLicenseUses } from './queries';
import './licenses.css';

const RANGES = ['7', '30', '365', 'all'] as const;
type Range = (typeof RANGES)[number];
const since = (range: Range) => (range === 'all' ? 0 : Date.now() - Number(range) * 86_400_000);

/** The data-sharing routes are missing or down on this server: a gap to explain, not an error to retry. */
const unavailable = (e: unknown) =>
  (e instanceof ProblemError || e instanceof NetworkError) && [404, 405, 501, 503].includes(e.status ?? 0);

function RangeFilter({ value, onChange }: { value: Range; onChange: (r: Range) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <p className="tb-uses-filter">
      <label htmlFor={id}>{t('licenses.uses.range')}</label>{' '}
      <select id={id} className="tb-select" value={value} onChange={(e) => onChange(e.target.value as Range)}>
        {RANGES.map((r) => (
          <option key={r} value={r}>
            {t(`licenses.uses.ranges.${r}`)}
          </option>
        ))}
      </select>
    </p>
  );
}

/** One record: when, who, and the facts of the use. */
function UseItem({ at, who, facts }: { at: string; who: string; facts: [string, ReactNode][] }) {
  const en = useEnglish();
  return (
    <li className="tb-use">
      <div className="tb-case-card__head">
        <strong>{who}</strong>
        <time dateTime={at} className="tb-muted">
          {dateTime(at, en)}
        </time>
      </div>
      <dl className="tb-case-card__facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

function LicenseUses({ from }: { from: number }) {
  const { t } = useTranslation();
  const uses = useLicenseUses();
  if (uses.isPending) return <PageLoading rows={3} />;
  if (uses.isError) return <ProblemAlert error={uses.error} onRetry={() => void uses.refetch()} />;
  const shown = uses.data.filter((u) => new Date(u.at).getTime() >= from);
  if (shown.length === 0) return <p>{t('licenses.uses.licenseEmpty')}</p>;
  return (
    <ul className="tb-case-list" aria-label={t('licenses.uses.licenseTitle')}>
      {shown.map((u) => (
        <UseItem
          key={u.id}
          at={u.at}
          who={u.departmentName}
          facts={[
            [t('licenses.uses.license'), `${u.typeName}（${u.number}）`],
            [t('licenses.uses.purpose'), u.purpose],
            ...(u.caseId
              ? [
                  [
                    t('licenses.uses.case'),
                    <Link key="case" to={`/me/cases/${u.caseId}`}>
                      {t('licenses.uses.openCase')}
                    </Link>,
                  ] as [string, ReactNode],
                ]
              : []),
            ...(u.consentId ? [[t('licenses.uses.basis'), t('licenses.uses.byConsent')] as [string, ReactNode]] : []),
          ]}
        />
      ))}
    </ul>
  );
}

function DataUses({ from }: { from: number }) {
  const { t } = useTranslation();
  const uses = useDataUses(undefined);
  if (uses.isPending) return <PageLoading rows={3} />;
  if (uses.isError) {
    return unavailable(uses.error) ? (
      <Alert type="info" showIcon title={t('licenses.uses.dataUnavailable')} />
    ) : (
      <ProblemAlert error={uses.error} onRetry={() => void uses.refetch()} />
    );
  }
  const shown = uses.data.filter((u) => new Date(u.at).getTime() >= from);
  if (shown.length === 0) return <p>{t('licenses.uses.dataEmpty')}</p>;
  return (
    <ul className="tb-case-list" aria-label={t('licenses.uses.dataTitle')}>
      {shown.map((u, i) => (
        <UseItem
          key={`${u.at}-${i}`}
          at={u.at}
          who={u.department}
          facts={[
            [
              t('licenses.uses.officer'),
              u.via === 'staff'
                ? t('licenses.uses.byStaff', { name: u.officer })
                : t('licenses.uses.bySystem', { name: u.officer }),
            ],
            [t('licenses.uses.resource'), u.resource.name],
            [t('licenses.uses.fields'), u.fields.map((f) => f.name).join(t('app.listSep')) || '—'],
            [t('licenses.uses.purpose'), u.purpose],
            ...(u.legalBasis ? [[t('licenses.uses.legalBasis'), u.legalBasis] as [string, ReactNode]] : []),
            ...(u.subject === 'enterprise'
              ? [[t('licenses.uses.subject'), t('licenses.uses.enterprise')] as [string, ReactNode]]
              : []),
          ]}
        />
      ))}
    </ul>
  );
}

function DataUsesView({ me }: { me: PersonMe }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<Range>('30');
  const from = since(range);
  return (
    <>
      <header className="tb-page-header">
        <h1>{t('licenses.uses.title')}</h1>
        <p>{t('licenses.uses.intro')}</p>
        {me.actingFor ? <p className="tb-muted">{t('licenses.uses.actingFor', { name: me.actingFor.name })}</p> : null}
        <p>
          <Link to="/me/licenses">{t('licenses.uses.walletLink')}</Link>
        </p>
      </header>
      <RangeFilter value={range} onChange={setRange} />
      <section className="tb-panel tb-case-section" aria-labelledby="uses-licenses">
        <h2 id="uses-licenses">{t('licenses.uses.licenseTitle')}</h2>
        <LicenseUses from={from} />
      </section>
      <section className="tb-panel tb-case-section" aria-labelledby="uses-data">
        <h2 id="uses-data">{t('licenses.uses.dataTitle')}</h2>
        <DataUses from={from} />
      </section>
      <ConsentsSection me={me} />
    </>
  );
}

/** 谁用了我的数据: the uses of my licences, the reads of my registry data, and my consents. */
export function DataUsesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('licenses.uses.title'));
  return <PersonPage className="tb-licenses tb-cases">{(me) => <DataUsesView me={me} />}</PersonPage>;
}

export default DataUsesPage;
