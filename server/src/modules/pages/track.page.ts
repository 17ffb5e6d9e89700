/** 办件查询 (全程一码): the code form, a plain GET that the server turns into /track/CODE. */
import { html } from './html.js';
import type { Page, PageContext } from './frame.js';

export function trackPage({ t }: PageContext): Page {
  const k = (key: string) => t(`cases.track.${key}`);
  const body = html`<div class="tb-container tb-page tb-cases">
<header class="tb-page-header"><h1>${k('title')}</h1><p class="tb-muted">${k('intro')}</p></header>
<form class="tb-panel tb-track-form" role="search" aria-label="${k('title')}" action="/track" method="get">
<div class="tb-light-field"><label for="light-track-code">${k('code')}</label>
<input id="light-track-code" name="code" class="tb-light-search__input tb-code-input" required maxlength="20" autocomplete="off" spellcheck="false" aria-describedby="light-track-help">
<p id="light-track-help" class="tb-muted">${k('codeHelp')}</p></div>
<button type="submit" class="tb-light-button tb-light-button--primary tb-light-button--large">${k('submit')}</button>
</form></div>`;
  return { title: k('title'), body };
}
