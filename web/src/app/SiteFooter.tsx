import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function SiteFooter() {
  const { t } = useTranslation();
  const { t: ta } = useTranslation('analytics');
  return (
    <footer className="tb-footer">
      <div className="tb-container tb-footer__inner">
        <nav aria-label={t('footer.lists')} className="tb-footer__nav">
          <Link to="/lists/power">{t('nav.powerList')}</Link>
          <Link to="/lists/service">{t('nav.serviceList')}</Link>
          <Link to="/analytics">{ta('navDashboard')}</Link>
          <Link to="/opendata">{ta('navOpenData')}</Link>
          <a href="/docs">{t('footer.apiDocs')}</a>
        </nav>
        <p>
          {t('footer.sponsor')}
          {t('app.colon')}
          {t('footer.sponsorName')}
        </p>
        <p>
          {t('footer.hotline')}
          {t('app.colon')}
          <a className="tb-footer__hotline" href="tel:12345">
            <PhoneOutlined aria-hidden="true" /> 12345
          </a>{' '}
          <span className="tb-footer__muted">({t('footer.hotlineHours')})</span>
        </p>
        <p className="tb-footer__muted">{t('footer.openSource')}</p>
      </div>
    </footer>
  );
}
