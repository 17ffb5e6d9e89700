/** The page's language: 简体中文 by default, English on request, remembered in localStorage. */
import i18n from 'i18next';
import { writeLightCookies } from './light-cookies';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'tongban.lang';

export function readStoredLanguage(): Language {
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
  // At once, not only when the page is left: the next page asked for must come in this language.
  writeLightCookies();
  await i18n.changeLanguage(lang);
}
