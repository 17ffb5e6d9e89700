/** Debian's Chromium driven by playwright-core: no browser downloads, ever. */
import { chromium, type Browser, type Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { beforeEach, onTestFailed } from 'vitest';
import { createTestApp, type TestApp } from '../server/src/test/harness.js';

export const SCREENSHOTS = path.resolve('artifacts/screenshots');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The real server (with the built web app) on a free port, and Chromium, for one test file. */
export interface Portal {
  t: TestApp;
  base: string;
  /** The pages still open (for screenshots when a journey fails). */
  pages(): Page[];
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** The server and Chromium for one test file. */
export async function startPortal(opts: { env?: Record<string, string>; now?: () => Date } = {}): Promise<Portal> {
  const t = await createTestApp({
    serveWeb: true,
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const browser = await launch();
  const open = new Set<Page>();
  return {
    pages: () => [...open],
    t,
    base,
    async newPage(viewport = { width: 1366, height: 900 }) {
      // Reduced motion, which the portal honours (antd's animations and click waves off): a journey
      // sees each state at once. With motion on, a loading icon whose leave animation never got its
      // transitionend stayed in the button, invisible but named, so "登录" was no longer found by
      // name; and a click wave drawn at 1280 wide stuck out of a page just narrowed to 390.
      const context = await browser.newContext({ viewport, locale: 'zh-CN', reducedMotion: 'reduce' });
      const page = await context.newPage();
      open.add(page);
      page.on('close', () => open.delete(page));
      page.on('pageerror', (e) => {
        throw e;
      });
      return page;
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * When a journey fails, every page it left open is saved as
 * `artifacts/screenshots/failed-<test>-<n>.png`: the state the failing wait saw. Call once per file.
 */
export function keepFailureScreenshots(portal: () => Portal | undefined): void {
  beforeEach(() => {
    onTestFailed(async ({ task }) => {
      let n = 0;
      for (const page of portal()?.pages() ?? []) {
        if (page.isClosed()) continue;
        await screenshot(page, `failed-${task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}-${++n}`).catch(
          () => undefined,
        );
      }
    });
  });
}
