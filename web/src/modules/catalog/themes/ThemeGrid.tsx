import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import type { Audience } from '../api';
import { useThemes } from '../queries';
import { withRegion } from '../regions/useRegionParam';
import { ThemeIcon } from './ThemeIcon';

/** "我要…" cards, one per theme (一件事) for the audience. */
export function ThemeGrid({ audience, region, limit }: { audience: Audience; region?: string; limit?: number }) {
  const { t } = useTranslation();
  const themes = useThemes(audience);
  if (themes.isPending) return <PageLoading rows={3} />;
  if (themes.isError) return <ProblemAlert error={themes.error} onRetry={() => void themes.refetch()} />;
  const list = limit ? themes.data.slice(0, limit) : themes.data;
  if (list.length === 0) return <Empty description={t('home.noThemes')} />;
  return (
    <ul className="tb-theme-grid">
      {list.map((theme) => (
        <li key={theme.id}>
          <Link className="tb-theme-card" to={withRegion(`/themes/${encodeURIComponent(theme.slug)}`, region)}>
            <ThemeIcon name={theme.icon} />
            <span className="tb-theme-card__title">{theme.title}</span>
            <span className="tb-theme-card__name">{theme.name}</span>
            <span className="tb-theme-card__count">{t('theme.itemCount', { count: theme.itemCount })}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
