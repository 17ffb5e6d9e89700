import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { BottomTabBar, ElderAssist, KioskFrame, useKiosk } from '../modules/mobile';
import { AssistantPanel } from '../modules/assistant';
import { PageLoading } from '../ui/PageLoading';
import { usePreferences } from './preferences';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

/** Staff consoles, where the residents' assistant is not offered. */
const STAFF_PAGES = /^\/(?:workbench|admin|supervision)(?:\/|$)/;

/**
 * The portal frame: skip link, header, main landmark, footer, and 智能客服 on the residents' pages. After each navigation focus moves
 * to <main> so that screen-reader and keyboard users start at the new page's content.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const { elder } = usePreferences();
  const kiosk = useKiosk();
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <div className="tb-app">
      <a className="tb-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      {elder || kiosk ? <ElderAssist /> : null}
      <main id="main" ref={mainRef} tabIndex={-1} className="tb-main">
        <Suspense
          fallback={
            <div className="tb-container tb-page">
              <PageLoading />
            </div>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <SiteFooter />
      <BottomTabBar />
      <KioskFrame />
      {STAFF_PAGES.test(pathname) ? null : (
        <Suspense fallback={null}>
          <AssistantPanel />
        </Suspense>
      )}
      <ScrollRestoration />
    </div>
  );
}
