/**
 * Installs the service worker (/sw.js, written at build from web/pwa/sw.js) once the page has
 * loaded, so that it never competes with the first paint: the portal becomes installable and the
 * pages it caches work offline. Not in development, where Vite serves no sw.js.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((err: unknown) => {
      console.warn('service worker not installed', err);
    });
  });
}
