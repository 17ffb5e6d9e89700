/**
 * The light pages' only script (server/src/modules/pages answers home, search results, a guide and
 * the tracking form as finished HTML). It starts nothing while the person reads: links and forms
 * work as they are. The web app starts when the person presses one of the buttons that need it
 * (`data-app-control`: 长者模式, 智能客服…), or at once when they keep preferences only the app shows.
 */
import { registerServiceWorker } from './app/serviceWorker';
import {
  keepLightCookies,
  remember,
  wantsElder,
  storedLanguage,
  wantsFullApp,
  writeLightCookies,
} from './ui/light-cookies';

const script = document.querySelector<HTMLScriptElement>('script[data-app]');
const root = document.getElementById('root');

let starting: Promise<void> | undefined;

/** Loads the app's styles, then the app, which draws itself over the light page. */
function startApp(): Promise<void> {
  starting ??= (async () => {
    const css = (script?.dataset.css ?? '').split(' ').filter(Boolean);
    await Promise.all(
      css.map(
        (href) =>
          new Promise<void>((resolve) => {
            const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
            link.onload = link.onerror = () => resolve();
            document.head.append(link);
          }),
      ),
    );
    await import(/* @vite-ignore */ script?.dataset.app ?? '/');
  })();
  return starting;
}

/** The app's own button named as the light page's was, pressed once the app has drawn it (parts of the app come later). */
function pressInApp(name: string): void {
  const find = () =>
    root?.querySelector('[data-light-page]')
      ? undefined
      : [...document.querySelectorAll<HTMLButtonElement>('#root button')].find((b) => b.textContent?.trim() === name);
  const press = (button: HTMLButtonElement | undefined) => {
    if (!button) return false;
    button.click();
    return true;
  };
  if (press(find())) return;
  const watch = new MutationObserver(() => {
    if (press(find())) watch.disconnect();
  });
  if (root) watch.observe(root, { childList: true, subtree: true });
  // Given up after a while: a press much later would surprise the person.
  setTimeout(() => watch.disconnect(), 30_000);
}

function fail(err: unknown): void {
  console.error('the app did not start', err);
}

const ELDER = 'elder';
const LANGUAGE = 'language';

document.addEventListener('click', (event) => {
  const control = (event.target as Element | null)?.closest<HTMLElement>('[data-app-control]');
  if (!control) return;
  event.preventDefault();
  const kind = control.dataset.appControl;
  if (kind === LANGUAGE) {
    // The page in the other language is another light page: remember the choice and ask for it.
    remember('tongban.lang', storedLanguage() === 'en' ? 'zh-CN' : 'en');
    writeLightCookies();
    window.location.reload();
    return;
  }
  if (kind === ELDER) {
    // At once, as the app does; the app then starts with 长者模式 on (its helper, its larger controls).
    remember('tongban.elder', '1');
    document.documentElement.classList.add('elder-mode');
    writeLightCookies();
    startApp().catch(fail);
    return;
  }
  const name = control.textContent?.trim() ?? '';
  control.setAttribute('aria-busy', 'true');
  startApp()
    .then(() => pressInApp(name))
    .catch(fail);
});

keepLightCookies();
if (wantsFullApp() || storedLanguage() !== (document.documentElement.lang === 'en' ? 'en' : 'zh-CN')) {
  // 长者模式 before anything is drawn again, as the app's own start does.
  if (wantsElder()) document.documentElement.classList.add('elder-mode');
  startApp().catch(fail);
}
registerServiceWorker();
