/** What a person reads on a page: its visible text scanned for internal keys and ids; the UI language switched as the header's button does. */
import type { Page } from 'playwright-core';

const KEY = /\b[a-z]+(?:-[a-z]+)+\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/**
 * English compounds the English copy uses as words (a key such as `sign-in-failed` or
 * `material-added` is still caught: the whole hyphenated run must be one of these). Chinese pages
 * allow none.
 */
const ENGLISH_WORDS = new Set([
  'e-licence',
  'e-licences',
  'sign-in',
  'sign-ins',
  'walk-in',
  'one-time',
  'open-source',
  'government-service',
  'tamper-evident',
  'real-name',
  'sign-on',
  'look-up',
  'working-day',
  'e-document',
  'lower-case',
]);

/** Keys and UUIDs in what a person reads on the page (its visible text). */
export async function rawCodes(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const english = (await page.evaluate(() => document.documentElement.lang)) === 'en';
  return [
    ...[...text.matchAll(KEY)].map((m) => m[0]).filter((w) => !(english && ENGLISH_WORDS.has(w))),
    ...[...text.matchAll(UUID)].map((m) => m[0]),
  ];
}

export async function setLanguage(page: Page, lang: 'zh-CN' | 'en'): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('tongban.lang', l), lang);
  await page.reload();
}
