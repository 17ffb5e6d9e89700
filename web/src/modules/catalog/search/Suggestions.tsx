import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withRegion } from '../regions/useRegionParam';

/** Did you mean…: what the person may have meant when nothing matched. */
export function Suggestions({ suggestions, region }: { suggestions: string[]; region?: string }) {
  const { t } = useTranslation('serviceSearch');
  if (suggestions.length === 0) return null;
  return (
    <p className="tb-suggestions">
      {t('didYouMean')}
      {suggestions.map((s, i) => (
        <span key={s}>
          {i > 0 ? '、' : null}
          <Link to={withRegion('/search', region, { q: s })}>{s}</Link>
        </span>
      ))}
    </p>
  );
}
