import { AppstoreOutlined, FileSearchOutlined, IdcardOutlined, ProfileOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useMe } from '../../identity';
import { CardSignIn } from './CardSignIn';
import { kioskConfigFrom } from './mode';
import { setKiosk, useKiosk } from './useKiosk';

/**
 * `/kiosk`: the terminal's first screen (and the switch into kiosk mode, configured by the query —
 * see mode.ts). Four large tiles; 刷身份证登录 opens the card sign-in in place.
 */
export default function KioskHomePage() {
  const { t } = useTranslation('mobile');
  const [params, setParams] = useSearchParams();
  const config = useKiosk();
  const me = useMe();
  const exit = params.get('exit') === '1';
  useDocumentTitle(t('kiosk.title'));
  useEffect(() => {
    if (exit) return setKiosk(undefined);
    const asked = kioskConfigFrom(params, config);
    if (JSON.stringify(asked) !== JSON.stringify(config)) setKiosk(asked);
  }, [exit, config, params]);
  if (exit) return <Navigate to="/" replace />;
  if (!config) return null;
  const signingIn = params.get('signIn') === 'card' && me.data?.kind !== 'person';
  return (
    <div className="tb-container tb-page tb-kiosk-home">
      <h1>{t('kiosk.title')}</h1>
      <p className="tb-kiosk-home__lead">{t('kiosk.lead')}</p>
      {signingIn ? (
        <CardSignIn config={config} onCancel={() => setParams({}, { replace: true })} />
      ) : (
        <ul className="tb-kiosk-tiles">
          {[
            { to: '/search', icon: <AppstoreOutlined aria-hidden="true" />, label: t('kiosk.services') },
            { to: '/track', icon: <FileSearchOutlined aria-hidden="true" />, label: t('kiosk.track') },
            me.data?.kind === 'person'
              ? { to: '/me/space', icon: <ProfileOutlined aria-hidden="true" />, label: t('kiosk.mine') }
              : { to: '/kiosk?signIn=card', icon: <IdcardOutlined aria-hidden="true" />, label: t('kiosk.signInCard') },
          ].map((tile) => (
            <li key={tile.to}>
              <Link to={tile.to}>
                {tile.icon}
                {tile.label}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
