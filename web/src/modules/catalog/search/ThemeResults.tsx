import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ThemeSummary } from '../../../../../contracts/catalog';
import { withRegion } from '../regions/useRegionParam';
import { ThemeIcon } from '../themes/ThemeIcon';

/** The themes (一件事) the query names, before the single services. */
export function ThemeResults({ themes, region }: { themes: ThemeSummary[]; region?: string }) {
  const { t } = useTranslation('serviceSearch');
  if (themes.length === 0) return null;
  return (
    <section className="tb-search-themes" aria-labelledby="search-themes">
      <h2 id="search-themes" className="tb-search-themes__heading">
        {t('themes')}
      </h2>
      <ul className="tb-theme-grid">
        {themes.map((theme) => (
          <li key={theme.id}>
            <Link className="tb-theme-card" to={withRegion(`/themes/${encodeURIComponent(theme.slug)}`, region)}>
              <ThemeIcon name={theme.icon} />
              <span className="tb-theme-card__title">{theme.name}</span>
              <span className="tb-theme-card__name">{theme.title}</span>
              <span className="tb-theme-card__count">{t('themeItems', { count: theme.itemCount })}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
