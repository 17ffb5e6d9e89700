import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import './identity.css';

const SECTIONS = ['stored', 'protected', 'visible', 'audit', 'verification', 'cookies', 'rights', 'terms'] as const;

/** 用户协议和隐私政策: what the platform keeps about a person and who may see it, in plain words. */
export function PrivacyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('identity.privacy.title'));
  return (
    <div className="tb-container tb-page tb-privacy">
      <header className="tb-page-header">
        <h1>{t('identity.privacy.title')}</h1>
        <p className="tb-muted">{t('identity.privacy.intro')}</p>
      </header>
      <nav className="tb-panel tb-privacy__toc" aria-label={t('identity.privacy.contents')}>
        <ol>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#privacy-${s}`}>{t(`identity.privacy.${s}.title`)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {SECTIONS.map((s) => (
        <section
          key={s}
          id={`privacy-${s}`}
          className="tb-panel tb-account-section"
          aria-labelledby={`privacy-${s}-title`}
        >
          <h2 id={`privacy-${s}-title`}>{t(`identity.privacy.${s}.title`)}</h2>
          <p>{t(`identity.privacy.${s}.body`)}</p>
        </section>
      ))}
    </div>
  );
}

export default PrivacyPage;
