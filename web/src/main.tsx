import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
// The global styles first: the modules' own (through app/i18n's imports of their index.ts) come after and refine them.
import './app/global.css';
import './app/i18n';
import { applyElderClass, readElderMode } from './app/preferences';
import { Providers } from './app/providers';
import { router } from './app/router';
import { registerServiceWorker } from './app/serviceWorker';
import { keepLightCookies } from './ui/light-cookies';

// Before the first paint, so that 长者模式 never flashes small type (CSP forbids an inline script).
applyElderClass(readElderMode());

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
registerServiceWorker();
// The server's light pages follow the language and preferences chosen here (server/src/modules/pages).
keepLightCookies();
