import { Empty, Pagination } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { PAGE_SIZE } from '../api';
import { HotSearches } from './HotSearches';
import { ItemHitCard } from './ItemHitCard';
import { RegionSelector } from '../regions/RegionSelector';
import { SearchBox } from './SearchBox';
import { ThemeGrid } from '../themes/ThemeGrid';
import { useSearch } from '../queries';
import { useRegionParam } from '../regions/useRegionParam';

function pageFrom(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 500 ? n : 1;
}

export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const page = pageFrom(params.get('page'));
  const [region, setRegion] = useRegionParam();
  const search = useSearch(q, region, page);
  const summaryRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(q ? `${q} · ${t('search.title')}` : t('search.heading'));

  const goToPage = (next: number) => {
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      if (next > 1) p.set('page', String(next));
      else p.delete('page');
      return p;
    });
  };
  // After paging, bring keyboard and screen-reader users back to the top of the results.
  const shownPage = useRef(page);
  useEffect(() => {
    if (shownPage.current === page || search.isPlaceholderData || !search.isSuccess) return;
    shownPage.current = page;
    summaryRef.current?.focus();
    window.scrollTo({ top: 0 });
  }, [page, search.isPlaceholderData, search.isSuccess]);

  return (
    <div className="tb-container tb-page">
      <h1 className="sr-only">{t('search.heading')}</h1>
      <div className="tb-search-bar">
        <SearchBox
          key={q}
          initialQuery={q}
          region={region}
          size="large"
          label={t('home.searchLabel')}
          placeholder={t('home.searchPlaceholder')}
        />
        <RegionSelector value={region} onChange={setRegion} compact />
      </div>

      {!q ? (
        <div className="tb-panel">
          <p>{t('search.emptyQuery')}</p>
          <HotSearches region={region} label={t('search.tryHot')} />
        </div>
      ) : search.isPending ? (
        <PageLoading />
      ) : search.isError ? (
        <ProblemAlert error={search.error} onRetry={() => void search.refetch()} />
      ) : search.data.total === 0 ? (
        <div className="tb-panel">
          <Empty description={<strong className="tb-empty-title">{t('search.notFound', { query: q })}</strong>} />
          <p>{t('search.notFoundHint')}</p>
          <ThemeGrid audience="person" region={region} limit={6} />
          <HotSearches region={region} label={t('search.tryHot')} />
        </div>
      ) : (
        <section aria-labelledby="search-summary" aria-busy={search.isFetching}>
          <h2 id="search-summary" ref={summaryRef} tabIndex={-1} className="tb-result-summary" aria-live="polite">
            {t('search.found', { total: search.data.total, query: search.data.query || q })}
          </h2>
          <ol className="tb-hits" aria-label={t('search.results')} start={(page - 1) * PAGE_SIZE + 1}>
            {search.data.items.map((hit) => (
              <li key={hit.code}>
                <ItemHitCard item={hit} />
              </li>
            ))}
          </ol>
          {search.data.total > PAGE_SIZE ? (
            <nav aria-label={t('search.pagination')} className="tb-pagination">
              <Pagination
                current={page}
                total={search.data.total}
                pageSize={PAGE_SIZE}
                showSizeChanger={false}
                showTotal={(total) => t('search.totalText', { total })}
                onChange={goToPage}
                responsive
              />
            </nav>
          ) : null}
        </section>
      )}
    </div>
  );
}

export default SearchPage;
