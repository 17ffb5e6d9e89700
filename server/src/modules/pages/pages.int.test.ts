/**
 * The light pages (轻量首屏): home, search results, a guide and the tracking form answered as
 * finished HTML holding what a person came for, in Chinese or (cookie `tb_lang=en`) English, with
 * nothing left as a message key, everything from the request or the catalogue escaped, and the app
 * left to answer whenever the light page cannot (signed in, preferences only the app shows).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWeb } from '../../platform/http/web.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { lightPages } from './index.js';
import { catalogEn } from '../../../../web/src/modules/catalog/locales/en.js';
import { casesEn } from '../../../../web/src/modules/cases/locales/en.js';

let t: TestApp;
let web: FastifyInstance;
let dist: string;
let item: { code: string; name: string; region: { name: string; nameEn: string }; department: { nameEn: string } };

/** A build in miniature: the manifest names the entry, the light script and each page chunk's CSS. */
async function miniatureBuild(): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'tongban-light-'));
  await fs.mkdir(path.join(root, 'assets'));
  await fs.mkdir(path.join(root, '.vite'));
  await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>通办</title><div id="root"></div>');
  await fs.writeFile(path.join(root, 'assets', 'index-1.css'), '.tb-app{color:#1f1f1f}');
  await fs.writeFile(path.join(root, 'assets', 'guide-1.css'), '.tb-guide{margin:0}');
  const chunk = (file: string, css?: string) => ({ file, imports: ['index.html'], ...(css ? { css: [css] } : {}) });
  const manifest = {
    'index.html': { file: 'assets/index-1.js', isEntry: true, css: ['assets/index-1.css'] },
    'src/light-boot.ts': { file: 'assets/light-1.js', isEntry: true },
    'src/modules/catalog/search/SearchPage.tsx': chunk('assets/SearchPage-1.js'),
    'src/modules/catalog/guide/ItemGuidePage.tsx': chunk('assets/ItemGuidePage-1.js', 'assets/guide-1.css'),
    'src/modules/cases/TrackPage.tsx': chunk('assets/TrackPage-1.js'),
  };
  await fs.writeFile(path.join(root, '.vite', 'manifest.json'), JSON.stringify(manifest));
  return root;
}

beforeAll(async () => {
  t = await createTestApp();
  dist = await miniatureBuild();
  web = Fastify();
  const fallback = await registerWeb(web, dist, lightPages(t.app, dist));
  web.setNotFoundHandler(async (request, reply) =>
    (await fallback?.(request, reply)) ? reply : reply.code(404).send(),
  );
  await web.ready();
  const found = await t.app.inject({ method: 'GET', url: `/api/catalog/search?q=${encodeURIComponent('营业执照')}` });
  item = found.json().items[0];
});
afterAll(async () => {
  await web?.close();
  await t?.close();
  if (dist) await fs.rm(dist, { recursive: true, force: true });
});

const get = (url: string, cookie?: string, encoding?: string) =>
  web.inject({
    method: 'GET',
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(encoding ? { 'accept-encoding': encoding } : {}) },
  });

/** The words a person reads: the body's text without tags, styles or scripts. */
const words = (page: string) =>
  page
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

/** A message key left in the text (`guide.sections.basis`, `mobile:tabs.home`, `{{count}}`). */
const RAW_KEY =
  /\b(?:app|nav|header|footer|item|home|guide|theme|cases|identity|tabs|serviceSearch|mobile|assistant|analytics)[.:][a-zA-Z]|\{\{/;

describe('light pages', () => {
  it('answer the four pages in Chinese with what a person came for, and no message key', async () => {
    const pages = {
      '/': ['一网通办', '搜索办事事项', '主题服务', '权力清单'],
      [`/search?q=${encodeURIComponent('营业执照')}`]: ['营业执照', '相关的服务', item.name],
      [`/items/${item.code}`]: [item.name, '受理条件', '申请材料', '法定时限', '承诺时限', '办理流程', '咨询电话'],
      '/track': ['办件查询', '办件编码', '查询'],
    };
    for (const [url, expected] of Object.entries(pages)) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<html lang="zh-CN">');
      expect(res.body).toContain('<script type="module" src="/assets/light-1.js" data-app="/assets/index-1.js"');
      // The entry's CSS and the page chunk's are inline: no stylesheet to wait for.
      expect(res.body).toContain('.tb-app{color:#1f1f1f}');
      if (url.startsWith('/items/')) expect(res.body).toContain('.tb-guide{margin:0}');
      const text = words(res.body);
      for (const w of expected) expect(text, url).toContain(w);
      expect(text, url).not.toMatch(RAW_KEY);
    }
  });

  it('answer in English with the English cookie', async () => {
    const home = await get('/', 'tb_lang=en');
    expect(home.body).toContain('<html lang="en">');
    expect(words(home.body)).toContain('One portal');
    const guide = await get(`/items/${item.code}`, 'tb_lang=en');
    const text = words(guide.body);
    const { guide: g } = catalogEn;
    for (const w of [g.sections.conditions, g.sections.materials, g.basic.legalLimit, g.contact.consult])
      expect(text).toContain(w);
    // The region in English too (南明区 → Nanming District).
    expect(item.region.nameEn).toMatch(/^[A-Z][a-z]+ (District|County|City)$/);
    expect(text).toContain(` ${item.region.nameEn} `);
    expect(item.department.nameEn).toMatch(/^[A-Z][A-Za-z ,'-]+$/);
    expect(text).toContain(` ${item.department.nameEn} `);
    // 办理流程's steps by their English names (受理 → Acceptance); their descriptions stay as written.
    expect(guide.body).toContain('<strong>Acceptance</strong>');
    expect(guide.body).not.toContain('<strong>受理</strong>');
    expect((await get(`/items/${item.code}`)).body).toContain('<strong>受理</strong>');
    expect(text).not.toMatch(RAW_KEY);
    const track = await get('/track', 'tb_lang=en');
    expect(words(track.body)).toContain(casesEn.cases.track.code);
    expect(words(track.body)).not.toMatch(RAW_KEY);
  });

  it('come brotli-encoded to a phone that accepts it', async () => {
    const res = await get('/', undefined, 'gzip, br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.rawPayload).toString()).toContain('一网通办');
  });

  it('escape what a request or the catalogue says: no markup gets through', async () => {
    const evil = '</script><img src=x onerror=alert(1)>"\'';
    const search = await get(`/search?q=${encodeURIComponent(evil)}`);
    expect(search.statusCode).toBe(200);
    expect(search.body).not.toContain('<img src=x');
    expect(search.body).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;');

    // The catalogue says it: a version named so, published through the workflow.
    const admin = await t.staff(['catalog_admin'], '52');
    const reviewer = await t.staff(['catalog_reviewer'], '52');
    const published = (await t.app.inject({ method: 'GET', url: `/api/catalog/items/${item.code}` })).json();
    const { code, department, region, status, version, lists, publishedAt, ...guideNow } = published;
    void code, department, region, status, version, lists, publishedAt;
    const steps: [string, string, object, { authorization: string }][] = [
      ['PUT', '', { guide: { ...guideNow, name: `营业执照${evil}` } }, admin],
      ['POST', '/submit', {}, admin],
      ['POST', '/approve', {}, reviewer],
    ];
    for (const [method, step, payload, who] of steps) {
      const res = await t.app.inject({
        method: method as 'PUT' | 'POST',
        url: `/api/admin/catalog/items/${item.code}${step}`,
        headers: { authorization: who.authorization },
        payload,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const guide = await get(`/items/${item.code}`);
    expect(guide.statusCode).toBe(200);
    expect(guide.body).toContain('营业执照&lt;/script&gt;&lt;img');
    expect(guide.body).not.toContain('<img src=x');
    expect(guide.body.match(/<script/g)).toHaveLength(1);
  });

  it('leave the page to the app when signed in, for saved preferences, other queries and unknown items', async () => {
    const app = (res: { body: string }) => res.body.includes('<div id="root"></div>');
    expect(app(await get('/', 'tb_session=abc'))).toBe(true);
    expect(app(await get('/', 'tb_app=1'))).toBe(true);
    expect(app(await get('/search?q=x&region=5201'))).toBe(true);
    expect(app(await get('/items/NOSUCHITEM000000000000'))).toBe(true);
    expect(app(await get('/me/cases'))).toBe(true);
    expect(app(await get('/'))).toBe(false);
  });

  it('turn the tracking form into the tracking page of the code', async () => {
    const res = await get(`/track?code=${encodeURIComponent(' 261123-k7q2mx ')}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/track/261123-K7Q2MX');
  });
});
