import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHotSearches } from '../queries';
import { withRegion } from '../regions/useRegionParam';

/** 热门搜索 as links styled like chips; renders nothing until (and unless) there are any. */
export function HotSearches({ region, label }: { region?: string; label?: string }) {
  const { t } = useTranslation();
  const hot = useHotSearches();
  const queries = hot.data ?? [];
  if (queries.length === 0) return null;
  const heading = label ?? t('home.hot');
  return (
    <nav className="tb-hot" aria-label={heading}>
      <span className="tb-hot__label">
        {heading}
        {t('app.colon')}
      </span>
      <ul className="tb-hot__list">
        {queries.map((q) => (
          <li key={q}>
            <Link className="tb-chip" to={withRegion('/search', region, { q })}>
              {q}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
