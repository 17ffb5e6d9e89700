import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMe, useSignOut } from './queries';
import './identity.css';

/**
 * The header's account corner: 登录 / 注册 for visitors; for a signed-in person their name (or
 * "代 企业名" while acting for an enterprise) opening a small menu with 我的账号 and 退出. A
 * disclosure (button + list) rather than antd Dropdown, which would weigh on every page.
 */
export function AccountMenu({ onAnnounce }: { onAnnounce: (message: string) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  if (me.isPending || me.isError || me.data.kind === 'anonymous') {
    // While asking (or when the server cannot say), offer sign-in: it is harmless if already signed in.
    const here = `${pathname}${search}`;
    const returnTo = ['/login', '/register', '/'].includes(pathname) ? '' : `?returnTo=${encodeURIComponent(here)}`;
    return (
      <div className="tb-account-links">
        <Link className="tb-header__link" to={`/login${returnTo}`}>
          {t('identity.signIn')}
        </Link>
        <Link className="tb-header__link" to={`/register${returnTo}`}>
          {t('identity.signUp')}
        </Link>
      </div>
    );
  }

  const data = me.data;
  const label =
    data.kind === 'person' && data.actingFor ? t('identity.actingForShort', { name: data.actingFor.name }) : data.name;

  return (
    <div
      className="tb-account-menu"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="tb-account-menu__button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={`${t('identity.accountMenu')}${t('app.colon')}${label}`}
        onClick={() => setOpen((o) => !o)}
      >
        <UserOutlined aria-hidden="true" />
        <span className="tb-account-menu__name">{label}</span>
        <DownOutlined aria-hidden="true" className="tb-account-menu__caret" />
      </button>
      <ul id={menuId} className="tb-account-menu__list" hidden={!open}>
        <li>
          <Link to="/me" onClick={() => setOpen(false)}>
            {t('identity.myAccount')}
          </Link>
        </li>
        {data.kind === 'person' ? (
          <>
            <li>
              <Link to="/me/cases" onClick={() => setOpen(false)}>
                {t('cases.nav.myCases')}
              </Link>
            </li>
            <li>
              <Link to="/me/licenses" onClick={() => setOpen(false)}>
                {t('licenses.nav.wallet')}
              </Link>
            </li>
            <li>
              <Link to="/me/data-uses" onClick={() => setOpen(false)}>
                {t('licenses.nav.dataUses')}
              </Link>
            </li>
          </>
        ) : (
          <>
            <li>
              <Link to="/workbench" onClick={() => setOpen(false)}>
                {t('cases.nav.workbench')}
              </Link>
            </li>
            {data.roles.some((r) => r === 'supervisor' || r === 'department_head') ? (
              <li>
                <Link to="/supervision" onClick={() => setOpen(false)}>
                  {t('nav', { ns: 'supervision' })}
                </Link>
              </li>
            ) : null}
          </>
        )}
        <li>
          <button
            type="button"
            disabled={signOut.isPending}
            onClick={() =>
              signOut.mutate(undefined, {
                onSettled: () => {
                  setOpen(false);
                  onAnnounce(t('identity.signedOut'));
                  void navigate('/');
                },
              })
            }
          >
            {t('identity.signOut')}
          </button>
        </li>
      </ul>
    </div>
  );
}
