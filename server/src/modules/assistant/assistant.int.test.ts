/**
 * 智能客服 through the API against the test catalogue: answers cited from the guide, follow-ups,
 * choices, the region asked back, declined questions, the person's own cases, conversations that
 * belong to whoever started them, the learning list and its mappings, the optional language model
 * (an in-process fake endpoint), problem+json errors, the rate limit and /openapi.json.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskAnswer } from '../../../../contracts/assistant.js';
import { guideOf, publishVersion } from '../../test/catalog.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../test/people.js';
import { CatalogSearch, getPublishedItem } from '../catalog/index.js';
import { ANONYMOUS } from '../../platform/context.js';
import { AssistantCatalog, ask, openAiCompatible, ungroundedFacts, type AssistantDeps } from './index.js';

const LIMIT = 60;
let t: TestApp;
let resident: { c: Client; personId: string };
let asked = 0;

beforeAll(async () => {
  t = await createTestApp({ env: { ...GENEROUS_LIMITS, RATE_LIMIT_ASSISTANT: String(LIMIT) } });
  const [person] = await registryPersons(t, 'any', 1, '520102');
  resident = await register(t, person!);
});
afterAll(async () => t.close());

async function askAnon(question: string, conversationId?: string) {
  asked++;
  return t.app.inject({
    method: 'POST',
    url: '/api/assistant/ask',
    payload: { question, ...(conversationId ? { conversationId } : {}) },
  });
}
const answer = async (question: string, conversationId?: string): Promise<AskAnswer> => {
  const res = await askAnon(question, conversationId);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('asking', () => {
  it('answers materials from the guide, then a follow-up about the same item', async () => {
    const first = await answer('开饭店要带什么材料？');
    expect(first.item?.name).toBe('食品经营许可（新办）');
    expect(first.aspect).toBe('materials');
    expect(first.sources).toEqual([{ itemCode: first.item!.code, section: 'materials' }]);
    const guide = await getPublishedItem(t.db, first.item!.code);
    expect(first.lines.length).toBe(guide.materials.length);
    expect(first.lines[0]).toContain(guide.materials[0]!.name);
    expect(first.actions[0]).toEqual({ kind: 'guide', href: `/items/${guide.code}` });

    const fee = await answer('那要多少钱？', first.conversationId);
    expect(fee.conversationId).toBe(first.conversationId);
    expect(fee.item).toEqual(first.item);
    expect(fee.aspect).toBe('fees');
    expect(fee.answer).toBe(guide.fees.length ? `办理「${guide.name}」的收费项目：` : `办理「${guide.name}」不收费。`);
  });

  it('asks which item when two fit, and answers the one chosen', async () => {
    const asking = await answer('开宾馆要什么材料');
    expect(asking.choices?.map((c) => c.name).sort()).toEqual(['公共场所卫生许可', '旅馆业特种行业许可']);
    expect(asking.sources).toEqual([]);
    const chosen = await answer('第二个', asking.conversationId);
    expect(chosen.item?.name).toBe(asking.choices![1]!.name);
    expect(chosen.aspect).toBe('materials');
  });

  it('asks for the region where the place differs, and answers for the region given', async () => {
    const asking = await answer('孩子上户口在哪办？');
    expect(asking.asksRegion).toBe(true);
    expect(asking.sources).toEqual([]);
    const there = await answer('云岩区', asking.conversationId);
    expect(there.region).toEqual({ code: '520103', name: '云岩区' });
    expect(there.aspect).toBe('placeTime');
    const guide = await getPublishedItem(t.db, there.item!.code);
    expect(guide.region.code).toBe('520103');
    expect(there.lines).toContain(`办理地点：${guide.venue}`);
  });

  it('says when nothing published answers, with the hotline and complaints, and lists the question', async () => {
    const declined = await answer('火星移民要带什么材料？');
    expect(declined.declined).toBe(true);
    expect(declined.item).toBeUndefined();
    expect(declined.actions.map((a) => a.kind)).toEqual(['hotline', 'complaint']);
    expect(await adminList()).toEqual(
      expect.arrayContaining([expect.objectContaining({ question: '火星移民要带什么材料？', reason: 'declined' })]),
    );
  });

  it('answers a signed-in person about their own cases only, and asks anyone else to sign in', async () => {
    const res = await resident.c.call('POST', '/api/assistant/ask', { question: '我的申请到哪一步了？' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().answer).toBe('您还没有提交过申请。');
    expect(res.json().actions).toEqual([{ kind: 'myCases', href: '/me/cases' }]);
    expect((await answer('我的申请到哪一步了？')).answer).toContain('请先登录');
  });

  it("refuses to continue another person's conversation", async () => {
    const res = await resident.c.call('POST', '/api/assistant/ask', { question: '开饭店要带什么材料？' });
    const theirs = res.json().conversationId as string;
    const other = await askAnon('那要多少钱？', theirs);
    expect(other.statusCode).toBe(404);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.json().code).toBe('ASSISTANT.CONVERSATION_NOT_FOUND');
  });

  it('answers from a new version of the guide the moment the portal publishes it', async () => {
    const first = await answer('开饭店要带什么材料？');
    const item = await getPublishedItem(t.db, first.item!.code);
    const asked = await answer('要多久？', first.conversationId);
    expect(asked.answer).toContain(`承诺${item.promisedLimitDays}个工作日内办结`);
    const days = item.promisedLimitDays === 5 ? 4 : 5;
    const code = item.code;
    await publishVersion(
      t,
      code,
      { ...guideOf(item), promisedLimitDays: days },
      {
        admin: await admin(),
        reviewer: await t.staff(['catalog_reviewer'], '52'),
      },
    );
    const again = await answer('开饭店要多久？');
    expect(again.item?.code).toBe(code);
    expect(again.answer).toContain(`承诺${days}个工作日内办结`);
  });

  it('answers bad input with problem+json', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/assistant/ask', payload: { question: '   ' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    asked++;
  });
});

let catalogAdmin: { authorization: string } | undefined;
const admin = async () => (catalogAdmin ??= await t.staff(['catalog_admin'], '52'));
async function adminList(): Promise<{ id: string; question: string }[]> {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/admin/assistant/questions',
    headers: { authorization: (await admin()).authorization },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().questions;
}

describe('learning loop', () => {
  it('lists a thumbs-down with the item it was about', async () => {
    const first = await answer('开饭店要带什么材料？');
    const feedback = await t.app.inject({
      method: 'POST',
      url: '/api/assistant/feedback',
      payload: { conversationId: first.conversationId, answerId: first.answerId, helpful: false },
    });
    expect(feedback.statusCode, feedback.body).toBe(204);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/assistant/feedback',
      payload: { conversationId: first.conversationId, answerId: crypto.randomUUID(), helpful: false },
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().code).toBe('ASSISTANT.ANSWER_NOT_FOUND');
    const list = await adminList();
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          question: '开饭店要带什么材料？',
          reason: 'unhelpful',
          item: first.item,
          count: 1,
        }),
      ]),
    );
  });

  it('maps a declined question to an item, which answers it from then on', async () => {
    const before = await answer('开个烧烤摊要带什么材料');
    expect(before.declined).toBe(true);
    const row = (await adminList()).find((q) => q.question === '开个烧烤摊要带什么材料');
    expect(row).toBeDefined();
    const food = await answer('食品经营许可（新办）要多久');
    const mapped = await t.app.inject({
      method: 'POST',
      url: `/api/admin/assistant/questions/${row!.id}/mapping`,
      headers: { authorization: (await admin()).authorization },
      payload: { itemCode: food.item!.code },
    });
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.json()).toMatchObject({ status: 'mapped', mappedItem: { name: '食品经营许可（新办）' } });
    const again = await answer('开个烧烤摊要多少钱？');
    expect(again.item?.name).toBe('食品经营许可（新办）');
    expect(again.aspect).toBe('fees');
  });

  it('maps a question to a synonym: search expands it from then on, audited as a synonym set in the console', async () => {
    const term = '开个夜宵摊';
    const before = await answer(`${term}要带什么材料`);
    expect(before.declined).toBe(true);
    const row = (await adminList()).find((q) => q.question === `${term}要带什么材料`);
    expect(row).toBeDefined();
    const path = `/api/admin/assistant/questions/${row!.id}/mapping`;
    const county = await t.staff(['catalog_admin'], '520102');
    const refused = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { authorization: county.authorization },
      payload: { synonym: { term, expansions: ['食品经营许可'] } },
    });
    expect(refused.statusCode).toBe(403);
    const mapped = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { authorization: (await admin()).authorization },
      payload: { synonym: { term, expansions: ['食品经营许可'] } },
    });
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.json()).toMatchObject({ status: 'mapped', mappedSynonym: term });
    const found = await t.app.inject({ method: 'GET', url: `/api/catalog/search?q=${encodeURIComponent(term)}` });
    expect(found.json().items.map((i: { name: string }) => i.name)).toContain('食品经营许可（新办）');
    const { rows } = await sql<{ detail: { before: unknown; after: string[] } }>`
      SELECT detail FROM platform.audit_log WHERE action = 'catalog.synonym-set' AND target_id = ${term}`.execute(t.db);
    expect(rows.map((r) => r.detail)).toEqual([{ before: null, after: ['食品经营许可'] }]);
    // Every mapping is audited, without the question's words (a resident may have typed anything).
    const { rows: mappings } = await sql<{ action: string; detail: Record<string, string> }>`
      SELECT action, detail FROM platform.audit_log
      WHERE target_type = 'assistant.question' ORDER BY seq`.execute(t.db);
    expect(mappings).toEqual(
      expect.arrayContaining([
        { action: 'assistant.question-mapped', detail: { synonym: term } },
        { action: 'assistant.question-mapped', detail: expect.objectContaining({ itemCode: expect.any(String) }) },
      ]),
    );
    expect(JSON.stringify(mappings)).not.toContain('烧烤摊');
  });

  it('dismisses a question, audited, and lists it no more', async () => {
    await answer('月球上能办营业执照吗');
    const row = (await adminList()).find((q) => q.question === '月球上能办营业执照吗');
    expect(row).toBeDefined();
    const dismissed = await t.app.inject({
      method: 'POST',
      url: `/api/admin/assistant/questions/${row!.id}/mapping`,
      headers: { authorization: (await admin()).authorization },
      payload: { dismiss: true },
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(dismissed.json()).toMatchObject({ status: 'dismissed' });
    expect((await adminList()).map((q) => q.id)).not.toContain(row!.id);
    const { rows } = await sql<{ action: string }>`
      SELECT action FROM platform.audit_log WHERE target_type = 'assistant.question' AND target_id = ${row!.id}`.execute(
      t.db,
    );
    expect(rows).toEqual([{ action: 'assistant.question-dismissed' }]);
  });

  it('refuses the list to a person and to staff who are not catalogue administrators', async () => {
    const clerk = await t.staff(['window_clerk'], '520102');
    const staff = await t.app.inject({
      method: 'GET',
      url: '/api/admin/assistant/questions',
      headers: { authorization: clerk.authorization },
    });
    expect(staff.statusCode).toBe(403);
    expect((await resident.c.call('GET', '/api/admin/assistant/questions')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/assistant/questions' })).statusCode).toBe(401);
  });
});

describe('language model', () => {
  let server: http.Server;
  let reply = '';
  let url = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: reply } }] }));
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => new Promise<void>((done) => server.close(() => done())));

  const deps = (): AssistantDeps => ({
    db: t.db,
    search: new CatalogSearch(t.db, {}),
    now: () => new Date(),
    log: { info() {}, warn() {}, error() {}, debug() {} },
    catalog: new AssistantCatalog(t.db),
    languageModel: openAiCompatible({ url, model: 'fake', timeoutMs: 2_000 }),
    conversationMinutes: 30,
    auditKey: Buffer.alloc(32),
  });

  it('uses a rephrasing that states only what the cited guide says, with the sources shown', async () => {
    const d = deps();
    const plain = await ask({ ...d, languageModel: undefined }, ANONYMOUS, { question: '换身份证要多久能拿到' });
    const guide = await getPublishedItem(t.db, plain.item!.code);
    reply = `换身份证一般${guide.promisedLimitDays}个工作日能办好。`;
    const said = await ask(d, ANONYMOUS, { question: '换身份证要多久能拿到' });
    expect(said.rephrased).toBe(true);
    expect(said.answer).toBe(reply);
    expect(said.sources).toEqual([{ itemCode: guide.code, section: 'timeLimit' }]);
    expect(ungroundedFacts(said.answer, guide)).toEqual([]);
  });

  it('drops a rephrasing that states a fact absent from the guide, keeping the composed answer', async () => {
    reply = '换身份证收费998元，3个小时就能办好。';
    const said = await ask(deps(), ANONYMOUS, { question: '换身份证要多久能拿到' });
    expect(said.rephrased).toBeUndefined();
    expect(said.answer).not.toBe(reply);
    expect(said.answer).toMatch(/^「居民身份证换领」法定办结时限/);
  });
});

describe('the API', () => {
  it('is in /openapi.json', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(spec.paths['/api/assistant/ask'].post).toBeDefined();
    expect(spec.paths['/api/admin/assistant/questions/{id}/mapping'].post).toBeDefined();
  });

  it('limits questions per client address', async () => {
    while (asked <= LIMIT) await askAnon('开饭店要带什么材料？');
    const over = await askAnon('开饭店要带什么材料？');
    expect(over.statusCode).toBe(429);
    expect(over.json().code).toBe('HTTP.TOO_MANY_REQUESTS');
  });
});
