/**
 * UI strings in 简体中文 (default) and English. Domain data — item names, departments, guide
 * text — is published in Chinese and is shown as it is.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, readStoredLanguage } from '../ui/language';
import { en } from './locales/en';
import { zhCN, type Messages } from './locales/zh-CN';
import { adminEn } from '../modules/admin/locales/en';
import { adminZhCN, type AdminMessages } from '../modules/admin/locales/zh-CN';
import { complaintsEn } from '../modules/complaints/locales/en';
import { complaintsZhCN, type ComplaintsMessages } from '../modules/complaints/locales/zh-CN';
import { completenessEn } from '../modules/cases/completeness/locales/en';
import { completenessZhCN, type CompletenessMessages } from '../modules/cases/completeness/locales/zh-CN';
import { licenseWorkEn } from '../modules/workbench/licences/locales/en';
import { licenseWorkZhCN, type LicenseWorkMessages } from '../modules/workbench/licences/locales/zh-CN';
import { caseViewEn } from '../modules/cases/view/locales/en';
import { caseViewZhCN, type CaseViewMessages } from '../modules/cases/view/locales/zh-CN';

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
    };
  }
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
    },
    en: {
      translation: en,
      admin: adminEn,
      complaints: complaintsEn,
      licenseWork: licenseWorkEn,
      caseView: caseViewEn,
      completeness: completenessEn,
    },
  },
  lng: readStoredLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

export default i18n;
