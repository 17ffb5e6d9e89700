/** 好差评 through the API: one rating per case, a bad review's rectification, appeals, published results. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../test/people.js';
import { approveCase, formlessCountyItem, submitCase } from '../../test/cases.js';

let t: TestApp;
let applicant: Client;
let other: Client;
let item: { code: string; regionCode: string };
let clerk: string;
let head: string;

const submitted = (key: string) => submitCase(applicant, item.code, key);

async function decided(key: string): Promise<string> {
  const caseId = await submitted(key);
  await approveCase(t, caseId, clerk, head);
  return caseId;
}

beforeAll(async () => {
  t = await createTestApp({ env: { ...GENEROUS_LIMITS, EVALUATION_RECTIFY_DAYS: '15' } });
  const [p, q] = await registryPersons(t, 'any', 2);
  ({ c: applicant } = await register(t, p!));
  ({ c: other } = await register(t, q!));
  item = await formlessCountyItem(t);
  clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
  head = (await t.staff(['department_head'], item.regionCode)).authorization;
});
afterAll(async () => t?.close());

describe('一事一评', () => {
  it('takes one rating from the applicant of a decided case, none before and none from anyone else', async () => {
    const open = await submitted('eval-open-0001');
    const early = await applicant.call('POST', `/api/cases/${open}/rating`, { level: 5 });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('EVALUATION.NOT_FINISHED');

    const caseId = await decided('eval-good-0001');
    expect((await other.call('POST', `/api/cases/${caseId}/rating`, { level: 1 })).statusCode).toBe(404);
    expect((await applicant.call('POST', `/api/cases/${caseId}/rating`, { level: 6 })).statusCode).toBe(400);
    const rated = await applicant.call('POST', `/api/cases/${caseId}/rating`, {
      level: 5,
      comment: '网上办理很方便',
      channel: 'mobile',
    });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json().rectificationId).toBeNull();
    const again = await applicant.call('POST', `/api/cases/${caseId}/rating`, { level: 1 });
    expect(again.json().code).toBe('EVALUATION.ALREADY_RATED');
    expect((await applicant.call('GET', `/api/cases/${caseId}/rating`)).json().rating).toMatchObject({
      level: 5,
      levelName: '非常满意',
      channel: 'mobile',
    });
    // The staff who handled it are recorded with the rating (谁办理、谁负责).
    const handlers = await sql<{
      n: number;
    }>`SELECT cardinality(handler_ids) AS n FROM evaluation.rating WHERE case_id = ${caseId}`.execute(t.db);
    expect(handlers.rows[0]!.n).toBeGreaterThanOrEqual(2);
  });
});

describe('差评整改', () => {
  it('opens a rectification with working-day deadlines, needs the return visit first, and lets the rater rate the fix', async () => {
    const caseId = await decided('eval-bad-0001');
    const rated = await applicant.call('POST', `/api/cases/${caseId}/rating`, {
      level: 2,
      comment: '窗口让我跑了两次',
    });
    const rectificationId = rated.json().rectificationId;
    expect(rectificationId).toBeTruthy();
    const rating = (await applicant.call('GET', `/api/cases/${caseId}/rating`)).json().rating;
    expect(rating.rectification).toMatchObject({ status: 'open' });
    expect(rating.rectification.rectifyDue > rating.rectification.callBackDue).toBe(true);

    const queue = (
      await t.app.inject({
        method: 'GET',
        url: '/api/evaluation/rectifications?status=open',
        headers: { authorization: head },
      })
    ).json().items;
    const mine = queue.find((x: { id: string }) => x.id === rectificationId);
    expect(mine).toMatchObject({ itemName: expect.any(String), level: 2, version: 1 });
    // Another county's head sees nothing of it.
    const outsiderRegion = item.regionCode === '520102' ? '520103' : '520102';
    const outsider = (await t.staff(['department_head'], outsiderRegion)).authorization;
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/evaluation/rectifications',
          headers: { authorization: outsider },
        })
      )
        .json()
        .items.some((x: { id: string }) => x.id === rectificationId),
    ).toBe(false);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/evaluation/rectifications/${rectificationId}/call-back`,
          headers: { authorization: outsider },
          payload: { version: 1, note: '已回访' },
        })
      ).statusCode,
    ).toBe(404);

    const resolve = (version: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/evaluation/rectifications/${rectificationId}/resolve`,
        headers: { authorization: head },
        payload: { version, resolution: 'immediate', note: '已调整窗口引导，告知一次性告知清单' },
      });
    expect((await resolve(1)).json().code).toBe('EVALUATION.RECTIFICATION_CHANGED'); // no return visit yet
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/evaluation/rectifications/${rectificationId}/call-back`,
          headers: { authorization: head },
          payload: { version: 1, note: '电话回访，申请人反映需两次到窗口' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await resolve(2)).statusCode).toBe(204);
    expect((await applicant.call('POST', `/api/cases/${caseId}/rating/follow-up`, { level: 4 })).statusCode).toBe(204);
    expect((await applicant.call('POST', `/api/cases/${caseId}/rating/follow-up`, { level: 4 })).statusCode).toBe(409);
    expect((await applicant.call('GET', `/api/cases/${caseId}/rating`)).json().rating.rectification).toMatchObject({
      status: 'resolved',
      resolution: 'immediate',
      followUpLevel: 4,
    });
  });

  it('is watched by 电子监察: the return visit and the rectification run as clocks of the department, stopped as each is done', async () => {
    const caseId = await decided('eval-bad-clock-0001');
    const rated = await applicant.call('POST', `/api/cases/${caseId}/rating`, { level: 1, comment: '态度很差' });
    const rectificationId: string = rated.json().rectificationId;
    const x = (await applicant.call('GET', `/api/cases/${caseId}/rating`)).json().rating.rectification;
    const department = (
      await sql<{ departmentId: string }>`
        SELECT department_id AS "departmentId" FROM cases."case" WHERE id = ${caseId}`.execute(t.db)
    ).rows[0]!.departmentId;
    const clocks = async () => {
      await t.app.outbox.drain();
      return (
        await sql<{ kind: string; state: string; dueOn: string; departmentId: string; warnings: string[] }>`
          SELECT c.kind, c.state, to_char(c.due_on, 'YYYY-MM-DD') AS "dueOn", c.department_id AS "departmentId",
                 coalesce(array_agg(w.level ORDER BY w.level) FILTER (WHERE w.id IS NOT NULL AND w.cleared_at IS NULL), '{}') AS warnings
            FROM supervision.clock c LEFT JOIN supervision.warning w ON w.clock_id = c.id
           WHERE c.subject_id = ${rectificationId} GROUP BY c.id ORDER BY c.kind`.execute(t.db)
      ).rows;
    };
    const clock = (kind: string, state: string, dueOn: string, warnings: string[] = []) => ({
      kind,
      state,
      dueOn,
      departmentId: department,
      warnings,
    });
    expect(await clocks()).toEqual([
      clock('rectification', 'running', x.rectifyDue),
      clock('return_visit', 'running', x.callBackDue),
    ]);
    // The morning after the return visit was due (Beijing time) it is red; the rectification is not yet.
    const [y, m, d] = (x.callBackDue as string).split('-').map(Number);
    await t.app.supervisionSweep(new Date(Date.UTC(y!, m! - 1, d! + 1) - 8 * 3_600_000));
    expect(await clocks()).toEqual([
      clock('rectification', 'running', x.rectifyDue),
      clock('return_visit', 'running', x.callBackDue, ['red']),
    ]);
    const act = (step: string, payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/evaluation/rectifications/${rectificationId}/${step}`,
        headers: { authorization: head },
        payload,
      });
    expect((await act('call-back', { version: 1, note: '已电话回访' })).statusCode).toBe(204);
    expect(await clocks()).toEqual([
      clock('rectification', 'running', x.rectifyDue),
      clock('return_visit', 'stopped', x.callBackDue),
    ]);
    expect((await act('resolve', { version: 2, resolution: 'explained', note: '已解释说明' })).statusCode).toBe(204);
    expect(await clocks()).toEqual([
      clock('rectification', 'stopped', x.rectifyDue),
      clock('return_visit', 'stopped', x.callBackDue),
    ]);
  });

  it('removes a rating upheld on appeal by a supervisor (not the one who appealed) from the published results', async () => {
    const caseId = await decided('eval-appeal-0001');
    const { ratingId } = (
      await applicant.call('POST', `/api/cases/${caseId}/rating`, { level: 1, comment: '与本事项无关的内容' })
    ).json();
    const before = (
      await t.app.inject({ method: 'GET', url: `/api/evaluation/stats?region=${item.regionCode}` })
    ).json();
    const appeal = await t.app.inject({
      method: 'POST',
      url: `/api/evaluation/ratings/${ratingId}/appeal`,
      headers: { authorization: head },
      payload: { reason: '评价内容与办理事项无关' },
    });
    expect(appeal.statusCode).toBe(201);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/evaluation/ratings/${ratingId}/appeal`,
          headers: { authorization: head },
          payload: { reason: '重复申诉' },
        })
      ).statusCode,
    ).toBe(409);
    const decide = (who: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/evaluation/appeals/${appeal.json().appealId}/decide`,
        headers: { authorization: who },
        payload: { upheld: true, note: '经核实，评价与办件无关' },
      });
    expect((await decide(head)).statusCode).toBe(403);
    const supervisor = (await t.staff(['supervisor'], item.regionCode)).authorization;
    expect((await decide(supervisor)).statusCode).toBe(204);
    const after = (
      await t.app.inject({ method: 'GET', url: `/api/evaluation/stats?region=${item.regionCode}` })
    ).json();
    expect(after.ratings).toBe(before.ratings - 1);
    expect(after.items[0]).toMatchObject({ itemCode: item.code, score: expect.any(Number) });
    // Published results name no rater.
    expect(JSON.stringify(after)).not.toMatch(/raterPersonId|comment/);
  });
});
