import { Alert, Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { canApplyOnline } from '../../catalog';
import { useItem } from '../../catalog';
import { useMe } from '../../identity';
import { ApplyWizard } from './ApplyWizard';
import '../cases.css';
import './apply.css';

/** Who may use the wizard: signed-in persons (for themselves or an enterprise), for items open to online application. */
function ApplyBody({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const item = useItem(code);
  if (me.isPending || item.isPending) return <PageLoading rows={8} />;
  if (me.isError) return <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data.kind === 'anonymous')
    return <Navigate to={`/login?returnTo=${encodeURIComponent(`/items/${code}/apply`)}`} replace />;
  if (item.isError) return <ProblemAlert error={item.error} onRetry={() => void item.refetch()} />;
  if (me.data.kind === 'staff') return <Alert type="info" showIcon title={t('apply.staffCannotApply')} />;
  if (!canApplyOnline(item.data)) {
    return (
      <Alert
        type="info"
        showIcon
        title={t('apply.notOnline')}
        description={<Link to={`/items/${code}`}>{t('apply.backToGuide')}</Link>}
      />
    );
  }
  // A new applicant (switching to act for an enterprise) starts a new wizard: their own draft, their own materials.
  return <ApplyWizard key={me.data.actingFor?.enterpriseId ?? 'self'} item={item.data} me={me.data} />;
}

export function ApplyPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const item = useItem(code);
  const name = item.data?.name;
  useDocumentTitle(name ? `${t('apply.title')} · ${name}` : t('apply.title'));
  return (
    <div className="tb-container tb-page tb-cases tb-apply">
      <Breadcrumb
        className="tb-breadcrumb"
        items={[
          { key: 'home', title: <Link to="/">{t('nav.home')}</Link> },
          { key: 'guide', title: <Link to={`/items/${code}`}>{name ?? t('guide.title')}</Link> },
          { key: 'apply', title: t('apply.title') },
        ]}
      />
      <header className="tb-page-header">
        <p className="tb-apply-kicker">{t('apply.title')}</p>
        <h1>{name ?? t('apply.title')}</h1>
      </header>
      <ApplyBody code={code} />
    </div>
  );
}

export default ApplyPage;
