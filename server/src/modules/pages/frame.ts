/** The portal's frame as the web app draws it (header, navigation, footer, phone tab bar), in plain HTML. */
import { href, Html, html } from './html.js';
import type { Lang, Translate } from './messages.js';

const SEARCH_ICON = new Html(
  '<svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2.2"><circle cx="10.5" cy="10.5" r="6.5"/><path d="m15.5 15.5 5 5"/></svg>',
);

/** The language button's icon: on phones its label is hidden, as in the app. */
const LANGUAGE_ICON = new Html(
  '<svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" stroke-width="2"><circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z"/></svg>',
);

export interface PageContext {
  readonly lang: Lang;
  readonly t: Translate;
  /** The path shown, for the navigation's current link and sign-in's way back. */
  readonly path: string;
}

export interface Page {
  /** The page's part of the document title (the site's name follows); empty on the home page. */
  readonly title: string;
  readonly body: Html;
}

/** The header's search form: a plain GET to /search that works before (and without) the app. */
export function searchForm(
  { t }: PageContext,
  {
    id,
    className,
    value = '',
    label,
    placeholder,
  }: { id: string; className: string; value?: string; label: string; placeholder: string },
): Html {
  return html`<form role="search" class="tb-search-box ${className}" action="/search" method="get">
<label for="${id}" class="sr-only">${label}</label>
<span class="tb-light-search"><input id="${id}" class="tb-light-search__input" type="search" name="q" value="${value}" placeholder="${placeholder}" maxlength="100" autocomplete="off" enterkeyhint="search"><button type="submit" class="tb-light-button tb-light-button--primary">${t('header.search')}</button></span>
</form>`;
}

/**
 * Buttons that need the web app (language, 长者模式, 智能客服) carry `data-app-control`: the
 * light page's script starts the app on the first press and presses the app's button.
 */
const appButton = (control: 'language' | 'elder' | 'assistant', className: string, label: Html | string): Html =>
  html`<button type="button" class="tb-light-button ${className}" data-app-control="${control}"${control === 'elder' ? html` aria-pressed="false"` : ''}>${label}</button>`;

function header(c: PageContext): Html {
  const { t, lang, path } = c;
  const showSearch = path !== '/' && path !== '/search';
  const returnTo = path === '/' ? '' : `?returnTo=${encodeURIComponent(path)}`;
  const navLink = (to: string, label: string) =>
    html`<li><a href="${to}" class="${path === to ? 'tb-nav__link is-active' : 'tb-nav__link'}"${path === to ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<header class="tb-header"><div class="tb-container tb-header__inner">
<a href="/" class="tb-logo"><span class="tb-logo__mark" aria-hidden="true">通</span><span class="tb-logo__text"><span class="tb-logo__name">${t('app.name')}</span><span class="tb-logo__sub">${t('app.fullName')}</span></span><span class="sr-only">（${t('header.homeLink')}）</span></a>
${showSearch ? searchForm(c, { id: 'light-header-q', className: 'tb-header__search', label: t('header.searchLabel'), placeholder: t('header.searchPlaceholder') }) : html`<span class="tb-header__spacer"></span>`}
${showSearch ? html`<a href="/search" class="tb-header__search-link" aria-label="${t('mobile:search')}">${SEARCH_ICON}</a>` : ''}
<div class="tb-header__tools">
<div class="tb-account-links"><a class="tb-header__link" href="/login${returnTo}">${t('identity:identity.signIn')}</a><a class="tb-header__link" href="/register${returnTo}">${t('identity:identity.signUp')}</a></div>
${appButton('language', 'tb-header__tool', html`${LANGUAGE_ICON}<span class="tb-header__tool-label" lang="${lang === 'en' ? 'zh-CN' : 'en'}">${lang === 'en' ? t('header.switchToChinese') : t('header.switchToEnglish')}</span>`)}
${appButton('elder', 'tb-header__tool', t('header.elderMode'))}
</div></div>
<nav class="tb-nav" aria-label="${t('nav.label')}"><ul class="tb-container tb-nav__list">
${navLink('/', t('nav.home'))}${navLink('/lists/power', t('nav.powerList'))}${navLink('/lists/service', t('nav.serviceList'))}${navLink('/lists/negative', t('nav.negativeList'))}${navLink('/track', t('cases.nav.track'))}
</ul></nav></header>`;
}

function footer({ t }: PageContext): Html {
  return html`<footer class="tb-footer"><div class="tb-container tb-footer__inner">
<nav aria-label="${t('footer.lists')}" class="tb-footer__nav"><a href="/lists/power">${t('nav.powerList')}</a><a href="/lists/service">${t('nav.serviceList')}</a><a href="/analytics">${t('analytics:navDashboard')}</a><a href="/opendata">${t('analytics:navOpenData')}</a><a href="/docs">${t('footer.apiDocs')}</a></nav>
<p>${t('footer.sponsor')}${t('app.colon')}${t('footer.sponsorName')}</p>
<p>${t('footer.hotline')}${t('app.colon')}<a class="tb-footer__hotline" href="tel:12345">12345</a> <span class="tb-footer__muted">(${t('footer.hotlineHours')})</span></p>
<p class="tb-footer__muted">${t('footer.openSource')}</p>
</div></footer>`;
}

function tabBar({ t, path }: PageContext): Html {
  const tab = (to: string, label: string) =>
    html`<a href="${to}" class="${path === to ? 'tb-tabbar__tab is-active' : 'tb-tabbar__tab'}"${path === to ? html` aria-current="page"` : ''}><span>${label}</span></a>`;
  return html`<nav class="tb-tabbar" aria-label="${t('mobile:tabs.label')}">${tab('/', t('mobile:tabs.home'))}${tab('/search', t('mobile:tabs.services'))}${tab('/track', t('mobile:tabs.cases'))}${tab(href('/me/space'), t('mobile:tabs.mine'))}</nav>`;
}

export interface Document {
  readonly css: string;
  readonly boot: { readonly script: string; readonly app: string; readonly css: readonly string[] };
}

/** The whole page: the frame around the page's body inside #root, the styles inline, the light script. */
export function document(c: PageContext, page: Page, doc: Document): string {
  const { t, lang } = c;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${t('home.subheading')}">
<meta name="theme-color" content="#a8161c">
<link rel="icon" type="image/svg+xml" href="/favicon.svg">
<link rel="manifest" href="/manifest.webmanifest">
<link rel="apple-touch-icon" href="/icons/icon-192.png">
<title>${page.title ? `${page.title} · ` : ''}${t('app.documentTitle')}</title>
<style>${inlineCss(doc.css)}</style>
<script type="module" src="${doc.boot.script}" data-app="${doc.boot.app}" data-css="${doc.boot.css.join(' ')}"></script>
</head>
<body>
<div id="root"><div class="tb-app" data-light-page>
<a class="tb-skip-link" href="#main">${t('app.skipToContent')}</a>
${header(c)}
<main id="main" tabindex="-1" class="tb-main">${page.body}</main>
${footer(c)}
${tabBar(c)}
${appButton('assistant', 'tb-light-button--primary tb-assistant__open', t('assistant:open'))}
</div></div>
</body>
</html>`.text;
}

/** Styles from the build (the app's own CSS files), never from a request; a `</style` inside could not end the element. */
const inlineCss = (css: string): Html => new Html(css.replace(/<\/style/gi, '<\\/style'));
