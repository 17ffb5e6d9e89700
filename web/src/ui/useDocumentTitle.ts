import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title as "<page> · 通办 · 一网通办政务服务平台" (or the site title alone). */
export function useDocumentTitle(page?: string): void {
  const { t } = useTranslation();
  const site = t('app.documentTitle');
  useEffect(() => {
    document.title = page ? `${page} · ${site}` : site;
  }, [page, site]);
}
