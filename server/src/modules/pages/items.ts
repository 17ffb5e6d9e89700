/** Pieces the search results and a guide share: badges and a service's card, as the web app's ui draws them. */
import { ITEM_TYPE_NAMES, type ItemTypeCode } from '../../../../contracts/catalog-codes.js';
import type { SearchHit } from '../../../../contracts/catalog.js';
import { html, type Html } from './html.js';
import type { PageContext } from './frame.js';

const badge = (tone: string, text: string): Html => html`<span class="tb-badge tb-badge--${tone}">${text}</span>`;

export const typeName = ({ lang }: PageContext, type: ItemTypeCode): string =>
  ITEM_TYPE_NAMES[type]?.[lang === 'en' ? 'en' : 'zh'] ?? '';

/** 事项类型 · 到现场次数 · 承诺时限 · 全省通办, as on the app's cards. */
export function itemBadges(
  c: PageContext,
  item: Pick<SearchHit, 'itemType' | 'visits' | 'promisedLimitDays' | 'provinceWide'>,
): Html {
  const { t } = c;
  const visits =
    item.visits <= 0
      ? badge('green', t('item.visitsZero'))
      : item.visits === 1
        ? badge('blue', t('item.visitsOnce'))
        : badge('orange', t('item.visitsMany', { count: item.visits }));
  const limit = item.promisedLimitDays <= 0 ? t('item.instant') : t('item.promised', { count: item.promisedLimitDays });
  return html`${badge('gray', typeName(c, item.itemType))}${visits}<span class="tb-badge tb-badge--gray"><span class="tb-limit">${limit}</span></span>${item.provinceWide ? badge('red', t('item.provinceWide')) : ''}`;
}

/** A region's or a department's name in the page's language. */
export const nameIn = (c: PageContext, named: { name: string; nameEn: string }): string =>
  c.lang === 'en' ? named.nameEn : named.name;

/** One service in a list: name linking to its guide, department and region, what to expect. */
export function itemCard(c: PageContext, item: SearchHit, extra: Html | string = ''): Html {
  return html`<article class="tb-hit"><h3 class="tb-hit__name"><a href="/items/${encodeURIComponent(item.code)}">${item.name}</a></h3>
<p class="tb-hit__meta">${nameIn(c, item.department)}<span class="tb-dot" aria-hidden="true">·</span>${nameIn(c, item.region)}</p>
${item.summary ? html`<p class="tb-hit__summary">${item.summary}</p>` : ''}
<div class="tb-hit__tags">${itemBadges(c, item)}${extra}</div></article>`;
}

export { badge };
