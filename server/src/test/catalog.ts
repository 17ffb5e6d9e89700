/** Test helpers for the catalogue: an item's guide as edited, and a new version published through the API. */
import { expect } from 'vitest';
import type { Item, ItemGuide } from '../../../contracts/catalog.js';
import type { TestApp } from './harness.js';

type Staff = { authorization: string };

/** The guide of a published item as an administrator edits it (without what the catalogue adds). */
export function guideOf(item: Item): ItemGuide {
  const { code, department, region, status, version, lists, publishedAt, ...guide } = item;
  void code, department, region, status, version, lists, publishedAt;
  return guide;
}

/** Publishes `guide` as the item's next version through the API: edited and submitted by `admin`, approved by `reviewer`. */
export async function publishVersion(
  t: TestApp,
  code: string,
  guide: ItemGuide,
  by: { admin: Staff; reviewer: Staff },
): Promise<void> {
  const steps = [
    ['PUT', `/api/admin/catalog/items/${code}`, by.admin, { guide }],
    ['POST', `/api/admin/catalog/items/${code}/submit`, by.admin, {}],
    ['POST', `/api/admin/catalog/items/${code}/approve`, by.reviewer, {}],
  ] as const;
  for (const [method, url, who, payload] of steps) {
    const res = await t.app.inject({ method, url, headers: { authorization: who.authorization }, payload });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
  }
}
