import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundPage } from '../ui/NotFoundPage';

/**
 * Last line of defence for a page that failed to render or whose code failed to load (typically
 * an old tab after a new release): offer a reload instead of a blank screen.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <div className="tb-container tb-page">
      <div className="tb-panel tb-message" role="alert">
        <h1>{t('error.title')}</h1>
        <p>{t('error.generic')}</p>
        <button type="button" className="tb-button-link" onClick={() => window.location.reload()}>
          {t('error.retry')}
        </button>
      </div>
    </div>
  );
}
