/**
 * What the server must know to answer a light page (server/src/modules/pages): the language, and
 * whether the person keeps preferences only the full app honours (长者模式, a kiosk, a remembered
 * region). They live in localStorage; this copies them into two cookies whenever the page is left,
 * so that the next page asked for comes in the right form. Kept tiny: the light pages load it first.
 */
const FULL_APP_KEYS = ['tongban.kiosk', 'tongban.region'];
const YEAR = 60 * 60 * 24 * 365;

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private browsing: the choice lasts for this page only.
  }
}

export const wantsElder = (): boolean => stored('tongban.elder') === '1';

/** 长者模式 or a preference only the app shows: the light page then starts the app at once. */
export function wantsFullApp(): boolean {
  return wantsElder() || FULL_APP_KEYS.some((k) => stored(k));
}

export const storedLanguage = (): 'en' | 'zh-CN' => (stored('tongban.lang') === 'en' ? 'en' : 'zh-CN');

export function writeLightCookies(): void {
  const cookie = (name: string, value: string) => {
    document.cookie = `${name}=${value}; path=/; max-age=${value ? YEAR : 0}; samesite=lax`;
  };
  cookie('tb_lang', storedLanguage() === 'en' ? 'en' : '');
  cookie('tb_app', wantsFullApp() ? '1' : '');
}

/** Writes the cookies now and each time the page is left (a reload, a link, closing the tab). */
export function keepLightCookies(): void {
  writeLightCookies();
  window.addEventListener('pagehide', writeLightCookies);
}
