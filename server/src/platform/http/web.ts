import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');

const API_PREFIXES = ['/api/', '/oidc', '/openapi.json', '/docs', '/healthz', '/readyz', '/metrics'];

/** Answers a page as finished HTML (server/src/modules/pages): true when it did, false to leave it to the app's shell. */
export type LightPage = (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;

/** Page paths whose own copy of index.html, written at build (web/pwa/shells.ts), preloads their code. */
const SHELLS: [RegExp, string][] = [
  [/^\/search\/?$/, 'shells/search.html'],
  [/^\/items\/[^/]+\/?$/, 'shells/guide.html'],
  [/^\/track(?:\/[^/]+)?\/?$/, 'shells/track.html'],
];

/**
 * Serves the built web app (`root`: web/dist unless told), each file from the brotli or gzip twin
 * written beside it at build when the client accepts one (`Vary: accept-encoding`). Returns the
 * SPA fallback for the not-found handler (true when it answers: GET of a page path answers index.html, or the page's own
 * shell for search, a guide and tracking, or the light page when `light` answers one; API paths keep
 * their problem+json 404s), or undefined
 * when the app has not been built.
 */
export async function registerWeb(
  app: FastifyInstance,
  root = WEB_DIST,
  light?: LightPage,
): Promise<((request: FastifyRequest, reply: FastifyReply) => Promise<boolean>) | undefined> {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    app.log.warn(`web app not built (${root}); run: npm run build:web`);
    return undefined;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    preCompressed: true,
    // `/` too goes through the fallback below, which may answer a light page.
    index: false,
    cacheControl: false,
    // Hashed asset names never change content: cache for a year. The page itself is revalidated.
    setHeaders: (res, filePath) => {
      res.header(
        'cache-control',
        filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const shells = SHELLS.filter(([, file]) => fs.existsSync(path.join(root, file)));
  return async (request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (request.method !== 'GET' || API_PREFIXES.some((p) => url.startsWith(p)) || path.extname(url)) return false;
    if (await light?.(request, reply)) return true;
    const page = shells.find(([pattern]) => pattern.test(url))?.[1] ?? 'index.html';
    // Not awaited: a reply is thenable, and the fallback only says whether it answers.
    void reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile(page);
    return true;
  };
}
