/**
 * pages (轻量首屏): the portal's four most visited pages — home, search results, a guide and the
 * tracking form — answered as finished HTML with their styles inline, so that a phone on a slow
 * link shows what the person came for before any script runs. The data comes from the public API
 * itself (the same routes the web app calls, as an anonymous caller); the words from the web app's
 * locale files. Links and forms work without the app; the app starts when the person presses one
 * of its buttons (web/src/light-boot.ts). Signed-in visitors, and those whose saved preferences the
 * light page cannot honour (长者模式, a kiosk, a remembered region: cookie `tb_app`), get the app.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Item, ThemeSummary } from '../../../../contracts/catalog.js';
import type { HotSearches, SearchResult } from '../../../../contracts/search.js';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { loadAssets, type PageName } from './assets.js';
import { document, type Page, type PageContext } from './frame.js';
import { guidePage } from './guide.page.js';
import { homePage, type Audience } from './home.page.js';
import { translator, type Lang } from './messages.js';
import { searchPage } from './search.page.js';
import { trackPage } from './track.page.js';

export { escapeHtml } from './html.js';

/** The cookies a light page depends on: the web app writes `tb_lang` and `tb_app` (web/src/ui/light-cookies.ts). */
const SESSION_COOKIE = 'tb_session';

function cookies(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) out[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return out;
}

type Query = Record<string, string | string[] | undefined>;
const only = (query: Query, allowed: readonly string[]) => Object.keys(query).every((k) => allowed.includes(k));
const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? '' : (v ?? ''));

/** Brotli (quality 4, as the API's answers) or gzip as the client accepts: the fallback is outside @fastify/compress's routes. */
function sendEncoded(request: FastifyRequest, reply: FastifyReply, body: string): FastifyReply {
  const accepts = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepts))
    return reply
      .header('content-encoding', 'br')
      .send(brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }));
  if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(gzipSync(body));
  return reply.send(body);
}

/** A reply is thenable: never resolve a promise with one. */
const answered = (_sent: FastifyReply): true => true;

/** True when it answered the request with a light page (or the tracking redirect). */
export type LightPages = (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;

/** The light pages' handler for the web fallback, or undefined when the build has none. */
export function lightPages(app: FastifyInstance, webRoot: string): LightPages | undefined {
  const assets = loadAssets(webRoot);
  if (!assets) return undefined;

  async function api<T>(url: string, lang: Lang): Promise<T | undefined> {
    const res = await app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
    return res.statusCode === 200 ? (res.json() as T) : undefined;
  }
  const hot = async (lang: Lang) => (await api<HotSearches>('/api/catalog/search/hot', lang))?.queries ?? [];
  const themes = async (audience: Audience, lang: Lang) =>
    (await api<{ themes: ThemeSummary[] }>(`/api/catalog/themes?audience=${audience}`, lang))?.themes ?? [];

  /** The page for a path and query, or undefined to leave it to the app. */
  async function page(c: PageContext, query: Query): Promise<[PageName, Page] | undefined> {
    const { path, lang } = c;
    if (path === '/' && only(query, ['audience'])) {
      const audience: Audience = one(query.audience) === 'enterprise' ? 'enterprise' : 'person';
      const [h, th] = await Promise.all([hot(lang), themes(audience, lang)]);
      return ['home', homePage(c, { audience, hot: h, themes: th })];
    }
    if (path === '/search' && only(query, ['q'])) {
      const q = one(query.q).trim().slice(0, 100);
      const [result, h, th] = await Promise.all([
        q ? api<SearchResult>(`/api/catalog/search?q=${encodeURIComponent(q)}`, lang) : undefined,
        hot(lang),
        themes('person', lang),
      ]);
      if (q && !result) return undefined;
      return ['search', searchPage(c, { q, result, hot: h, themes: th })];
    }
    const code = /^\/items\/([0-9A-Za-z]{1,40})$/.exec(path)?.[1];
    if (code && only(query, [])) {
      const item = await api<Item>(`/api/catalog/items/${code}`, lang);
      return item ? ['guide', guidePage(c, item)] : undefined;
    }
    if (path === '/track' && only(query, [])) return ['track', trackPage(c)];
    return undefined;
  }

  return async (request, reply) => {
    const [path = '/', search = ''] = request.url.split('?', 2);
    const query = Object.fromEntries(new URLSearchParams(search)) as Query;
    // The tracking form without the app: /track?code=X is the page /track/X.
    if (path === '/track' && only(query, ['code']) && one(query.code).trim())
      return answered(
        reply.redirect(`/track/${encodeURIComponent(one(query.code).trim().toUpperCase().replace(/\s+/g, ''))}`, 303),
      );
    const jar = cookies(request);
    if (jar[SESSION_COOKIE] || jar.tb_app === '1') return false;
    const lang: Lang = jar.tb_lang === 'en' ? 'en' : 'zh-CN';
    const c: PageContext = { lang, t: translator(lang), path };
    const found = await page(c, query);
    if (!found) return false;
    const [name, body] = found;
    reply
      .header('cache-control', 'no-cache')
      .header('vary', 'cookie, accept-encoding')
      .type('text/html; charset=utf-8');
    return answered(sendEncoded(request, reply, document(c, body, assets[name])));
  };
}
