/**
 * Demo accounts for a first start (never in production): staff of the province, a city and two
 * counties with passwords (and TOTP secrets for administrative roles), and residents from the
 * population registry — one of them the legal representative of an enterprise with an agent.
 */
import { randomBytes } from 'node:crypto';
import { SYSTEM, type ActingFor, type Actor } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { listDepartments } from '../catalog/index.js';
import { listEntitiesRepresentedBy, sampleRegistryPersons } from '../exchange/index.js';
import type { IdentityDeps } from './identity.deps.js';
import type { StaffRole } from './identity.service.js';
import { issueApiToken } from './identity.service.js';
import { insertPersonAccount } from './accounts/registration.service.js';
import { AGENT_SCOPES, claimEnterprise, grantAgent } from './enterprises/enterprises.service.js';
import { hashPassword } from './sign-in/password.js';
import { createStaffAccount } from './staff/staff-admin.service.js';

export const DEMO_PASSWORD = 'Tongban2026';

/** Staff act for the departments they belong to: here, those of the listed categories in their region. */
export const DEMO_STAFF: {
  username: string;
  displayName: string;
  regionCode: string;
  roles: StaffRole[];
  departmentCategories?: string[];
}[] = [
  { username: 'system.admin', displayName: '省政务服务中心系统管理员 陈刚', regionCode: '52', roles: ['system_admin'] },
  { username: 'catalog.admin', displayName: '省级事项管理员 王敏', regionCode: '52', roles: ['catalog_admin'] },
  { username: 'catalog.reviewer', displayName: '省级事项审核员 李强', regionCode: '52', roles: ['catalog_reviewer'] },
  { username: 'yunyan.admin', displayName: '云岩区事项管理员 张丽', regionCode: '520103', roles: ['catalog_admin'] },
  {
    username: 'yunyan.clerk',
    displayName: '云岩区政务服务中心综合窗口 刘洋',
    regionCode: '520103',
    roles: ['window_clerk'],
  },
  {
    username: 'nanming.clerk',
    displayName: '南明区政务服务中心综合窗口 赵静',
    regionCode: '520102',
    roles: ['window_clerk'],
  },
  {
    username: 'guiyang.approver',
    displayName: '贵阳市市场监管和城管审批人员 孙伟',
    regionCode: '5201',
    roles: ['approver'],
    departmentCategories: ['market', 'urban'],
  },
  {
    username: 'yunyan.registrar',
    displayName: '云岩区民政局婚姻登记员 何芳',
    regionCode: '520103',
    roles: ['registrar'],
    departmentCategories: ['civil'],
  },
  { username: 'province.supervisor', displayName: '省政务服务效能监察 周敏', regionCode: '52', roles: ['supervisor'] },
];

export interface DemoAccounts {
  password: string;
  staff: {
    username: string;
    displayName: string;
    regionCode: string;
    roles: string[];
    apiToken: string;
    totpSecret: string | null;
  }[];
  persons: { name: string; idNumber: string; phone: string; note: string }[];
}

/**
 * Accounts for `count` residents of the population registry (none of them a legal representative)
 * with one password, for benchmarks and demos. Returns how they sign in.
 */
export async function enrolResidents(
  deps: Pick<IdentityDeps, 'db' | 'cipher'>,
  count: number,
  password: string,
): Promise<{ name: string; idNumber: string; phone: string }[]> {
  const passwordHash = await hashPassword(password);
  const residents = await sampleRegistryPersons(deps.db, deps.cipher, count, false);
  const out: { name: string; idNumber: string; phone: string }[] = [];
  for (const [i, r] of residents.entries()) {
    const phone = `1370852${String(i).padStart(4, '0')}`;
    await insertPersonAccount(deps, deps.db, { registry: r, phone, passwordHash, realNameLevel: 2, language: 'zh-CN' });
    out.push({ name: r.name, idNumber: r.idNumber, phone });
  }
  return out;
}

/** A registry person the demo history has apply (from the population registry of the exchange module). */
export interface HistoryApplicant {
  id: string;
  name: string;
  idNumber: string;
  regionCode: string;
  /** The enterprise whose account they open as its legal representative, by credit code. */
  enterprise?: string;
}

/**
 * Accounts for the applicants of the first-start demo history (never in production), opened at
 * `at`: real-name level 2 from the registry, phones from 137085-30000 on, and one argon2id hash of a
 * random password that is neither kept nor shown — nobody signs in as them. A legal representative
 * also opens their enterprise's account and acts for it. A person whose ID number or phone already
 * has an account is left out. Answers the actor each applicant applies as.
 */
export async function enrolHistoryApplicants(
  deps: IdentityDeps,
  applicants: readonly HistoryApplicant[],
  at: Date,
): Promise<{ applicant: HistoryApplicant; actor: Actor & { id: string } }[]> {
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  const meta = { ip: '127.0.0.1', userAgent: 'demo history seed' };
  const out: { applicant: HistoryApplicant; actor: Actor & { id: string } }[] = [];
  for (const [i, a] of applicants.entries()) {
    const phone = `137085${String(30_000 + i).padStart(5, '0')}`;
    let id: string;
    try {
      id = await deps.db.transaction().execute((trx) =>
        insertPersonAccount(deps, trx, {
          registry: a,
          phone,
          passwordHash,
          realNameLevel: 2,
          language: 'zh-CN',
          createdAt: at,
        }),
      );
    } catch (e) {
      if (isUniqueViolation(e)) continue;
      throw e;
    }
    const person: Actor & { id: string } = { id, kind: 'person', roles: [], name: a.name };
    if (!a.enterprise) {
      out.push({ applicant: a, actor: person });
      continue;
    }
    const { enterpriseId, name } = await claimEnterprise(deps, person, a.enterprise, meta);
    const actingFor: ActingFor = {
      enterpriseId,
      creditCode: a.enterprise,
      name,
      role: 'legal_representative',
      scopes: [...AGENT_SCOPES],
    };
    out.push({ applicant: a, actor: { ...person, actingFor } });
  }
  return out;
}

export async function seedDemoAccounts(deps: IdentityDeps): Promise<DemoAccounts> {
  const meta = { ip: '127.0.0.1', userAgent: 'demo seed' };
  const staff: DemoAccounts['staff'] = [];
  for (const { departmentCategories = [], ...s } of DEMO_STAFF) {
    const departmentIds = (await listDepartments(deps.db, { regionPrefix: s.regionCode }))
      .filter((d) => departmentCategories.includes(d.category))
      .map((d) => d.id);
    const { id, totpUri } = await createStaffAccount(
      deps,
      SYSTEM,
      { ...s, departmentIds, password: DEMO_PASSWORD },
      meta,
    );
    staff.push({
      ...s,
      apiToken: await issueApiToken(deps.db, id, 'demo'),
      totpSecret: totpUri ? new URL(totpUri).searchParams.get('secret') : null,
    });
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const persons: DemoAccounts['persons'] = [];
  const enrol = async (
    p: { id: string; name: string; idNumber: string; regionCode: string; phone: string | null },
    i: number,
    note: string,
  ) => {
    const phone = p.phone ?? `1370851${String(1000 + i).slice(-4)}`;
    const personId = await insertPersonAccount(deps, deps.db, {
      registry: p,
      phone,
      passwordHash,
      realNameLevel: 2,
      language: 'zh-CN',
    });
    persons.push({ name: p.name, idNumber: p.idNumber, phone, note });
    return { id: personId, kind: 'person', roles: [] } satisfies Actor;
  };
  const [rep] = await sampleRegistryPersons(deps.db, deps.cipher, 1, true);
  const residents = await sampleRegistryPersons(deps.db, deps.cipher, 3, false);
  if (rep && residents.length === 3) {
    const repActor = await enrol(rep, 0, '企业法定代表人 legal representative');
    const agent = residents[0]!;
    await enrol(agent, 1, '企业经办人 agent of the enterprise');
    for (const [i, r] of residents.slice(1).entries()) await enrol(r, i + 2, '居民 resident');
    const [entity] = await listEntitiesRepresentedBy(deps.db, rep.id);
    if (entity) {
      const { enterpriseId } = await claimEnterprise(deps, repActor, entity.creditCode, meta);
      await grantAgent(
        deps,
        repActor,
        enterpriseId,
        {
          idNumber: agent.idNumber,
          name: agent.name,
          scopes: ['apply', 'track', 'licenses'],
          expiresAt: new Date(deps.now().getTime() + 365 * 86_400_000),
        },
        meta,
      );
    }
  }
  return { password: DEMO_PASSWORD, staff, persons };
}
