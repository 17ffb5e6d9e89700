import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder while a page's data loads; announced once to screen readers. */
export function PageLoading({ rows = 6 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" className="tb-loading">
      <span className="sr-only">{t('app.loading')}</span>
      <Skeleton active paragraph={{ rows }} />
    </div>
  );
}
