import { Navigate, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useMe } from '../identity';
import { CaseCard } from './CaseBits';
import { useEnglish } from '../../ui/useEnglish';
import { shortDate } from '../../ui/format';
import { useMyCases } from './queries';
import './cases.css';

function CaseList() {
  const { t } = useTranslation();
  const en = useEnglish();
  const cases = useMyCases();
  if (cases.isPending) return <PageLoading />;
  if (cases.isError) return <ProblemAlert error={cases.error} onRetry={() => void cases.refetch()} />;
  if (cases.data.length === 0) {
    return (
      <div className="tb-panel">
        <p>{t('cases.mine.empty')}</p>
        <Link to="/search">{t('cases.mine.findService')}</Link>
      </div>
    );
  }
  return (
    <ul className="tb-case-list" aria-label={t('cases.mine.listLabel')}>
      {cases.data.map((c) => (
        <CaseCard
          key={c.id}
          to={`/me/cases/${c.id}`}
          itemName={c.itemName}
          status={c.status}
          trackingCode={c.trackingCode}
          facts={
            <>
              <div>
                <dt>{t('cases.fields.submittedAt')}</dt>
                <dd>{shortDate(c.submittedAt, en)}</dd>
              </div>
              <div>
                <dt>{c.decidedAt ? t('cases.fields.decidedAt') : t('cases.fields.dueOn')}</dt>
                <dd>{shortDate(c.decidedAt ?? c.dueOn, en)}</dd>
              </div>
            </>
          }
        />
      ))}
    </ul>
  );
}

export function MyCasesPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('cases.mine.title'));
  if (me.isPending)
    return (
      <div className="tb-container tb-page">
        <PageLoading />
      </div>
    );
  if (me.isError)
    return (
      <div className="tb-container tb-page">
        <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  if (me.data.kind !== 'person')
    return (
      <Navigate
        to={me.data.kind === 'staff' ? '/workbench' : `/login?returnTo=${encodeURIComponent('/me/cases')}`}
        replace
      />
    );
  return (
    <div className="tb-container tb-page tb-cases">
      <header className="tb-page-header">
        <h1>{t('cases.mine.title')}</h1>
        <p className="tb-muted">{t('cases.mine.intro')}</p>
      </header>
      <CaseList />
    </div>
  );
}

export default MyCasesPage;
