/** 办事指南: what a person came for — 受理条件, 申请材料, 时限, 流程, 收费, 地点, 电话 — before the app arrives. */
import type { Item } from '../../../../contracts/catalog.js';
import { html, type Html } from './html.js';
import { itemBadges, nameIn, typeName } from './items.js';
import { stepNameEn } from '../../../../contracts/step-names.js';
import type { Page, PageContext } from './frame.js';

/** 网上办理深度 4 (网上受理): as the web app's guide decides whether to offer 立即申请. */
const canApplyOnline = (item: Pick<Item, 'onlineDepth'>): boolean => item.onlineDepth.includes(4);

const section = (id: string, title: string, body: Html): Html =>
  html`<section class="tb-guide-section" id="guide-${id}" aria-labelledby="guide-${id}-title"><div class="tb-guide-section__head"><h2 id="guide-${id}-title">${title}</h2></div><div class="tb-guide-section__body">${body}</div></section>`;

const fact = (label: string, value: Html | string): Html => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;

const phone = (n: string): Html => {
  const digits = n.replace(/[^\d+-]/g, '');
  return digits ? html`<a class="tb-phone" href="tel:${digits}">${n}</a>` : html`<span class="tb-phone">${n}</span>`;
};

function days(c: PageContext, n: number): string {
  return n <= 0 ? c.t('item.instantLong') : c.t('item.workingDays', { count: n });
}

export function guidePage(c: PageContext, item: Item): Page {
  const { t } = c;
  const g = (key: string, values?: Record<string, string | number>) => t(`guide.${key}`, values);
  const online = canApplyOnline(item);
  const materials = item.materials.length
    ? html`<p class="tb-muted">${g('materials.count', { count: item.materials.length })}</p><ol class="tb-numbered tb-light-materials">${item.materials.map(
        (m) =>
          html`<li><strong>${m.name}</strong>${m.issuer ? html`<span class="tb-muted"> · ${m.issuer}</span>` : ''}<span class="tb-muted"> · ${g('materials.originals', { count: m.originals })}${t('app.comma')}${g('materials.photocopies', { count: m.copies })}</span></li>`,
      )}</ol>`
    : html`<p>${g('materials.none')}</p>`;
  const fees = item.fees.length
    ? html`<ul class="tb-fee-list">${item.fees.map((f) => html`<li><strong>${f.name}</strong><dl class="tb-facts">${fact(g('fees.standard'), f.standard)}${fact(g('fees.waivable'), f.waivable ? g('fees.waivableYes') : g('fees.waivableNo'))}</dl></li>`)}</ul>`
    : html`<p>${g('fees.free')}</p>`;
  const body = html`<div class="tb-container tb-page tb-guide">
<nav class="tb-breadcrumb no-print" aria-label="${g('breadcrumb')}"><a href="/">${t('nav.home')}</a> / <span>${item.name}</span></nav>
<div class="tb-guide-layout"><div class="tb-guide-main">
<header class="tb-guide-header"><p class="tb-guide-header__kicker">${g('title')}</p><h1 class="tb-guide-header__title">${item.name}</h1>
<p class="tb-guide-header__meta"><span>${nameIn(c, item.department)}</span> <span>${nameIn(c, item.region)}</span></p>
<div class="tb-inline-list">${itemBadges(c, item)}</div>
${item.summary ? html`<p class="tb-guide-header__summary"><span class="sr-only">${g('summary')}${t('app.colon')}</span>${item.summary}</p>` : ''}</header>
<div class="tb-guide-actions no-print"><div class="tb-guide-actions__buttons">${online ? html`<a class="tb-button-link tb-button-link--large" href="/items/${encodeURIComponent(item.code)}/apply">${g('applyNow')}</a>` : ''}</div>
<p id="apply-offline" class="tb-guide-actions__note">${online ? g('applyNowDetail') : g('applyOfflineDetail')}</p></div>
<div class="tb-guide-body">
${section('basic', g('sections.basic'), html`<dl class="tb-facts">${fact(g('basic.itemType'), typeName(c, item.itemType))}${fact(g('basic.department'), nameIn(c, item.department))}${fact(g('basic.legalLimit'), days(c, item.legalLimitDays))}${fact(g('basic.promisedLimit'), days(c, item.promisedLimitDays))}${fact(g('basic.visits'), String(item.visits))}</dl>`)}
${section('basis', g('sections.basis'), html`<p class="tb-prose">${item.legalBasis}</p>`)}
${section('conditions', g('sections.conditions'), html`<ol class="tb-numbered">${item.conditions.map((x) => html`<li>${x}</li>`)}</ol>`)}
${section('materials', g('sections.materials'), materials)}
${section('process', g('sections.process'), html`<ol class="tb-process">${item.processSteps.map((s) => html`<li><div class="tb-process__content"><strong>${(c.lang === 'en' && stepNameEn(s.name)) || s.name}</strong>${s.description ? html`<p>${s.description}</p>` : ''}<p class="tb-muted">${s.days > 0 ? g('process.stepDays', { count: s.days }) : g('process.stepSameDay')}</p></div></li>`)}</ol>`)}
${section('fees', g('sections.fees'), fees)}
${section('venue', g('sections.venue'), html`<dl class="tb-facts">${fact(g('venue.venue'), item.venue)}${fact(g('venue.hours'), item.hours)}</dl>`)}
${section('contact', g('sections.contact'), html`<dl class="tb-contact">${fact(g('contact.consult'), phone(item.consultPhone))}${fact(g('contact.complaint'), phone(item.complaintPhone))}</dl><p class="tb-muted">${g('contact.hotline')}</p>`)}
</div></div></div></div>`;
  return { title: `${item.name} · ${g('title')}`, body };
}
