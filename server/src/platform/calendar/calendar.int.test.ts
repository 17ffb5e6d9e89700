import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const deadline = async (from: string, workingDays: number) => {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/calendar/deadline?from=${from}&workingDays=${workingDays}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('GET /api/calendar/deadline', () => {
  it('skips the National Day holiday and counts the adjusted Saturday', async () => {
    // Sep 30 accepted; Oct 1–7 off; Oct 8 (Thu) is the 1st working day, Oct 9 the 2nd, Sat Oct 10 (调休) the 3rd.
    expect(await deadline('2026-09-30', 1)).toMatchObject({ due: '2026-10-08', beyondKnownCalendar: false });
    expect((await deadline('2026-09-30', 3)).due).toBe('2026-10-10');
    expect((await deadline('2026-09-30', 4)).due).toBe('2026-10-12');
  });

  it('does not count the day of acceptance', async () => {
    expect((await deadline('2026-11-02', 1)).due).toBe('2026-11-03');
    expect((await deadline('2026-11-02', 0)).due).toBe('2026-11-02');
  });

  it('says when the count runs past the known official calendar', async () => {
    expect((await deadline('2026-12-25', 20)).beyondKnownCalendar).toBe(true);
  });

  it('names the malformed parameter', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/calendar/deadline?from=2026-02-30&workingDays=-1' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['querystring.from', 'querystring.workingDays']);
  });
});

describe('administrator overrides', () => {
  it('lets a system administrator declare a day off, which moves deadlines; others are refused', async () => {
    const admin = await t.staff(['system_admin']);
    const clerk = await t.staff(['window_clerk']);
    const body = { kind: 'holiday', name: '地方性假日（演示）' };
    expect(
      (await t.app.inject({ method: 'PUT', url: '/api/admin/calendar/overrides/2026-11-03', payload: body }))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: '/api/admin/calendar/overrides/2026-11-03',
          payload: body,
          headers: { authorization: clerk.authorization },
        })
      ).statusCode,
    ).toBe(403);
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/overrides/2026-11-03',
      payload: body,
      headers: { authorization: admin.authorization },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await deadline('2026-11-02', 1)).due).toBe('2026-11-04');
    const day = (await t.app.inject({ method: 'GET', url: '/api/calendar/days/2026-11-03' })).json();
    expect(day).toMatchObject({ working: false, source: 'override' });
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/admin/calendar/overrides/2026-11-03',
      headers: { authorization: admin.authorization },
    });
    expect(del.statusCode).toBe(204);
    expect((await deadline('2026-11-02', 1)).due).toBe('2026-11-03');
  });

  it('makes next year known once its arrangement is entered and declared', async () => {
    const admin = await t.staff(['system_admin']);
    const headers = { authorization: admin.authorization };
    await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/overrides/2027-01-01',
      payload: { kind: 'holiday', name: '元旦' },
      headers,
    });
    expect(await deadline('2026-12-30', 2)).toMatchObject({ due: '2027-01-04', beyondKnownCalendar: true });
    const declared = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/years/2027',
      payload: { note: '国办发明电〔2026〕号（演示）' },
      headers,
    });
    expect(declared.statusCode, declared.body).toBe(200);
    expect(await deadline('2026-12-30', 2)).toMatchObject({ due: '2027-01-04', beyondKnownCalendar: false });
    const years = (await t.app.inject({ method: 'GET', url: '/api/calendar/years' })).json();
    expect(years.statutory).toEqual({ first: 2004, last: 2026 });
    expect(years.declared.map((y: { year: number }) => y.year)).toEqual([2027]);
  });
});

describe('concurrent overrides of one day', () => {
  it('end with one override, the last write, and no request fails', async () => {
    const admin = await t.staff(['system_admin']);
    const names = ['调休上班一', '调休上班二', '调休上班三', '调休上班四', '调休上班五', '调休上班六'];
    const answers = await Promise.all(
      names.map((name) =>
        t.app.inject({
          method: 'PUT',
          url: '/api/admin/calendar/overrides/2026-12-19',
          headers: { authorization: admin.authorization },
          payload: { kind: 'workday', name },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(names.map(() => 200));
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/calendar/overrides?year=2026',
      headers: { authorization: admin.authorization },
    });
    const days = list.json().overrides.filter((o: { date: string }) => o.date === '2026-12-19');
    expect(days).toHaveLength(1);
    expect(names).toContain(days[0].name);
  });
});

describe('loading a published notice (国务院办公厅关于2027年部分节假日安排的通知)', () => {
  const notice = {
    note: '国办发明电〔2026〕号（演示）',
    holidays: ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'].map(
      (date) => ({ date, name: '国庆节' }),
    ),
    workdays: [{ date: '2027-09-26', name: '国庆节（调休上班）' }],
  };

  it('enters the holidays and adjusted working days and declares the year, in one request', async () => {
    const admin = await t.staff(['system_admin']);
    // By the rule alone 1–3 October are off (the year was declared by an earlier test).
    expect((await deadline('2027-09-30', 1)).due).toBe('2027-10-04');
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/years/2027/arrangement',
      headers: { authorization: admin.authorization },
      payload: notice,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ year: 2027, holidays: 7, workdays: 1 });
    expect(await deadline('2027-09-30', 1)).toMatchObject({ due: '2027-10-08', beyondKnownCalendar: false });
    const day = (await t.app.inject({ method: 'GET', url: '/api/calendar/days/2027-09-26' })).json();
    expect(day).toMatchObject({ working: true, name: '国庆节（调休上班）', source: 'override' });
  });

  it('refuses a day of another year, changing nothing, and anyone but a system administrator', async () => {
    const admin = await t.staff(['system_admin']);
    const wrong = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/years/2028/arrangement',
      headers: { authorization: admin.authorization },
      payload: { ...notice, holidays: [{ date: '2028-01-01', name: '元旦' }, ...notice.holidays] },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('CALENDAR.DAY_OUTSIDE_YEAR');
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/days/2028-01-01' })).json().source).toBe('rule');
    const years = (await t.app.inject({ method: 'GET', url: '/api/calendar/years' })).json();
    expect(years.declared.map((y: { year: number }) => y.year)).not.toContain(2028);
    const clerk = await t.staff(['window_clerk']);
    const refused = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/years/2027/arrangement',
      headers: { authorization: clerk.authorization },
      payload: notice,
    });
    expect(refused.statusCode).toBe(403);
  });
});
