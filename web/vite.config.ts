import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorker } from './pwa/plugin';
import { precompress } from './precompress';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const api = 'http://localhost:3000';

/** The portal: root web/, output web/dist (served by the server with SPA fallback). */
export default defineConfig({
  root: webRoot,
  plugins: [react(), serviceWorker(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // web/dist/.vite/manifest.json: what each page loads (e2e/bundle-budget checks the resident's share).
    manifest: true,
    rolldownOptions: {
      // The light pages' script (web/src/light-boot.ts) is an entry of its own: it must not bring the app.
      input: { index: `${webRoot}index.html`, light: `${webRoot}src/light-boot.ts` },
      output: {
        codeSplitting: {
          groups: [
            // Every page needs these and they change less often than the app: one cacheable chunk.
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next)[\\/]/,
            },
            // The consoles' charts and the PDF viewer, named so that e2e/bundle-budget can tell a resident never loads them.
            { name: 'echarts', test: /node_modules[\\/](echarts|echarts-for-react|zrender)[\\/]/ },
            { name: 'pdfjs', test: /node_modules[\\/]pdfjs-dist[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    // contracts/ lives beside web/, outside the Vite root.
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': api,
      '/openapi.json': api,
      '/docs': api,
      '/healthz': api,
    },
  },
  preview: {
    port: 4173,
    proxy: {
      '/api': api,
      '/openapi.json': api,
      '/docs': api,
      '/healthz': api,
    },
  },
});
