/** 开放数据: the datasets the platform publishes, each with its downloads. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import * as api from './api';
import './analytics.css';

/** The Chinese or the English half of a bilingual title or description ("中文 English"). */
export function half(text: string, en: boolean): string {
  const i = text.search(/\s[A-Z]/);
  if (i < 0) return text;
  return en ? text.slice(i + 1) : text.slice(0, i);
}

export default function OpenDataPage() {
  const { t, i18n } = useTranslation('analytics');
  const en = i18n.resolvedLanguage === 'en';
  useDocumentTitle(t('openDataTitle'));
  const list = useQuery({ queryKey: ['opendata', 'list'], queryFn: ({ signal }) => api.datasets(signal) });
  return (
    <div className="tb-container tb-page">
      <header className="tb-page-header">
        <h1>{t('openDataTitle')}</h1>
        <p>{t('openDataLead')}</p>
      </header>
      {list.isPending ? (
        <PageLoading rows={3} />
      ) : list.isError ? (
        <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ul className="tb-an-datasets">
          {list.data.map((d) => (
            <li key={d.name}>
              <h2>
                <Link to={`/opendata/${d.name}`}>{half(d.title, en)}</Link>
              </h2>
              <p>{half(d.notes, en)}</p>
              <p className="tb-an-formats">
                {d.resources.map((r) => (
                  <a key={r.id} href={r.url.replace(/^https?:\/\/[^/]+/, '')} download>
                    {r.format}
                  </a>
                ))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
