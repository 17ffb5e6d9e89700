import { TranslationOutlined, EyeOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useSearchParams } from 'react-router';
import { SearchBox } from '../modules/catalog';
import { AccountMenu } from '../modules/identity';
import { InboxBadge } from '../modules/notify';
import { SearchShortcut } from '../modules/mobile';
import { setLanguage } from '../ui/language';
import { usePreferences } from './preferences';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  return (
    <Button
      className="tb-header__tool"
      icon={<TranslationOutlined aria-hidden="true" />}
      onClick={() => void setLanguage(english ? 'zh-CN' : 'en')}
    >
      <span className="tb-header__tool-label" lang={english ? 'zh-CN' : 'en'}>
        {english ? t('header.switchToChinese') : t('header.switchToEnglish')}
      </span>
    </Button>
  );
}

function ElderModeToggle({ onChange }: { onChange: (on: boolean) => void }) {
  const { t } = useTranslation();
  const { elder, setElder } = usePreferences();
  return (
    <Button
      className="tb-header__tool"
      type={elder ? 'primary' : 'default'}
      icon={<EyeOutlined aria-hidden="true" />}
      aria-pressed={elder}
      onClick={() => {
        setElder(!elder);
        onChange(!elder);
      }}
    >
      {t('header.elderMode')}
    </Button>
  );
}

export function SiteHeader() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const [announcement, setAnnouncement] = useState('');
  const region = params.get('region') ?? undefined;
  const showSearch = pathname !== '/' && pathname !== '/search';
  const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'tb-nav__link is-active' : 'tb-nav__link');

  return (
    <header className="tb-header">
      <div className="tb-container tb-header__inner">
        {/* The link is named by its visible text (WCAG 2.5.3 label in name), then where it leads. */}
        <Link to="/" className="tb-logo">
          <span className="tb-logo__mark" aria-hidden="true">
            通
          </span>
          <span className="tb-logo__text">
            <span className="tb-logo__name">{t('app.name')}</span>
            <span className="tb-logo__sub">{t('app.fullName')}</span>
          </span>
          <span className="sr-only">（{t('header.homeLink')}）</span>
        </Link>
        {showSearch ? (
          <SearchBox
            className="tb-header__search"
            region={region}
            label={t('header.searchLabel')}
            placeholder={t('header.searchPlaceholder')}
          />
        ) : (
          <span className="tb-header__spacer" />
        )}
        {showSearch ? <SearchShortcut /> : null}
        <div className="tb-header__tools">
          <InboxBadge />
          <AccountMenu onAnnounce={setAnnouncement} />
          <LanguageSwitch />
          <ElderModeToggle
            onChange={(on) => setAnnouncement(on ? t('header.elderModeOn') : t('header.elderModeOff'))}
          />
        </div>
      </div>
      <nav className="tb-nav" aria-label={t('nav.label')}>
        <ul className="tb-container tb-nav__list">
          <li>
            <NavLink to="/" end className={navClass}>
              {t('nav.home')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/lists/power" className={navClass}>
              {t('nav.powerList')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/lists/service" className={navClass}>
              {t('nav.serviceList')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/lists/negative" className={navClass}>
              {t('nav.negativeList')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/track" className={navClass}>
              {t('cases.nav.track')}
            </NavLink>
          </li>
        </ul>
      </nav>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </header>
  );
}
