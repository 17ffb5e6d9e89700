import {
  FileSearchOutlined,
  HomeOutlined,
  AppstoreOutlined,
  LogoutOutlined,
  IdcardOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMe, useSignOut } from '../../identity';
import { useIdleWipe } from './useIdleWipe';
import { useKiosk } from './useKiosk';

/** No way out to the browser: no context menu, no new windows, no link leaving the portal. */
function useLockedBrowser(on: boolean) {
  useEffect(() => {
    if (!on) return;
    const noMenu = (e: Event) => e.preventDefault();
    const stayInside = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a');
      if (!a) return;
      const leaves =
        a.target === '_blank' ||
        a.hasAttribute('download') ||
        new URL(a.href, location.href).origin !== location.origin;
      const toDocs = new URL(a.href, location.href).pathname.startsWith('/docs');
      if (leaves || toDocs) e.preventDefault();
    };
    const open = window.open;
    window.open = () => null;
    document.addEventListener('contextmenu', noMenu);
    document.addEventListener('click', stayInside, true);
    return () => {
      window.open = open;
      document.removeEventListener('contextmenu', noMenu);
      document.removeEventListener('click', stayInside, true);
    };
  }, [on]);
}

const CASE_PAGE = /^\/me\/cases\/([0-9a-f-]{36})$/;

/**
 * The kiosk's frame around every page while the terminal is in kiosk mode: a bar of large touch
 * buttons (首页 · 办事 · 办件查询 · 刷身份证登录/退出, and 打印 on a case), the idle countdown and
 * wipe, and the browser locked. Renders nothing in an ordinary browser.
 */
export function KioskFrame() {
  const { t } = useTranslation('mobile');
  const config = useKiosk();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const signOut = useSignOut();
  const { left, stay, wiped } = useIdleWipe(config);
  useLockedBrowser(Boolean(config));
  useEffect(() => {
    document.documentElement.classList.toggle('kiosk-mode', Boolean(config));
  }, [config]);
  if (!config) return null;
  const signedIn = me.data?.kind === 'person';
  const caseId = CASE_PAGE.exec(pathname)?.[1];
  return (
    <>
      {left !== undefined ? (
        <div className="tb-kiosk-idle" role="alert">
          <p>{t('kiosk.idleWarning', { seconds: left })}</p>
          <button type="button" className="tb-big-button" onClick={stay}>
            {t('kiosk.stay')}
          </button>
        </div>
      ) : null}
      {wiped && pathname === '/kiosk' ? (
        <p className="tb-kiosk-wiped" role="status">
          {t('kiosk.wiped')}
        </p>
      ) : null}
      <nav className="tb-kiosk-bar" aria-label={t('kiosk.bar')}>
        {[
          { to: '/kiosk', icon: <HomeOutlined aria-hidden="true" />, label: t('kiosk.home') },
          { to: '/search', icon: <AppstoreOutlined aria-hidden="true" />, label: t('kiosk.services') },
          { to: '/track', icon: <FileSearchOutlined aria-hidden="true" />, label: t('kiosk.track') },
          ...(caseId
            ? [
                {
                  to: `/me/cases/${caseId}/print`,
                  icon: <PrinterOutlined aria-hidden="true" />,
                  label: t('kiosk.print'),
                },
              ]
            : []),
        ].map((b) => (
          <Link key={b.to} to={b.to} className="tb-kiosk-bar__button">
            {b.icon}
            {b.label}
          </Link>
        ))}
        {signedIn ? (
          <button
            type="button"
            className="tb-kiosk-bar__button"
            onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/kiosk') })}
          >
            <LogoutOutlined aria-hidden="true" />
            {t('kiosk.signOut')}
          </button>
        ) : (
          <Link to="/kiosk?signIn=card" className="tb-kiosk-bar__button">
            <IdcardOutlined aria-hidden="true" />
            {t('kiosk.signInCard')}
          </Link>
        )}
      </nav>
    </>
  );
}
