/** 首页: the search box, 热门搜索 and the 主题服务 (一件事) of the audience chosen. */
import type { ThemeSummary } from '../../../../contracts/catalog.js';
import { href, html, type Html } from './html.js';
import { searchForm, type Page, type PageContext } from './frame.js';

export type Audience = 'person' | 'enterprise';

export function hotSearches({ t }: PageContext, queries: readonly string[], label = t('home.hot')): Html | string {
  if (queries.length === 0) return '';
  return html`<nav class="tb-hot" aria-label="${label}"><span class="tb-hot__label">${label}${t('app.colon')}</span><ul class="tb-hot__list">${queries.map(
    (q) => html`<li><a class="tb-chip" href="${href('/search', { q })}">${q}</a></li>`,
  )}</ul></nav>`;
}

/** "我要…" cards; `count` words the number of items (the home page's or the search page's phrasing). */
export function themeGrid(
  themes: readonly ThemeSummary[],
  count: (theme: ThemeSummary) => string,
  nameFirst = false,
): Html {
  return html`<ul class="tb-theme-grid">${themes.map(
    (theme) =>
      html`<li><a class="tb-theme-card" href="/themes/${encodeURIComponent(theme.slug)}"><span class="tb-theme-card__title">${nameFirst ? theme.name : theme.title}</span><span class="tb-theme-card__name">${nameFirst ? theme.title : theme.name}</span><span class="tb-theme-card__count">${count(theme)}</span></a></li>`,
  )}</ul>`;
}

export function homePage(
  c: PageContext,
  { audience, hot, themes }: { audience: Audience; hot: readonly string[]; themes: readonly ThemeSummary[] },
): Page {
  const { t } = c;
  const tab = (key: Audience, label: string) =>
    html`<a class="${key === audience ? 'tb-light-tab is-active' : 'tb-light-tab'}" href="${key === 'person' ? '/' : '/?audience=enterprise'}"${key === audience ? html` aria-current="page"` : ''}>${label}</a>`;
  const body = html`<section class="tb-hero" aria-labelledby="home-heading"><div class="tb-container">
<h1 id="home-heading" class="tb-hero__title">${t('home.heading')}</h1>
<p class="tb-hero__subtitle">${t('home.subheading')}</p>
${searchForm(c, { id: 'light-home-q', className: 'tb-hero__search', label: t('home.searchLabel'), placeholder: t('home.searchPlaceholder') })}
${hotSearches(c, hot)}
</div></section>
<div class="tb-container tb-home">
<section class="tb-section" aria-labelledby="themes-heading">
<div class="tb-section__head"><h2 id="themes-heading">${t('home.themesHeading')}</h2><p class="tb-muted">${t('home.themesIntro')}</p></div>
<nav class="tb-light-tabs" aria-label="${t('home.themesHeading')}">${tab('person', t('home.person'))}${tab('enterprise', t('home.enterprise'))}</nav>
${themes.length ? themeGrid(themes, (theme) => t('theme.itemCount', { count: theme.itemCount })) : html`<p class="tb-muted">${t('home.noThemes')}</p>`}
</section>
<div class="tb-home__columns">
<section class="tb-section" aria-labelledby="lists-heading"><h2 id="lists-heading">${t('home.listsHeading')}</h2>
<ul class="tb-link-cards"><li><a class="tb-link-card" href="/lists/power"><span><span class="tb-link-card__title">${t('nav.powerList')}</span><span class="tb-link-card__desc">${t('home.powerListDesc')}</span></span></a></li>
<li><a class="tb-link-card" href="/lists/service"><span><span class="tb-link-card__title">${t('nav.serviceList')}</span><span class="tb-link-card__desc">${t('home.serviceListDesc')}</span></span></a></li></ul></section>
<section class="tb-section" aria-labelledby="legend-heading"><h2 id="legend-heading">${t('home.guideHeading')}</h2>
<dl class="tb-legend"><div><dt><span class="tb-badge tb-badge--green">${t('item.visitsZero')}</span></dt><dd>${t('home.guideZero')}</dd></div>
<div><dt><span class="tb-badge tb-badge--blue">${t('item.visitsOnce')}</span></dt><dd>${t('home.guideOnce')}</dd></div>
<div><dt><span class="tb-badge tb-badge--red">${t('item.provinceWide')}</span></dt><dd>${t('home.guideProvince')}</dd></div></dl></section>
</div></div>`;
  return { title: '', body };
}
