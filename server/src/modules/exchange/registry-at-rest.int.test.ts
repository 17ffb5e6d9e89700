/**
 * The population registry copy at rest: no name, ID number, date of birth, address or phone in
 * clear in exchange.person; the platform still verifies registrations against it, answers the
 * audited query with the right values, and household members and legal representatives by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons } from '../../test/people.js';
import { testCipher } from '../../test/keys.js';
import { approvedGrant, call, departmentStaff } from './exchange.test-kit.js';

let t: TestApp;
const cipher = testCipher();
beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
});
afterAll(async () => t?.close());

describe('the population registry at rest', () => {
  it('holds no identifier, name, birth date, address or phone in clear', async () => {
    const people = await registryPersons(t, 'any', 50);
    const stored = (
      await sql<{ row: string }>`SELECT row_to_json(p)::text AS row FROM exchange.person p`.execute(t.db)
    ).rows
      .map((r) => r.row)
      .join('\n');
    for (const p of people) {
      expect(stored).not.toContain(p.idNumber);
      expect(stored).not.toContain(p.name);
      expect(stored).not.toContain(
        `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`,
      );
    }
    expect(stored).not.toMatch(/(?<![0-9A-Za-z+/=-])1[3-9]\d{9}(?![0-9A-Za-z+/=-])/);
    expect(stored).not.toMatch(/贵州省|贵阳市|号"/);
    expect(stored).not.toMatch(/"(married|unmarried|divorced|widowed)"/);
  });

  it('still verifies a registration and answers the audited query with the right values', async () => {
    const [p] = await registryPersons(t, 'any', 1);
    await register(t, p!);
    const police = await departmentStaff(t, 'gz-police', ['data_admin']);
    const hrss = await departmentStaff(t, 'gz-hrss', ['data_admin']);
    const clerk = await departmentStaff(t, 'gz-hrss', ['window_clerk']);
    const grantId = await approvedGrant(t, hrss, police, 'population.person', [
      'name',
      'sex',
      'birthDate',
      'address',
      'maritalStatus',
      'alive',
    ]);
    const res = await call(t, clerk.authorization, 'POST', '/api/exchange/query', {
      grantId,
      purpose: '待遇资格认证',
      subject: { idNumber: p!.idNumber },
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = (
      await sql<{ personalEnc: string }>`SELECT personal_enc FROM exchange.person WHERE id = ${p!.id}`.execute(t.db)
    ).rows[0]!;
    const personal = JSON.parse(cipher.decrypt(row.personalEnc));
    expect(res.json().record).toEqual({
      name: p!.name,
      sex: Number(p!.idNumber[16]) % 2 ? 'male' : 'female',
      birthDate: `${p!.idNumber.slice(6, 10)}-${p!.idNumber.slice(10, 12)}-${p!.idNumber.slice(12, 14)}`,
      address: personal.address,
      maritalStatus: personal.maritalStatus,
      alive: true,
    });
    expect(personal.address).toMatch(/^贵州省/);

    const household = await approvedGrant(t, hrss, police, 'population.household', ['memberCount', 'members']);
    const members = (
      await call(t, clerk.authorization, 'POST', '/api/exchange/query', {
        grantId: household,
        purpose: '家庭成员核验',
        subject: { idNumber: p!.idNumber },
      })
    ).json().record.members;
    expect(members.length).toBeGreaterThan(0);
    expect(members.map((m: { birthDate: string }) => m.birthDate)).toEqual(
      [...members.map((m: { birthDate: string }) => m.birthDate)].sort(),
    );
    expect(
      members.some((m: { name: string }) => m.name === `${p!.name[0]}${'*'.repeat([...p!.name].length - 1)}`),
    ).toBe(true);
  });
});
