/**
 * notify end to end against the real database, an in-process SMS gateway and SMTP server: what
 * an event tells whom, fallback and receipts, e-mail rendered and escaped, nothing sent twice
 * after a crash mid-send, quiet hours, SMS codes through the gateway, and the inbox API.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { appendEvent } from '../../platform/outbox.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { client, GENEROUS_LIMITS, lastSmsCode, register, registryPersons, type Client } from '../../test/people.js';
import { approveCase, formlessCountyItem, submitCase } from '../../test/cases.js';
import { httpSmsGateway } from './index.js';
import { fakeSmsGateway, smtpSink, type FakeSmsGateway, type SmtpSink } from './notify.test-kit.js';

let t: TestApp;
let gateway: FakeSmsGateway;
let smtp: SmtpSink;
let people: { c: Client; phone: string; personId: string }[];

beforeAll(async () => {
  gateway = await fakeSmsGateway();
  smtp = await smtpSink();
  t = await createTestApp({
    env: {
      ...GENEROUS_LIMITS,
      SMS_GATEWAY_URL: gateway.url,
      SMS_GATEWAY_KEY_ID: gateway.keyId,
      SMS_GATEWAY_SECRET: gateway.secret,
      SMTP_URL: smtp.url,
      NOTIFY_MAX_ATTEMPTS: '2',
    },
  });
  const persons = await registryPersons(t, 'any', 4);
  people = [];
  for (const p of persons) {
    await sql`UPDATE identity.sms_code SET created_at = created_at - interval '2 minutes'`.execute(t.db);
    people.push(await register(t, p));
  }
  await deliver();
}, 120_000);
afterAll(async () => {
  await t?.close();
  await gateway?.close();
  await smtp?.close();
});
afterEach(() => {
  vi.useRealTimers();
  gateway.mode = 'ok';
});

async function deliver() {
  await t.app.outbox.drain();
  await t.app.notify.drain();
}

/** Tells the person their complaint was answered (as the supervision module's trigger does). */
async function complaintAnswered(personId: string, reference = 'TS261203-ABC123') {
  await appendEvent(
    t.db,
    {
      topic: 'supervision.complaint-answered',
      aggregateType: 'supervision.complaint',
      aggregateId: randomUUID(),
      payload: { complaintId: randomUUID(), reference, complainantPersonId: personId },
    },
    null,
  );
}

async function deliveriesTo(recipientId: string) {
  const { rows } = await sql<{ channel: string; state: string; fallback: boolean; receipts: string[] }>`
    SELECT d.channel, d.state, d.fallback_of IS NOT NULL AS fallback,
           coalesce(array_agg(r.status ORDER BY r.id) FILTER (WHERE r.id IS NOT NULL), '{}') AS receipts
      FROM notify.delivery d JOIN notify.notification n ON n.id = d.notification_id
      LEFT JOIN notify.receipt r ON r.delivery_id = d.id
     WHERE n.recipient_id = ${recipientId}
     GROUP BY d.id ORDER BY d.created_at, d.channel DESC`.execute(t.db);
  return rows;
}

/** Lets the frozen clock jump forward (leases, backoff, quiet hours), then sends what is due. */
async function later(ms: number) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(Date.now() + ms));
  await t.app.notify.drain();
}

describe('notify', () => {
  it('sends sign-in and registration codes through the SMS gateway, signed, with the code the person typed', async () => {
    const p = people[0]!;
    const code = await lastSmsCode(t);
    const sms = gateway.received.filter((m) => m.phone === people.at(-1)!.phone);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.sign).toBe('通办');
    expect(sms[0]!.text).toBe(`您的验证码为 ${code}，5 分钟内有效。请勿告诉他人。`);
    expect(p.personId).toBeTruthy();
  });

  // The inbox copy is planned beside the SMS (not as its fallback): when the SMS is refused the
  // person still finds the message in the inbox, both receipts recorded, and no second copy is written.
  it('falls back from a refused SMS to the in-app inbox, with both receipts recorded', async () => {
    const p = people[1]!;
    gateway.mode = 'refuse';
    await complaintAnswered(p.personId);
    await deliver();
    expect(await deliveriesTo(p.personId)).toEqual([
      { channel: 'sms', state: 'failed', fallback: false, receipts: ['failed'] },
      { channel: 'inbox', state: 'delivered', fallback: false, receipts: ['delivered'] },
    ]);
    const inbox = await p.c.call('GET', '/api/me/inbox');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json()).toMatchObject({
      total: 1,
      unread: 1,
      messages: [
        { title: '您的投诉已答复', body: '您的投诉（TS261203-ABC123）已有答复，请登录查看并评价。', read: false },
      ],
    });
    const read = await p.c.call('POST', '/api/me/inbox/read', { ids: [inbox.json().messages[0].id] });
    expect(read.json()).toEqual({ unread: 0 });
    expect((await deliveriesTo(p.personId))[1]).toMatchObject({ state: 'read', receipts: ['delivered', 'read'] });
  });

  it('retries an SMS while the gateway is down, then sends it once', async () => {
    const p = people[2]!;
    gateway.mode = 'down';
    await complaintAnswered(p.personId, 'TS261203-RETRY1');
    await deliver();
    expect(await deliveriesTo(p.personId)).toEqual([
      { channel: 'sms', state: 'pending', fallback: false, receipts: [] },
      { channel: 'inbox', state: 'delivered', fallback: false, receipts: ['delivered'] },
    ]);
    gateway.mode = 'ok';
    await later(31_000);
    expect(await deliveriesTo(p.personId)).toEqual([
      { channel: 'sms', state: 'sent', fallback: false, receipts: ['sent'] },
      { channel: 'inbox', state: 'delivered', fallback: false, receipts: ['delivered'] },
    ]);
    expect(gateway.received.filter((m) => m.text.includes('TS261203-RETRY1'))).toHaveLength(1);
    // The SMS went out, and 我的消息 keeps the message too.
    const inbox = (await p.c.call('GET', '/api/me/inbox')).json();
    expect(inbox.messages.filter((m: { body: string }) => m.body.includes('TS261203-RETRY1'))).toHaveLength(1);
  });

  it('falls back from a refused SMS to the next push channel, keeping one inbox copy', async () => {
    const p = people[1]!;
    const prefs = await p.c.call('PUT', '/api/me/notification-preferences', {
      channels: ['sms', 'email', 'inbox'],
      email: 'fallback@example.com',
      wechatOpenId: null,
      quietHours: null,
    });
    expect(prefs.statusCode, prefs.body).toBe(200);
    gateway.mode = 'refuse';
    await complaintAnswered(p.personId, 'TS261203-FALLB1');
    await deliver();
    const mine = (await deliveriesTo(p.personId)).slice(-3);
    expect(mine).toEqual([
      { channel: 'sms', state: 'failed', fallback: false, receipts: ['failed'] },
      { channel: 'inbox', state: 'delivered', fallback: false, receipts: ['delivered'] },
      { channel: 'email', state: 'sent', fallback: true, receipts: ['sent'] },
    ]);
    expect(smtp.mails.some((m) => JSON.stringify(m.to).includes('fallback@example.com'))).toBe(true);
    const inbox = (await p.c.call('GET', '/api/me/inbox?pageSize=50')).json();
    expect(inbox.messages.filter((m: { body: string }) => m.body.includes('TS261203-FALLB1'))).toHaveLength(1);
    await p.c.call('PUT', '/api/me/notification-preferences', {
      channels: ['sms', 'inbox'],
      email: null,
      wechatOpenId: null,
      quietHours: null,
    });
  });

  it('sends nothing twice when a node dies mid-send: the next node reuses the idempotency key', async () => {
    const p = people[3]!;
    await complaintAnswered(p.personId, 'TS261203-CRASH1');
    await t.app.outbox.drain();
    // A node claims the delivery, hands the message to the gateway, and dies before recording it.
    const claimed = (await t.app.notify.claim(10)).find((d) => d.channel === 'sms');
    expect(claimed).toBeDefined();
    const dying = httpSmsGateway({ url: gateway.url, keyId: gateway.keyId, secret: gateway.secret, signName: '通办' });
    await dying.send({
      to: p.phone,
      title: '',
      text: 'TS261203-CRASH1',
      idempotencyKey: claimed!.idempotencyKey,
      kind: 'x',
    });
    const requestsBefore = gateway.requests;
    await t.app.notify.drain();
    expect(gateway.requests).toBe(requestsBefore); // the lease still holds: nobody else sends it
    await later(61_000);
    expect(gateway.requests).toBe(requestsBefore + 1); // sent again after the lease ran out …
    expect(gateway.received.filter((m) => m.phone === p.phone && m.requestId === claimed!.idempotencyKey)).toHaveLength(
      1,
    );
    expect(await deliveriesTo(p.personId)).toEqual([
      { channel: 'sms', state: 'sent', fallback: false, receipts: ['sent'] },
      { channel: 'inbox', state: 'delivered', fallback: false, receipts: ['delivered'] },
    ]);
  });

  it('e-mails the rendered template to the SMTP server with the variables escaped', async () => {
    const p = people[3]!;
    const prefs = await p.c.call('PUT', '/api/me/notification-preferences', {
      channels: ['email', 'inbox'],
      email: 'resident@example.com',
      wechatOpenId: null,
      quietHours: null,
    });
    expect(prefs.statusCode, prefs.body).toBe(200);
    const admin = await t.staff(['system_admin']);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/notify/templates/complaint-answered/email/zh-CN',
      headers: { authorization: admin.authorization },
      payload: { title: '投诉 {{reference}} 已答复', body: '您好：\n您的投诉 {{reference}} 已答复。' },
    });
    expect(put.statusCode, put.body).toBe(204);
    await complaintAnswered(p.personId, '<b>TS</b>\r\nBcc: spy@example.com');
    await deliver();
    expect((await deliveriesTo(p.personId)).filter((d) => d.channel === 'email')).toEqual([
      { channel: 'email', state: 'sent', fallback: false, receipts: ['sent'] },
    ]);
    const mail = smtp.mails.find((m) => m.to && JSON.stringify(m.to).includes('resident@example.com'));
    expect(mail?.subject).toBe('投诉 <b>TS</b> Bcc: spy@example.com 已答复');
    expect(mail?.headers.has('bcc')).toBe(false);
    expect(mail?.text?.trim()).toBe('您好：\n您的投诉 <b>TS</b> Bcc: spy@example.com 已答复。');
    expect(mail?.html).toContain('您的投诉 &lt;b&gt;TS&lt;/b&gt; Bcc: spy@example.com 已答复。');
    expect(mail?.html).not.toContain('<b>TS');
  });

  it('holds a non-urgent message through quiet hours and sends it when they end', async () => {
    const p = people[0]!;
    const minute = (Math.floor(Date.now() / 60_000) + 480) % 1440;
    const hhmm = (m: number) =>
      `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const quiet = { from: hhmm(minute), to: hhmm((minute + 30) % 1440) };
    await p.c.call('PUT', '/api/me/notification-preferences', {
      channels: ['sms'],
      email: null,
      wechatOpenId: null,
      quietHours: quiet,
    });
    await complaintAnswered(p.personId, 'TS261203-QUIET1');
    await deliver();
    expect(gateway.received.some((m) => m.text.includes('TS261203-QUIET1'))).toBe(false);
    // The inbox copy wakes nobody: it is there at once.
    const inbox = (await p.c.call('GET', '/api/me/inbox')).json();
    expect(inbox.messages.some((m: { body: string }) => m.body.includes('TS261203-QUIET1'))).toBe(true);
    await later(31 * 60_000);
    expect(gateway.received.some((m) => m.text.includes('TS261203-QUIET1'))).toBe(true);
  });

  // NOTIFY_RATE_PER_HOUR (20): messages sent in the last hour count, and so do the ones sent
  // beside them in the same batch; the rest wait for the hour, not for an attempt.
  it('sends at most the hourly limit of SMS to one person, the rest after the hour, every one in the inbox at once', async () => {
    const p = people[1]!;
    await p.c.call('PUT', '/api/me/notification-preferences', {
      channels: ['sms'],
      email: null,
      wechatOpenId: null,
      quietHours: null,
    });
    const sentLastHour = async () => {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM notify.delivery d JOIN notify.notification n ON n.id = d.notification_id
         WHERE n.recipient_id = ${p.personId} AND d.channel = 'sms' AND d.state IN ('sent', 'delivered', 'read')
           AND d.updated_at > ${new Date(Date.now() - 3_600_000)}`.execute(t.db);
      return rows[0]!.n;
    };
    const before = await sentLastHour();
    const many = 20 - before + 2;
    const refs = Array.from({ length: many }, (_, i) => `TS261204-RATE${String(i).padStart(2, '0')}`);
    for (const ref of refs) await complaintAnswered(p.personId, ref);
    await deliver();
    const texts = () => gateway.received.filter((m) => refs.some((r) => m.text.includes(r)));
    expect(texts()).toHaveLength(many - 2);
    expect(await sentLastHour()).toBe(20);
    const { rows: waiting } = await sql<{ next: Date }>`
      SELECT d.next_attempt_at AS next FROM notify.delivery d JOIN notify.notification n ON n.id = d.notification_id
       WHERE n.recipient_id = ${p.personId} AND d.channel = 'sms' AND d.state = 'pending'`.execute(t.db);
    expect(waiting).toHaveLength(2);
    for (const w of waiting) expect(new Date(w.next).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    const inbox = (await p.c.call('GET', '/api/me/inbox?pageSize=50')).json();
    expect(inbox.messages.filter((m: { body: string }) => refs.some((r) => m.body.includes(r)))).toHaveLength(many);
    await later(61 * 60_000);
    expect(texts()).toHaveLength(many);
  });

  it('tells news only: an event older than NOTIFY_MAX_AGE_HOURS when it arrives tells nobody', async () => {
    const p = people[3]!;
    await complaintAnswered(p.personId, 'TS261203-STALE1');
    // A backlog (a long outage, a restored database, a seeded history): the event happened three days ago.
    await sql`UPDATE platform.outbox SET occurred_at = now() - interval '3 days'
               WHERE topic = 'supervision.complaint-answered' AND payload->>'reference' = 'TS261203-STALE1'`.execute(
      t.db,
    );
    await complaintAnswered(p.personId, 'TS261203-FRESH1');
    await deliver();
    const bodies = ((await p.c.call('GET', '/api/me/inbox?pageSize=50')).json().messages as { body: string }[]).map(
      (m) => m.body,
    );
    expect(bodies.some((b) => b.includes('TS261203-FRESH1'))).toBe(true);
    expect(bodies.some((b) => b.includes('TS261203-STALE1'))).toBe(false);
    expect(gateway.received.some((m) => m.text.includes('TS261203-STALE1'))).toBe(false);
  });

  it('tells the staff named in a supervision warning in their inbox, urgently', async () => {
    const head = await t.staff(['department_head']);
    await appendEvent(
      t.db,
      {
        topic: 'supervision.warning-raised',
        aggregateType: 'supervision.clock',
        aggregateId: randomUUID(),
        payload: {
          level: 'red',
          regionCode: '52',
          departmentId: null,
          recipients: { staffIds: [head.id] },
          warnings: [
            {
              warningId: randomUUID(),
              clockKind: 'task',
              reference: 'T2026',
              title: '食品经营许可 T2026',
              caseId: null,
              staffId: null,
              dueOn: '2026-12-01',
            },
          ],
        },
      },
      null,
    );
    await deliver();
    const inbox = await t.app.inject({
      method: 'GET',
      url: '/api/me/inbox',
      headers: { authorization: head.authorization },
    });
    expect(inbox.json()).toMatchObject({ unread: 1, messages: [{ title: '红牌警告', kind: 'warning-red' }] });
  });

  it('escalates a red warning to the supervisors of the region above, not to those of other regions', async () => {
    const above = await t.staff(['supervisor'], '5201');
    const elsewhere = await t.staff(['supervisor'], '5226');
    const notSupervisor = await t.staff(['window_clerk'], '5201');
    const red = (level: 'red' | 'yellow') =>
      appendEvent(
        t.db,
        {
          topic: 'supervision.warning-raised',
          aggregateType: 'supervision.department',
          aggregateId: randomUUID(),
          payload: {
            level,
            regionCode: '520102',
            departmentId: null,
            recipients: { roles: ['department_head'], supervisingRegion: level === 'red' ? '5201' : null },
            warnings: [
              {
                warningId: randomUUID(),
                clockKind: 'case_promised',
                reference: 'T2026-RED',
                title: '食品经营许可 T2026-RED',
                caseId: null,
                staffId: null,
                dueOn: '2026-12-01',
              },
            ],
          },
        },
        null,
      );
    await red('yellow');
    await red('red');
    await deliver();
    const inbox = async (s: { authorization: string }) =>
      (await t.app.inject({ method: 'GET', url: '/api/me/inbox', headers: { authorization: s.authorization } })).json();
    expect(await inbox(above)).toMatchObject({ unread: 1, messages: [{ title: '红牌警告', kind: 'warning-red' }] });
    expect((await inbox(elsewhere)).unread).toBe(0);
    expect((await inbox(notSupervisor)).unread).toBe(0);
  });

  it('tells the window of a new application, then the applicant of acceptance, the decision and the rating invitation', async () => {
    const p = people[2]!;
    await p.c.call('PUT', '/api/me/notification-preferences', {
      channels: ['inbox'],
      email: null,
      wechatOpenId: null,
      quietHours: null,
    });
    const item = await formlessCountyItem(t);
    const caseId = await submitCase(p.c, item.code, randomUUID());
    const { rows } = await sql<{
      departmentId: string;
    }>`SELECT department_id FROM cases.case WHERE id = ${caseId}`.execute(t.db);
    const clerk = await t.staff(['window_clerk'], item.regionCode, [rows[0]!.departmentId]);
    await deliver();
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/me/inbox',
      headers: { authorization: clerk.authorization },
    });
    expect(queue.json().messages.map((m: { kind: string; link: string }) => [m.kind, m.link])).toEqual([
      ['queue-item', `/workbench/cases/${caseId}`],
    ]);
    const approver = await t.staff(['approver'], item.regionCode);
    await approveCase(t, caseId, clerk.authorization, approver.authorization);
    await deliver();
    const inbox = (await p.c.call('GET', '/api/me/inbox?pageSize=10')).json();
    const kinds = inbox.messages
      .filter((m: { link: string }) => m.link === `/me/cases/${caseId}`)
      .map((m: { kind: string }) => m.kind)
      .sort();
    expect(kinds).toEqual(['case-accepted', 'case-decided', 'rating-invitation']);
    const decided = inbox.messages.find((m: { kind: string }) => m.kind === 'case-decided');
    expect(decided.body).toMatch(/已作出决定：(准予|不予)，文号 .+〔\d{4}〕\d{6}号。$/);
  });

  it('tells each applicant of their own case when several cases come in one delivery', async () => {
    const item = await formlessCountyItem(t);
    const applicants = [people[2]!, people[3]!];
    const cases = [];
    for (const p of applicants) cases.push(await submitCase(p.c, item.code, randomUUID()));
    const { rows } = await sql<{ id: string; departmentId: string; trackingCode: string }>`
      SELECT id, department_id, tracking_code FROM cases.case WHERE id = ANY(${cases}::uuid[])`.execute(t.db);
    const clerk = await t.staff(['window_clerk'], item.regionCode, [rows[0]!.departmentId]);
    const approver = await t.staff(['approver'], item.regionCode);
    // The first case is decided, the second only filed, before anything is delivered.
    await approveCase(t, cases[0]!, clerk.authorization, approver.authorization);
    await deliver();
    const told = async (p: Client, caseId: string) =>
      (await p.call('GET', '/api/me/inbox?pageSize=20'))
        .json()
        .messages.flatMap((m: { kind: string; link: string; body: string }) =>
          m.link === `/me/cases/${caseId}` ? [m] : [],
        ) as { kind: string; body: string }[];
    const first = await told(applicants[0]!.c, cases[0]!);
    expect(first.map((m) => m.kind).sort()).toEqual(['case-accepted', 'case-decided', 'rating-invitation']);
    const code = (id: string) => rows.find((r) => r.id === id)!.trackingCode;
    expect(first.find((m) => m.kind === 'case-accepted')!.body).toContain(code(cases[0]!));
    expect(await told(applicants[1]!.c, cases[1]!)).toEqual([]);
    expect(await told(applicants[0]!.c, cases[1]!)).toEqual([]);
    // The window hears of the case still waiting for it, not of the one decided.
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/me/inbox',
      headers: { authorization: clerk.authorization },
    });
    const links = queue.json().messages.map((m: { kind: string; link: string }) => [m.kind, m.link]);
    expect(links).toContainEqual(['queue-item', `/workbench/cases/${cases[1]}`]);
    expect(links).not.toContainEqual(['queue-item', `/workbench/cases/${cases[0]}`]);
  });

  it('refuses strangers, bad input and unknown template variables', async () => {
    expect((await client(t).call('GET', '/api/me/inbox')).statusCode).toBe(401);
    expect((await people[1]!.c.call('GET', '/api/me/inbox?pageSize=1000')).statusCode).toBe(400);
    const bad = await people[1]!.c.call('PUT', '/api/me/notification-preferences', {
      channels: ['email'],
      email: null,
      wechatOpenId: null,
      quietHours: null,
    });
    expect(bad.json().code).toBe('NOTIFY.ADDRESS_REQUIRED');
    const clerk = await t.staff(['window_clerk']);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/notify/templates',
      headers: { authorization: clerk.authorization },
    });
    expect(list.statusCode).toBe(403);
    const admin = await t.staff(['system_admin']);
    const unknown = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/notify/templates/case-accepted/sms/zh-CN',
      headers: { authorization: admin.authorization },
      payload: { title: 't', body: '{{idNumber}}' },
    });
    expect(unknown.json()).toMatchObject({
      code: 'NOTIFY.UNKNOWN_VARIABLE',
      errors: [{ field: 'body.body', code: 'NOTIFY.UNKNOWN_VARIABLE' }],
    });
  });

  it('lets a person switch a kind of message off, and nobody switch off an urgent one', async () => {
    const p = people[1]!;
    const off = await p.c.call('PUT', '/api/me/notification-preferences', {
      channels: ['inbox'],
      email: null,
      wechatOpenId: null,
      quietHours: null,
      kinds: { 'complaint-answered': [], 'fee-due': ['inbox'] },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().kinds).toEqual({ 'complaint-answered': [], 'fee-due': ['inbox'] });
    expect(off.json().available).toContainEqual({
      kind: 'complaint-answered',
      name: { zh: '投诉已答复', en: 'Complaint answered' },
      urgent: false,
    });
    expect(off.json().available.map((k: { kind: string }) => k.kind)).not.toContain('warning-red');
    const before = (await p.c.call('GET', '/api/me/inbox')).json().total;
    await complaintAnswered(p.personId, 'TS261203-MUTED1');
    await deliver();
    expect((await p.c.call('GET', '/api/me/inbox')).json().total).toBe(before);

    const head = await t.staff(['department_head']);
    const urgent = await t.app.inject({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      headers: { authorization: head.authorization },
      payload: { channels: ['inbox'], email: null, wechatOpenId: null, quietHours: null, kinds: { 'warning-red': [] } },
    });
    expect(urgent.statusCode).toBe(422);
    expect(urgent.json()).toMatchObject({
      code: 'NOTIFY.URGENT_REQUIRED',
      errors: [{ field: 'body.kinds.warning-red', code: 'NOTIFY.URGENT_REQUIRED' }],
    });
    const stranger = await p.c.call('PUT', '/api/me/notification-preferences', {
      channels: ['inbox'],
      email: null,
      wechatOpenId: null,
      quietHours: null,
      kinds: { 'warning-red': ['inbox'] },
    });
    expect(stranger.json()).toMatchObject({ code: 'NOTIFY.NO_SUCH_KIND' });
  });
});
