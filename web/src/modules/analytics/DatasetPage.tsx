/** One open dataset: what it holds, its downloads and a preview of its rows (the public view). */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import * as api from './api';
import { half } from './OpenDataPage';
import './analytics.css';

function Preview({ resourceId }: { resourceId: string }) {
  const { t } = useTranslation('analytics');
  const rows = useQuery({
    queryKey: ['opendata', 'preview', resourceId],
    queryFn: ({ signal }) => api.preview(resourceId, signal),
  });
  if (rows.isPending) return <PageLoading rows={3} />;
  if (rows.isError) return <ProblemAlert error={rows.error} onRetry={() => void rows.refetch()} />;
  const fields = rows.data.fields.filter((f) => f.id !== '_id');
  const show = (v: unknown) =>
    v === null ? t('withheld') : typeof v === 'boolean' ? (v ? t('yes') : t('no')) : String(v);
  return (
    <section aria-labelledby="od-preview">
      <h2 id="od-preview">{t('preview')}</h2>
      <p>{t('rows', { n: rows.data.total })}</p>
      <div className="tb-an-table-wrap">
        <table className="tb-an-table">
          <thead>
            <tr>
              {fields.map((f) => (
                <th scope="col" key={f.id}>
                  {f.info?.label ?? f.id}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.data.records.map((r) => (
              <tr key={String(r._id)}>
                {fields.map((f) => (
                  <td key={f.id}>{show(r[f.id])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function DatasetPage() {
  const { t, i18n } = useTranslation('analytics');
  const en = i18n.resolvedLanguage === 'en';
  const { name = '' } = useParams();
  const data = useQuery({
    queryKey: ['opendata', 'dataset', name],
    queryFn: ({ signal }) => api.dataset(name, signal),
  });
  useDocumentTitle(data.data ? half(data.data.title, en) : t('openDataTitle'));
  if (data.isPending) return <PageLoading rows={4} />;
  if (data.isError)
    return (
      <div className="tb-container tb-page">
        <ProblemAlert error={data.error} onRetry={() => void data.refetch()} />
        <Link to="/opendata">{t('back')}</Link>
      </div>
    );
  const d = data.data;
  const json = d.resources.find((r) => r.format === 'JSON') ?? d.resources[0]!;
  return (
    <div className="tb-container tb-page">
      <p>
        <Link to="/opendata">{t('back')}</Link>
      </p>
      <header className="tb-page-header">
        <h1>{half(d.title, en)}</h1>
        <p>{half(d.notes, en)}</p>
      </header>
      <p className="tb-an-formats">
        {t('resources')}:{' '}
        {d.resources.map((r) => (
          <a key={r.id} href={r.url.replace(/^https?:\/\/[^/]+/, '')} download>
            {r.format}
          </a>
        ))}{' '}
        · {t('license')}: {d.license_title}
      </p>
      <Preview resourceId={json.id} />
    </div>
  );
}
