import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useMe } from '../identity';
import { InboxList } from './InboxList';

/** 我的消息 in the portal (/me/inbox), for residents and staff alike. */
export function InboxPage() {
  const { t } = useTranslation('notify');
  const me = useMe();
  useDocumentTitle(t('inbox.title'));
  if (me.data?.kind === 'anonymous')
    return <Navigate to={`/login?returnTo=${encodeURIComponent('/me/inbox')}`} replace />;
  return (
    <div className="tb-container tb-page">
      {me.isPending ? (
        <PageLoading />
      ) : me.isError ? (
        <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />
      ) : (
        <>
          <header className="tb-page-header">
            <h1>{t('inbox.title')}</h1>
            <p className="tb-muted">
              {me.data.kind === 'staff' ? t('inbox.staffLead') : t('inbox.lead')}{' '}
              <Link to="/me/notifications">{t('inbox.settings')}</Link>
            </p>
          </header>
          <InboxList />
        </>
      )}
    </div>
  );
}

export default InboxPage;
