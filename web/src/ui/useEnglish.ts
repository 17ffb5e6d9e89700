import { useTranslation } from 'react-i18next';

/** Whether the page is shown in English (dates, numbers and data names follow it). */
export function useEnglish(): boolean {
  return useTranslation().i18n.resolvedLanguage === 'en';
}
