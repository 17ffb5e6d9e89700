/**
 * UI strings in 简体中文 (default) and English. Domain data — item names, departments, guide
 * text — is published in Chinese and is shown as it is.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { zhCN, type Messages } from './locales/zh-CN';
import { adminEn } from '../modules/admin/locales/en';
import { adminZhCN, type AdminMessages } from '../modules/admin/locales/zh-CN';
import { complaintsEn } from '../modules/complaints/locales/en';
import { complaintsZhCN, type ComplaintsMessages } from '../modules/complaints/locales/zh-CN';
import { completenessEn } from '../modules/cases/completeness/locales/en';
import { completenessZhCN, type CompletenessMessages } from '../modules/cases/completeness/locales/zh-CN';
import { licenseWorkEn } from '../modules/licenses/work/locales/en';
import { licenseWorkZhCN, type LicenseWorkMessages } from '../modules/licenses/work/locales/zh-CN';
import { caseViewEn } from '../modules/cases/view/locales/en';
import { caseViewZhCN, type CaseViewMessages } from '../modules/cases/view/locales/zh-CN';
import { formsEn } from '../modules/forms/locales/en';
import { formsZhCN, type FormsMessages } from '../modules/forms/locales/zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'tongban.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: Messages;
      admin: AdminMessages;
      complaints: ComplaintsMessages;
      licenseWork: LicenseWorkMessages;
      caseView: CaseViewMessages;
      completeness: CompletenessMessages;
      forms: FormsMessages;
    };
  }
}

function readStored(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
}

/** Switches the UI language, remembers it and keeps <html lang> in step for screen readers. */
export async function setLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private browsing: the choice lasts for this page only.
  }
  await i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng === 'en' ? 'en' : 'zh-CN';
});

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': {
      translation: zhCN,
      admin: adminZhCN,
      complaints: complaintsZhCN,
      licenseWork: licenseWorkZhCN,
      caseView: caseViewZhCN,
      completeness: completenessZhCN,
      forms: formsZhCN,
    },
    en: {
      translation: en,
      admin: adminEn,
      complaints: complaintsEn,
      licenseWork: licenseWorkEn,
      caseView: caseViewEn,
      completeness: completenessEn,
      forms: formsEn,
    },
  },
  lng: readStored(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

export default i18n;
