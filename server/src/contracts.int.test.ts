/**
 * One contract between server and pages: every route the app registers declares what it answers,
 * with a response schema declared in `contracts/` (through `contract()`), never one made up in a
 * route file. A route answering a file declares `FileBody`; one answering nothing, `NoContent`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteOptions } from 'fastify';
import { z } from 'zod';
import { isContract } from '../../contracts/http.js';
import { CaseDetail } from '../../contracts/case-views.js';
import { createTestApp, type TestApp } from './test/harness.js';

/**
 * Routes of modules another engineer is moving to contracts/ in parallel (issue 12): the lead
 * empties this list when the branches merge. An entry ending in `*` is a prefix, any other the
 * exact path. Nothing of cases or licences belongs here.
 */
const EXEMPT: readonly string[] = [];

const covers = (entry: string, url: string) =>
  entry.endsWith('*') ? url.startsWith(entry.slice(0, -1)) : url === entry;
const exempt = (url: string) => EXEMPT.some((e) => covers(e, url));

/** What is wrong with a route's response schemas; empty when each one is a contract. */
export function contractProblems(route: Pick<RouteOptions, 'method' | 'url' | 'schema'>): string[] {
  const where = `${String(route.method)} ${route.url}`;
  const response = route.schema?.response as Record<string, unknown> | undefined;
  if (!response || Object.keys(response).length === 0) return [`${where}: no response schema`];
  return Object.entries(response)
    .filter(([, schema]) => !isContract(schema))
    .map(([status, _]) => `${where} ${status}: response schema not from contracts/`);
}

describe('contracts', () => {
  let t: TestApp;
  const routes: RouteOptions[] = [];

  beforeAll(async () => {
    t = await createTestApp({ onRoute: (r) => routes.push(r) });
  });
  afterAll(async () => t?.close());

  it('recognises a contract and refuses a schema made in a route file', () => {
    expect(contractProblems({ method: 'GET', url: '/x', schema: { response: { 200: CaseDetail } } })).toEqual([]);
    expect(
      contractProblems({ method: 'GET', url: '/x', schema: { response: { 200: CaseDetail.extend({}) } } }),
    ).toEqual(['GET /x 200: response schema not from contracts/']);
    expect(contractProblems({ method: 'GET', url: '/x', schema: { response: { 200: z.object({}) } } })).toHaveLength(1);
    expect(contractProblems({ method: 'GET', url: '/x', schema: {} })).toEqual(['GET /x: no response schema']);
  });

  it('every route answers with a response schema from contracts/', () => {
    // HEAD routes are Fastify's copies of GET routes; hidden ones (the docs UI, /openapi.json) are not the API.
    const api = routes.filter((r) => r.method !== 'HEAD' && !r.schema?.hide);
    expect(api.length).toBeGreaterThan(100);
    const problems = api.filter((r) => !exempt(r.url)).flatMap(contractProblems);
    expect(problems).toEqual([]);
  });

  it('each exemption still covers a route (the list only shrinks)', () => {
    const stale = EXEMPT.filter((e) => !routes.some((r) => covers(e, r.url)));
    expect(stale).toEqual([]);
  });
});
