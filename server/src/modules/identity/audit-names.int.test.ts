/** The audit log names people, not ids (issue 10, finding 4): staff actors and staff targets by their display names. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('audit log names', () => {
  it('gives the display name of the staff member who acted and of the staff member acted on', async () => {
    const admin = await t.staff(['system_admin'], '5201');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: { authorization: admin.authorization },
      payload: {
        username: 'nanming.window',
        displayName: '南明区窗口李四',
        regionCode: '520102',
        roles: ['window_clerk'],
        password: 'Nanming2026',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const adminName = (
      await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: admin.authorization } })
    ).json().name as string;

    const res = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit?action=identity.staff-created',
      headers: { authorization: admin.authorization },
    });
    expect(res.statusCode, res.body).toBe(200);
    const entry = res.json().entries[0];
    expect(entry).toMatchObject({
      actorKind: 'staff',
      actorName: adminName,
      targetType: 'staff',
      targetName: '南明区窗口李四',
    });
    expect(adminName).toMatch(/测试人员/);
  });

  it('names nobody for entries without a staff actor, and keeps the log from a window clerk', async () => {
    const admin = await t.staff(['system_admin'], '5201');
    const entries = (
      await t.app.inject({ method: 'GET', url: '/api/admin/audit', headers: { authorization: admin.authorization } })
    ).json().entries as { actorKind: string; actorName: string | null }[];
    for (const e of entries.filter((x) => x.actorKind !== 'staff')) expect(e.actorName).toBeNull();
    const clerk = await t.staff(['window_clerk'], '5201');
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit',
      headers: { authorization: clerk.authorization },
    });
    expect(refused.statusCode).toBe(403);
  });
});
