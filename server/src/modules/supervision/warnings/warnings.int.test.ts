/**
 * 黄牌/红牌 administration through the API: a system administrator moves an item type's yellow
 * threshold (validated, audited, applied to the open clocks at once: the yellow day moves as
 * hand-computed); readers mark a warning seen once each and the console shows who and when.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../../test/people.js';
import { formlessCountyItem, submitCase } from '../../../test/cases.js';

let t: TestApp;
let resident: Client;
let item: { code: string; regionCode: string };
/** Tuesday 2026-09-22, 10:00 in Beijing. */
let now = new Date('2026-09-22T02:00:00Z');
const on = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS, now: () => now });
  const [p] = await registryPersons(t, 'any', 1);
  ({ c: resident } = await register(t, p!));
  item = await formlessCountyItem(t);
});
afterAll(async () => t?.close());

const as = (authorization: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { authorization }, ...(payload ? { payload } : {}) });

const yellowDay = async (taskId: string) =>
  (
    await sql<{ day: string; itemType: string }>`
      SELECT to_char(yellow_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, item_type AS "itemType"
        FROM supervision.clock WHERE kind = 'task' AND subject_id = ${taskId}`.execute(t.db)
  ).rows[0]!;

describe('warning thresholds and the seen marker', () => {
  let taskId: string;
  let itemType: string;
  let supervisor: string;
  let admin: string;

  it('lets a system administrator move an item type’s yellow threshold, audited, and open clocks follow', async () => {
    const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
    supervisor = (await t.staff(['supervisor'], item.regionCode.slice(0, 4))).authorization;
    admin = (await t.staff(['system_admin'], '52')).authorization;
    const caseId = await submitCase(resident, item.code, 'supervision-thresholds-0001');
    expect((await as(clerk, 'POST', `/api/cases/${caseId}/accept`, {})).statusCode).toBe(204);
    taskId = (await as(clerk, 'GET', `/api/cases/${caseId}`)).json().tasks[0].id;
    await t.app.outbox.drain();
    // Accepted Tue Sep 22, 3 working days: due Mon Sep 28 (Sep 25–27 中秋). Working days left on a date d are
    // those in (d, Sep 28]: Sep 22 → 3, Sep 23 → 2 (24, 28), Sep 24 → 1 (28). Default ≤ 1 day: yellow Thu Sep 24.
    const before = await yellowDay(taskId);
    expect(before.day).toBe('2026-09-24');
    itemType = before.itemType;

    const read = await as(supervisor, 'GET', '/api/admin/supervision/thresholds');
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().editable).toBe(false);
    expect(read.json().thresholds.find((x: { itemType: string }) => x.itemType === itemType)).toMatchObject({
      yellowDays: 1,
      yellowShare: 0.2,
      own: false,
    });
    const setting = { thresholds: [{ itemType, yellowDays: 2, yellowShare: 0.2 }] };
    expect((await as(supervisor, 'PUT', '/api/admin/supervision/thresholds', setting)).statusCode).toBe(403);
    const bad = await as(admin, 'PUT', '/api/admin/supervision/thresholds', {
      thresholds: [{ itemType, yellowDays: 2, yellowShare: 0.8 }],
    });
    expect(bad.statusCode).toBe(400);
    const twice = await as(admin, 'PUT', '/api/admin/supervision/thresholds', {
      thresholds: [setting.thresholds[0], setting.thresholds[0]],
    });
    expect(twice.statusCode).toBe(400);
    expect(
      (
        await as(admin, 'PUT', '/api/admin/supervision/thresholds', {
          thresholds: [{ itemType: 'XX', yellowDays: 1, yellowShare: 0 }],
        })
      ).statusCode,
    ).toBe(400);

    const saved = await as(admin, 'PUT', '/api/admin/supervision/thresholds', setting);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().clocksUpdated).toBeGreaterThanOrEqual(1);
    // ≤ 2 working days left: yellow from Wed Sep 23.
    expect((await yellowDay(taskId)).day).toBe('2026-09-23');
    const mine = (await as(admin, 'GET', '/api/admin/supervision/thresholds')).json();
    expect(mine.editable).toBe(true);
    expect(mine.thresholds.find((x: { itemType: string }) => x.itemType === itemType)).toMatchObject({
      yellowDays: 2,
      own: true,
    });
    const audit = await sql<{ detail: { after: unknown[] } }>`
      SELECT detail FROM platform.audit_log WHERE action = 'supervision.thresholds-changed'`.execute(t.db);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.detail.after).toEqual(setting.thresholds);
  });

  it('records who saw a warning, once per person, and shows them beside the clock', async () => {
    now = on('2026-09-23');
    // The task and the case's promised limit (both under the new threshold) turn yellow.
    const swept = await t.app.supervisionSweep(now);
    expect(swept.red).toBe(0);
    expect(swept.yellow).toBeGreaterThanOrEqual(1);
    const list = async (who: string) =>
      (await as(who, 'GET', `/api/supervision/clocks?state=yellow&region=${item.regionCode}`))
        .json()
        .clocks.find((c: { kind: string }) => c.kind === 'task');
    const clock = await list(supervisor);
    expect(clock.warning).toMatchObject({ level: 'yellow', seen: [], seenByMe: false });
    const id = clock.warning.id;

    const first = await as(supervisor, 'POST', `/api/supervision/warnings/${id}/seen`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ firstTime: true, seenAt: now.toISOString() });
    now = on('2026-09-23', 11);
    expect((await as(supervisor, 'POST', `/api/supervision/warnings/${id}/seen`)).json()).toMatchObject({
      firstTime: false,
      seenAt: on('2026-09-23').toISOString(),
    });
    const head = await t.staff(['department_head'], item.regionCode);
    expect((await as(head.authorization, 'POST', `/api/supervision/warnings/${id}/seen`)).json().firstTime).toBe(true);

    const shown = await list(supervisor);
    expect(shown.warning.seenByMe).toBe(true);
    expect(shown.warning.seen).toHaveLength(2);
    expect(shown.warning.seen.map((s: { at: string }) => s.at)).toEqual([
      on('2026-09-23').toISOString(),
      on('2026-09-23', 11).toISOString(),
    ]);
    expect(shown.warning.seen.every((s: { name: string }) => s.name !== '—' && !/^[0-9a-f-]{36}$/.test(s.name))).toBe(
      true,
    );
    const firstReader = await sql<{
      seenAt: Date;
    }>`SELECT seen_at AS "seenAt" FROM supervision.warning WHERE id = ${id}`.execute(t.db);
    expect(firstReader.rows[0]!.seenAt.toISOString()).toBe(on('2026-09-23').toISOString());

    const elsewhere = (await t.staff(['supervisor'], item.regionCode.startsWith('5201') ? '5226' : '5201'))
      .authorization;
    expect((await as(elsewhere, 'POST', `/api/supervision/warnings/${id}/seen`)).json().code).toBe(
      'SUPERVISION.NO_WARNING',
    );
    const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
    expect((await as(clerk, 'POST', `/api/supervision/warnings/${id}/seen`)).statusCode).toBe(403);
  });
});
