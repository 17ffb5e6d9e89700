/**
 * UI strings in 简体中文 (default) and English. Each module keeps its own in its `locales/` (given
 * by its index.ts); `app/locales` holds the shell's (frame, errors, the ui pieces). The portal's
 * modules (catalog, identity, cases, licenses, workbench) own top-level sections of the default namespace,
 * so that every key stays typed (`t('guide.title')` from any page; a misspelt key fails tsc); the
 * staff-side modules have namespaces of their own (`admin`, `complaints`, `licenseWork`…).
 * Domain data — item names, departments, guide text — is published in Chinese and shown as it is.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { adminEn, adminZhCN, type AdminMessages } from '../modules/admin';
import { assistantEn, assistantZhCN, type AssistantMessages } from '../modules/assistant';
import {
  caseViewEn,
  caseViewZhCN,
  casesEn,
  casesZhCN,
  completenessEn,
  completenessZhCN,
  formsEn,
  formsZhCN,
  type CaseViewMessages,
  type CasesMessages,
  type CompletenessMessages,
  type FormsMessages,
} from '../modules/cases';
import {
  catalogEn,
  catalogZhCN,
  serviceSearchEn,
  serviceSearchZhCN,
  type CatalogMessages,
  type ServiceSearchMessages,
} from '../modules/catalog';
import { complaintsEn, complaintsZhCN, type ComplaintsMessages } from '../modules/complaints';
import { identityEn, identityZhCN, type IdentityMessages } from '../modules/identity';
import { licensesEn, licensesZhCN, type LicensesMessages } from '../modules/licenses';
import { notifyEn, notifyZhCN, type NotifyMessages } from '../modules/notify';
import { mobileEn, mobileZhCN, type MobileMessages } from '../modules/mobile';
import { supervisionEn, supervisionZhCN, type SupervisionMessages } from '../modules/supervision';
import { analyticsEn, analyticsZhCN, type AnalyticsMessages } from '../modules/analytics';
import { demandEn, demandZhCN, type DemandMessages } from '../modules/demand';
import { proactiveEn, proactiveZhCN, type ProactiveMessages } from '../modules/proactive';
import { policyadminEn, policyadminZhCN, type PolicyadminMessages } from '../modules/policyadmin';
import { policynewEn, policynewZhCN, type PolicynewMessages } from '../modules/policynew';
import {
  licenseWorkEn,
  licenseWorkZhCN,
  workbenchEn,
  workbenchZhCN,
  type LicenseWorkMessages,
  type WorkbenchMessages,
} from '../modules/workbench';
import { LANGUAGES, readStoredLanguage } from '../ui/language';
import { en } from './locales/en';
import { zhCN, type Messages } from './locales/zh-CN';

/** The default namespace: the shell's sections and those of the portal's modules, which share no name. */
const translationZhCN = { ...zhCN, ...catalogZhCN, ...identityZhCN, ...casesZhCN, ...licensesZhCN, ...workbenchZhCN };
const translationEn: typeof translationZhCN = {
  ...en,
  ...catalogEn,
  ...identityEn,
  ...casesEn,
  ...licensesEn,
  ...workbenchEn,
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: Messages & CatalogMessages & IdentityMessages & CasesMessages & LicensesMessages & WorkbenchMessages;
      admin: AdminMessages;
      complaints: ComplaintsMessages;
      licenseWork: LicenseWorkMessages;
      caseView: CaseViewMessages;
      completeness: CompletenessMessages;
      serviceSearch: ServiceSearchMessages;
      supervision: SupervisionMessages;
      notify: NotifyMessages;
      assistant: AssistantMessages;
      analytics: AnalyticsMessages;
      demand: DemandMessages;
      proactive: ProactiveMessages;
      policyadmin: PolicyadminMessages;
      policynew: PolicynewMessages;
      forms: FormsMessages;
      mobile: MobileMessages;
    };
  }
}

const RESOURCES = {
  'zh-CN': {
    translation: translationZhCN,
    admin: adminZhCN,
    complaints: complaintsZhCN,
    licenseWork: licenseWorkZhCN,
    caseView: caseViewZhCN,
    completeness: completenessZhCN,
    serviceSearch: serviceSearchZhCN,
    supervision: supervisionZhCN,
    notify: notifyZhCN,
    assistant: assistantZhCN,
    analytics: analyticsZhCN,
    demand: demandZhCN,
    proactive: proactiveZhCN,
    policyadmin: policyadminZhCN,
    policynew: policynewZhCN,
    forms: formsZhCN,
    mobile: mobileZhCN,
  },
  en: {
    translation: translationEn,
    admin: adminEn,
    complaints: complaintsEn,
    licenseWork: licenseWorkEn,
    caseView: caseViewEn,
    completeness: completenessEn,
    serviceSearch: serviceSearchEn,
    supervision: supervisionEn,
    notify: notifyEn,
    assistant: assistantEn,
    analytics: analyticsEn,
    demand: demandEn,
    proactive: proactiveEn,
    policyadmin: policyadminEn,
    policynew: policynewEn,
    forms: formsEn,
    mobile: mobileEn,
  },
};

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng === 'en' ? 'en' : 'zh-CN';
});

void i18n.use(initReactI18next).init({
  resources: RESOURCES,
  lng: readStoredLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

export default i18n;
