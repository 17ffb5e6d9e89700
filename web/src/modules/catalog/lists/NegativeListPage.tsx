import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../ui/Badge';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import type { NegativeListEntry } from '../api';
import { useNegativeList } from '../queries';
import { RegionSelector } from '../regions/RegionSelector';
import { useRegionParam } from '../regions/useRegionParam';

function Entry({ entry }: { entry: NegativeListEntry }) {
  const { t } = useTranslation();
  return (
    <article className="tb-hit">
      <h3 className="tb-hit__name">{entry.title}</h3>
      <p className="tb-hit__meta">
        <Badge tone="gray">{entry.sector}</Badge>
      </p>
      <dl className="tb-small">
        <dt>{t('negative.measures')}</dt>
        <dd>{entry.measures}</dd>
        <dt>{t('negative.basis')}</dt>
        <dd>{entry.basis}</dd>
        {entry.items.length > 0 ? (
          <>
            <dt>{t('negative.items')}</dt>
            <dd>
              <ul className="tb-inline-list">
                {entry.items.map((item) => (
                  <li key={item.code}>
                    <Link to={`/items/${encodeURIComponent(item.code)}`}>{item.name}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}

/** 市场准入负面清单: what is closed, and what needs a licence (with the items that grant it). */
export function NegativeListPage() {
  const { t } = useTranslation();
  const [region, setRegion] = useRegionParam();
  const list = useNegativeList(region);
  useDocumentTitle(t('negative.title'));
  return (
    <div className="tb-container tb-page">
      <header className="tb-page-header">
        <h1>{t('negative.title')}</h1>
        <p className="tb-muted">{t('negative.intro')}</p>
      </header>
      <RegionSelector value={region} onChange={setRegion} compact />
      {list.isPending ? (
        <PageLoading />
      ) : list.isError ? (
        <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        (['prohibited', 'licensed'] as const).map((kind) => (
          <section key={kind} className="tb-section" aria-labelledby={`negative-${kind}`}>
            <h2 id={`negative-${kind}`}>{t(`negative.${kind}`)}</h2>
            {list.data
              .filter((e) => e.kind === kind)
              .map((e) => (
                <Entry key={e.id} entry={e} />
              ))}
          </section>
        ))
      )}
    </div>
  );
}

export default NegativeListPage;
