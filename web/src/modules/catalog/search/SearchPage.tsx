import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SearchResult } from '../../../../../contracts/search';
import { Empty, Pagination } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { HotSearches } from './HotSearches';
import { RegionSelector } from '../regions/RegionSelector';
import { SearchBox } from './SearchBox';
import { ThemeGrid } from '../themes/ThemeGrid';
import { PAGE_SIZE, recordClick, searchServices } from './search-api';
import { ServiceCard } from './ServiceCard';
import { Suggestions } from './Suggestions';
import { ThemeResults } from './ThemeResults';
import { useRememberedRegion } from './useRememberedRegion';
import './search.css';

function pageFrom(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 500 ? n : 1;
}

/** Search results: the themes named, then one card per service with the implementation for the person's region. */
export function SearchPage() {
  const { t } = useTranslation('serviceSearch');
  const { t: tApp } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const page = pageFrom(params.get('page'));
  const [region, setRegion] = useRememberedRegion();
  const search = useQuery({
    queryKey: ['catalog', 'search', { q, region, page }],
    queryFn: ({ signal }) => searchServices({ q, region, page }, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const queryClient = useQueryClient();
  // The search's id comes with page 1; later pages' clicks count for it.
  const searchId =
    search.data?.searchId ??
    queryClient.getQueryData<SearchResult>(['catalog', 'search', { q, region, page: 1 }])?.searchId;
  const summaryRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(q ? `${q} · ${t('title')}` : t('heading'));

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

  const answered = search.data?.region;
  const shownRegion = region ?? answered?.code;
  const regionNote = answered
    ? t(answered.source === 'household' ? 'regionHousehold' : 'regionChosen', { region: answered.name })
    : t('regionNone');

  return (
    <div className="tb-container tb-page">
      <h1 className="sr-only">{t('heading')}</h1>
      <div className="tb-search-bar">
        <SearchBox
          key={q}
          initialQuery={q}
          region={region}
          size="large"
          label={tApp('home.searchLabel')}
          placeholder={tApp('home.searchPlaceholder')}
        />
        <RegionSelector value={shownRegion} onChange={setRegion} compact legend={t('regionLegend')} />
      </div>

      {!q ? (
        <div className="tb-panel">
          <p>{t('emptyQuery')}</p>
          <HotSearches region={region} label={t('tryHot')} />
        </div>
      ) : search.isPending ? (
        <PageLoading />
      ) : search.isError ? (
        <ProblemAlert error={search.error} onRetry={() => void search.refetch()} />
      ) : (
        <>
          <ThemeResults themes={search.data.themes} region={shownRegion} />
          {search.data.total === 0 ? (
            <div className="tb-panel">
              <Empty description={<strong className="tb-empty-title">{t('notFound', { query: q })}</strong>} />
              <Suggestions suggestions={search.data.suggestions} region={region} />
              <p>{t('notFoundHint')}</p>
              <ThemeGrid audience="person" region={shownRegion} limit={6} />
              <HotSearches region={region} label={t('tryHot')} />
            </div>
          ) : (
            <section aria-labelledby="search-summary" aria-busy={search.isFetching}>
              <h2 id="search-summary" ref={summaryRef} tabIndex={-1} className="tb-result-summary" aria-live="polite">
                {t('found', { total: search.data.total, query: search.data.query || q })}
              </h2>
              <p className="tb-search-region-note">{regionNote}</p>
              <ol className="tb-hits" aria-label={t('results')} start={(page - 1) * PAGE_SIZE + 1}>
                {search.data.items.map((hit, i) => (
                  <li
                    key={hit.basicCode}
                    onClickCapture={(e) => {
                      if (searchId && (e.target as HTMLElement).closest('a'))
                        recordClick({ searchId, position: (page - 1) * PAGE_SIZE + i + 1, itemCode: hit.code });
                    }}
                  >
                    <ServiceCard hit={hit} regionName={answered?.name} />
                  </li>
                ))}
              </ol>
              {search.data.total > PAGE_SIZE ? (
                <nav aria-label={t('pagination')} className="tb-pagination">
                  <Pagination
                    current={page}
                    total={search.data.total}
                    pageSize={PAGE_SIZE}
                    showSizeChanger={false}
                    showTotal={(total) => t('totalText', { total })}
                    onChange={goToPage}
                    responsive
                  />
                </nav>
              ) : null}
            </section>
          )}
        </>
      )}
    </div>
  );
}
