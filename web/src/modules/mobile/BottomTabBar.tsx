import { AppstoreOutlined, FileSearchOutlined, HomeOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import './mobile.css';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/**
 * 首页 · 办事 · 办件 · 我的: the phone's bottom tab bar (hidden from 768 px up, where the header's
 * navigation shows). 办事 opens the service search, 办件 the tracking page (办件查询), 我的 the
 * signed-in person's space (sign-in first when nobody is).
 */
export function BottomTabBar() {
  const { t } = useTranslation('mobile');
  const tab = ({ isActive }: { isActive: boolean }) => (isActive ? 'tb-tabbar__tab is-active' : 'tb-tabbar__tab');
  return (
    <nav className="tb-tabbar" aria-label={t('tabs.label')}>
      <NavLink to="/" end className={tab}>
        <HomeOutlined aria-hidden="true" />
        <span>{t('tabs.home')}</span>
      </NavLink>
      <NavLink to="/search" className={tab}>
        <AppstoreOutlined aria-hidden="true" />
        <span>{t('tabs.services')}</span>
      </NavLink>
      <NavLink to="/track" className={tab}>
        <FileSearchOutlined aria-hidden="true" />
        <span>{t('tabs.cases')}</span>
      </NavLink>
      <NavLink to="/me/space" className={tab}>
        <UserOutlined aria-hidden="true" />
        <span>{t('tabs.mine')}</span>
      </NavLink>
    </nav>
  );
}

/** The header's search button on phones: one tap to the search page, wherever one is. */
export function SearchShortcut() {
  const { t } = useTranslation('mobile');
  return (
    <NavLink to="/search" className="tb-header__search-link" aria-label={t('search')}>
      <SearchOutlined aria-hidden="true" />
    </NavLink>
  );
}
