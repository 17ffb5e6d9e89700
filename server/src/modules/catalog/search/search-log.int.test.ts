/**
 * The search log is written in the background: a write the database refuses must never become an
 * unhandled rejection (it ended the process: issue 11, finding 1). It is retried, or dropped with
 * a logged count, and text PostgreSQL cannot store never reaches it.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { CatalogSearch, type SearchLogSink } from '../index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

let rejections: unknown[];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeEach(() => {
  rejections = [];
  process.on('unhandledRejection', onRejection);
});
afterEach(async () => {
  process.off('unhandledRejection', onRejection);
  await sql`ALTER TABLE IF EXISTS catalog.search_log_away RENAME TO search_log`.execute(t.db);
});

function sink() {
  const lines: { level: 'warn' | 'error'; obj: Record<string, unknown>; msg: string }[] = [];
  const log: SearchLogSink = {
    warn: (obj, msg) => lines.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
  };
  return { lines, log };
}

async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`never happened: ${what}`);
}

const logged = async (query: string) =>
  (
    await sql<{
      query: string;
      count: number;
    }>`SELECT query, count FROM catalog.search_log WHERE query LIKE ${`${query}%`}`.execute(t.db)
  ).rows;

describe('the search log', () => {
  it('keeps NULs and lone surrogates out of what it writes', async () => {
    const { lines, log } = sink();
    const search = new CatalogSearch(t.db, { flushMs: 5, log });
    await search.search({ q: '社保\u0000查询\uD800', page: 1, pageSize: 10 });
    await until('the query is logged', async () => (await logged('社保')).length > 0);
    expect((await logged('社保')).map((r) => r.query)).toEqual(['社保查询\uFFFD']);
    expect(lines).toEqual([]);
    expect(rejections).toEqual([]);
  });

  it('survives a database that refuses the write, and writes the entries once it is back', async () => {
    const { lines, log } = sink();
    const search = new CatalogSearch(t.db, { flushMs: 5, maxRetries: 1000, log });
    await sql`ALTER TABLE catalog.search_log RENAME TO search_log_away`.execute(t.db);
    await search.search({ q: '公积金提取', page: 1, pageSize: 10 });
    await until('a failed write is logged', () => lines.some((l) => l.level === 'warn'));
    await search.search({ q: '公积金提取', page: 1, pageSize: 10 });
    await sql`ALTER TABLE catalog.search_log_away RENAME TO search_log`.execute(t.db);
    await until('the entries are written', async () => (await logged('公积金提取')).length > 0);
    expect(await logged('公积金提取')).toEqual([{ query: '公积金提取', count: 2 }]);
    expect(lines.every((l) => l.level === 'warn' && l.msg.includes('retry'))).toBe(true);
    expect(rejections).toEqual([]);
  });

  it('drops what it could not write after its retries and says how many queries were lost', async () => {
    const { lines, log } = sink();
    const search = new CatalogSearch(t.db, { flushMs: 5, maxRetries: 2, log });
    await sql`ALTER TABLE catalog.search_log RENAME TO search_log_away`.execute(t.db);
    await search.search({ q: '护照办理', page: 1, pageSize: 10 });
    await search.search({ q: '护照办理', page: 1, pageSize: 10 });
    await until('the batch is dropped', () => lines.some((l) => l.level === 'error'));
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(2);
    expect(lines.find((l) => l.level === 'error')!.obj).toMatchObject({ entries: 1, queries: 2 });
    await sql`ALTER TABLE catalog.search_log_away RENAME TO search_log`.execute(t.db);
    await search.flush();
    expect(await logged('护照办理')).toEqual([]);
    expect(rejections).toEqual([]);
  });
});
