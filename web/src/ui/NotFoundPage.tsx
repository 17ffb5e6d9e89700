import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from './useDocumentTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('error.notFoundTitle'));
  return (
    <div className="tb-container tb-page">
      <div className="tb-panel tb-message">
        <p className="tb-message__code" aria-hidden="true">
          404
        </p>
        <h1>{t('error.notFoundTitle')}</h1>
        <p>{t('error.notFound')}</p>
        <Link className="tb-button-link" to="/">
          {t('error.backHome')}
        </Link>
      </div>
    </div>
  );
}
