/** The 数据驾驶舱's sections: dashboard, demand, capability index. */
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

export function SectionNav() {
  const { t } = useTranslation('demand');
  return (
    <nav className="tb-dm-sections" aria-label={t('sections')}>
      <NavLink to="/analytics" end>
        {t('navDashboard')}
      </NavLink>
      <NavLink to="/analytics/demand">{t('navDemand')}</NavLink>
      <NavLink to="/analytics/capability">{t('navCapability')}</NavLink>
    </nav>
  );
}
