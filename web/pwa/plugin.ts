import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';
import { closure, pageChunk, ROUTE_SHELLS, routeShells } from './shells';

/** Cached at install besides the home page's code: the tracking page's, so that it works offline. */
const OFFLINE_PAGES = [ROUTE_SHELLS.track];
const ALWAYS = ['/', '/manifest.webmanifest', '/favicon.svg', '/icons/icon-192.png'];

/**
 * Writes the route shells (./shells.ts) and the service worker (./sw.js, as /sw.js) into the
 * build. The worker's precache list: the page, the manifest and icon, and the code of the home and
 * tracking pages; its version is the list's hash, so that a new build replaces the old cache.
 */
export function serviceWorker(): Plugin {
  return {
    name: 'tongban-service-worker',
    // After Vite's own generateBundle hooks, which write index.html and drop CSS-only chunks' JavaScript.
    enforce: 'post',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((o): o is OutputChunk => o.type === 'chunk' && o.isEntry);
      if (!entry) throw new Error('service worker: no entry chunk');
      const starts = [entry, ...OFFLINE_PAGES.map((page) => pageChunk(bundle, page))];
      const precache = [...new Set([...ALWAYS, ...starts.flatMap((c) => closure(bundle, c).map((f) => `/${f}`))])];
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      const template = fs.readFileSync(new URL('./sw.js', import.meta.url), 'utf8');
      for (const shell of routeShells(bundle)) this.emitFile({ type: 'asset', ...shell });
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template
          .replace("'__VERSION__'", JSON.stringify(version))
          .replace('__PRECACHE__', JSON.stringify(precache)),
      });
    },
  };
}
