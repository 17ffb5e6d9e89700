/**
 * The words of the light pages: the web app's own locale files (no second copy), looked up the way
 * i18next does (dotted keys, `{{name}}` values, `_one`/`_other` plurals).
 */
import { zhCN as appZh } from '../../../../web/src/app/locales/zh-CN.js';
import { en as appEn } from '../../../../web/src/app/locales/en.js';
import { catalogZhCN } from '../../../../web/src/modules/catalog/locales/zh-CN.js';
import { catalogEn } from '../../../../web/src/modules/catalog/locales/en.js';
import { serviceSearchZhCN } from '../../../../web/src/modules/catalog/search/locales/zh-CN.js';
import { serviceSearchEn } from '../../../../web/src/modules/catalog/search/locales/en.js';
import { casesZhCN } from '../../../../web/src/modules/cases/locales/zh-CN.js';
import { casesEn } from '../../../../web/src/modules/cases/locales/en.js';
import { identityZhCN } from '../../../../web/src/modules/identity/locales/zh-CN.js';
import { identityEn } from '../../../../web/src/modules/identity/locales/en.js';
import { mobileZhCN } from '../../../../web/src/modules/mobile/locales/zh-CN.js';
import { mobileEn } from '../../../../web/src/modules/mobile/locales/en.js';
import { assistantZhCN } from '../../../../web/src/modules/assistant/locales/zh-CN.js';
import { assistantEn } from '../../../../web/src/modules/assistant/locales/en.js';
import { analyticsZhCN } from '../../../../web/src/modules/analytics/locales/zh-CN.js';
import { analyticsEn } from '../../../../web/src/modules/analytics/locales/en.js';

export type Lang = 'zh-CN' | 'en';

/** Namespaces as the web app names them; the default one merges the shell's and the portal modules'. */
const NAMESPACES = {
  'zh-CN': {
    translation: { ...appZh, ...catalogZhCN, ...casesZhCN },
    serviceSearch: serviceSearchZhCN,
    identity: identityZhCN,
    mobile: mobileZhCN,
    assistant: assistantZhCN,
    analytics: analyticsZhCN,
  },
  en: {
    translation: { ...appEn, ...catalogEn, ...casesEn },
    serviceSearch: serviceSearchEn,
    identity: identityEn,
    mobile: mobileEn,
    assistant: assistantEn,
    analytics: analyticsEn,
  },
} as const;

export type Namespace = keyof (typeof NAMESPACES)['zh-CN'];
export type Translate = (key: string, values?: Record<string, string | number>) => string;

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

/** `t('ns:key')` or `t('key')` in the default namespace; a missing key throws (a page must never show one). */
export function translator(lang: Lang): Translate {
  const tables = NAMESPACES[lang];
  return (key, values = {}) => {
    const [ns, path] = key.includes(':') ? (key.split(':') as [Namespace, string]) : (['translation', key] as const);
    const table = tables[ns];
    const count = values.count;
    const plural = typeof count === 'number' ? `${path}_${count === 1 ? 'one' : 'other'}` : undefined;
    const found = (plural ? lookup(table, plural) : undefined) ?? lookup(table, path);
    if (typeof found !== 'string') throw new Error(`light page: no message ${key} (${lang})`);
    return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ''));
  };
}
