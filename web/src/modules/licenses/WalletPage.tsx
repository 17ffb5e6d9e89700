import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import type { PersonMe } from '../identity';
import { PersonPage } from '../identity';
import { LicenseCard } from './LicenseCard';
import { useLicenseTypes, useMyLicenses } from './queries';
import './licenses.css';

function Wallet({ me }: { me: PersonMe }) {
  const { t } = useTranslation();
  const licenses = useMyLicenses();
  const types = useLicenseTypes();
  const labels = (code: string) => {
    const type = types.data?.find((x) => x.code === code);
    return type ? new Map(type.fields.map((f) => [f.key, f.label])) : undefined;
  };
  return (
    <>
      <header className="tb-page-header">
        <h1>{t('licenses.wallet.title')}</h1>
        <p className="tb-muted">
          {me.actingFor
            ? t('licenses.wallet.introEnterprise', { name: me.actingFor.name })
            : t('licenses.wallet.intro')}
        </p>
        <p>
          <Link to="/me/data-uses">{t('licenses.wallet.usesLink')}</Link>
          {' · '}
          <Link to="/licenses/verify">{t('licenses.wallet.verifyLink')}</Link>
        </p>
      </header>
      {licenses.isPending ? (
        <PageLoading rows={4} />
      ) : licenses.isError ? (
        <ProblemAlert error={licenses.error} onRetry={() => void licenses.refetch()} />
      ) : licenses.data.length === 0 ? (
        <p className="tb-panel">{t('licenses.wallet.empty')}</p>
      ) : (
        <ul className="tb-license-list" aria-label={t('licenses.wallet.listLabel')}>
          {licenses.data.map((l) => (
            <LicenseCard key={l.id} l={l} labels={labels(l.type.code)} />
          ))}
        </ul>
      )}
    </>
  );
}

export function WalletPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('licenses.wallet.title'));
  return <PersonPage className="tb-licenses">{(me) => <Wallet me={me} />}</PersonPage>;
}

export default WalletPage;
