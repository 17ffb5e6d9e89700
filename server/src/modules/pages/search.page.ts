/** 事项搜索: the themes the query names, then one card per service, or what to try when nothing matched. */
import type { ThemeSummary } from '../../../../contracts/catalog.js';
import type { SearchResult, ServiceHit } from '../../../../contracts/search.js';
import { href, html, type Html } from './html.js';
import { badge, itemCard } from './items.js';
import { searchForm, type Page, type PageContext } from './frame.js';
import { hotSearches, themeGrid } from './home.page.js';

function serviceCard(c: PageContext, hit: ServiceHit): Html {
  const { t, lang } = c;
  const where =
    hit.availability === 'unscoped' && hit.implementations > 1
      ? badge('gray', t('serviceSearch:places', { count: hit.implementations }))
      : '';
  return itemCard(c, lang === 'en' && hit.nameEn ? { ...hit, name: hit.nameEn } : hit, where);
}

export function searchPage(
  c: PageContext,
  {
    q,
    result,
    hot,
    themes,
  }: { q: string; result?: SearchResult; hot: readonly string[]; themes: readonly ThemeSummary[] },
): Page {
  const { t } = c;
  const s = (key: string, values?: Record<string, string | number>) => t(`serviceSearch:${key}`, values);
  const box = searchForm(c, {
    id: 'light-search-q',
    className: '',
    value: q,
    label: t('home.searchLabel'),
    placeholder: t('home.searchPlaceholder'),
  });
  let content: Html;
  if (!result) {
    content = html`<div class="tb-panel"><p>${s('emptyQuery')}</p>${hotSearches(c, hot, s('tryHot'))}</div>`;
  } else {
    const themeResults = result.themes.length
      ? html`<section class="tb-search-themes" aria-labelledby="search-themes"><h2 id="search-themes" class="tb-search-themes__heading">${s('themes')}</h2>${themeGrid(result.themes, (theme) => s('themeItems', { count: theme.itemCount }), true)}</section>`
      : '';
    content =
      result.total === 0
        ? html`${themeResults}<div class="tb-panel"><p><strong class="tb-empty-title">${s('notFound', { query: q })}</strong></p>
${result.suggestions.length ? html`<p class="tb-suggestions">${s('didYouMean')}${result.suggestions.map((x, i) => html`<span>${i > 0 ? '、' : ''}<a href="${href('/search', { q: x })}">${x}</a></span>`)}</p>` : ''}
<p>${s('notFoundHint')}</p>${themeGrid(themes.slice(0, 6), (theme) => t('theme.itemCount', { count: theme.itemCount }))}${hotSearches(c, hot, s('tryHot'))}</div>`
        : html`${themeResults}<section aria-labelledby="search-summary"><h2 id="search-summary" class="tb-result-summary">${s('found', { total: result.total, query: result.query || q })}</h2>
<p class="tb-search-region-note">${s('regionNone')}</p>
<ol class="tb-hits" aria-label="${s('results')}">${result.items.map((hit) => html`<li>${serviceCard(c, hit)}</li>`)}</ol>
${result.total > result.items.length ? html`<p class="tb-light-more"><a href="${href('/search', { q, page: '2' })}">${s('totalText', { total: result.total })}</a></p>` : ''}</section>`;
  }
  const body = html`<div class="tb-container tb-page"><h1 class="sr-only">${s('heading')}</h1><div class="tb-search-bar">${box}</div>${content}</div>`;
  return { title: q ? `${q} · ${s('title')}` : s('heading'), body };
}
