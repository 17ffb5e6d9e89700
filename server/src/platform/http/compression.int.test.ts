/**
 * Compression on a phone's slow link: API answers past the threshold come brotli- or gzip-encoded
 * as the client accepts, small ones and already-compressed bodies (PDFs) as they are; the built web
 * app's assets are answered from the brotli and gzip files written at build, with `Vary`.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { registerCompression } from './compression.js';
import { registerWeb } from './web.js';

let t: TestApp;
let web: FastifyInstance;
let dist: string;
const script = `export const greeting = ${JSON.stringify('办事指南 '.repeat(400))};\n`;

beforeAll(async () => {
  t = await createTestApp();
  // A built web app in miniature: the page, one hashed asset with its precompressed twins.
  dist = await fs.mkdtemp(path.join(os.tmpdir(), 'tongban-dist-'));
  await fs.mkdir(path.join(dist, 'assets'));
  await fs.writeFile(path.join(dist, 'index.html'), '<!doctype html><title>通办</title><div id="root"></div>');
  await fs.mkdir(path.join(dist, 'shells'));
  await fs.writeFile(
    path.join(dist, 'shells', 'track.html'),
    '<!doctype html><title>通办</title><link rel="modulepreload" href="/assets/track.js"><div id="root"></div>',
  );
  await fs.writeFile(path.join(dist, 'assets', 'app-1a2b3c.js'), script);
  await fs.writeFile(path.join(dist, 'assets', 'app-1a2b3c.js.br'), brotliCompressSync(script));
  await fs.writeFile(path.join(dist, 'assets', 'app-1a2b3c.js.gz'), gzipSync(script));
  web = Fastify();
  await registerCompression(web);
  const fallback = await registerWeb(web, dist);
  web.setNotFoundHandler(async (request, reply) =>
    (await fallback?.(request, reply)) ? reply : reply.code(404).send(),
  );
  await web.ready();
});
afterAll(async () => {
  await web?.close();
  await t?.close();
  if (dist) await fs.rm(dist, { recursive: true, force: true });
});

describe('API answers', () => {
  const search = `/api/catalog/search?q=${encodeURIComponent('身份证')}`;

  /** A search answer but for the id each answer draws (it ties a result opened to its search). */
  const sameAnswer = (answer: Record<string, unknown>) => ({ ...answer, searchId: undefined });

  it('are brotli-encoded for a client that accepts it, gzip for one that takes only gzip', async () => {
    const plain = await t.app.inject({ method: 'GET', url: search });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);

    const br = await t.app.inject({ method: 'GET', url: search, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(sameAnswer(JSON.parse(brotliDecompressSync(br.rawPayload).toString()))).toEqual(sameAnswer(plain.json()));

    const gz = await t.app.inject({ method: 'GET', url: search, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(sameAnswer(JSON.parse(gunzipSync(gz.rawPayload).toString()))).toEqual(sameAnswer(plain.json()));
  });

  it('below the threshold go as they are', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeLessThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('a PDF, already compressed, is sent as it is', async () => {
    const code = (
      await sql<{ code: string }>`
      SELECT code FROM catalog.item WHERE published_version IS NOT NULL ORDER BY code LIMIT 1`.execute(t.db)
    ).rows[0]!.code;
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/catalog/items/${code}/forms/blank.pdf`,
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the built web app', () => {
  const asset = '/assets/app-1a2b3c.js';

  it('answers an asset from its brotli file, with the JavaScript type, Vary and the long cache', async () => {
    const res = await web.inject({ method: 'GET', url: asset, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('answers gzip to a client without brotli, and the file itself to one without either', async () => {
    const gz = await web.inject({ method: 'GET', url: asset, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await web.inject({ method: 'GET', url: asset, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
  });

  it('serves a page path the app itself (SPA fallback), revalidated; tracking its own shell with its preloads', async () => {
    const page = async (url: string) => {
      const res = await web.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      return (
        res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.rawPayload) : res.rawPayload
      ).toString();
    };
    const home = await page('/me/cases');
    expect(home).toContain('<div id="root">');
    expect(home).not.toContain('modulepreload');
    expect(await page('/track/261123-K7Q2MX')).toContain('<link rel="modulepreload" href="/assets/track.js">');
    expect(await page('/track')).toContain('modulepreload');
    expect(await page('/search')).not.toContain('modulepreload'); // no shell of its own in this build
  });
});
