/**
 * Staff administration (人员与角色管理) by system administrators, within their own region subtree,
 * and the window's look-up of a resident (for walk-in applications) with in-person verification
 * (real-name level 3). Permission changes and every read of a person's data are audited.
 */
import { randomUUID } from 'node:crypto';
import { generateSecret, generateURI } from 'otplib';
import type { Actor } from '../../../platform/context.js';
import { isUniqueViolation } from '../../../platform/db/index.js';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import { maskIdNumber, maskPhone } from '../../../platform/privacy/index.js';
import { isWithinScope, withinScope } from '../../../platform/scope.js';
import type { IdentityDeps } from '../identity.deps.js';
import { iq } from '../identity.tables.js';
import { recordAudit, type RequestMeta } from '../audit.js';
import { hashPassword, passwordProblems } from '../sign-in/password.js';
import { revokeSessionsOf } from '../sessions/sessions.js';
import { forgetCachedAuth } from '../sessions/auth-cache.js';
import type { StaffRole } from '../identity.service.js';

export interface StaffInput {
  username: string;
  displayName: string;
  regionCode: string;
  departmentIds: string[];
  roles: StaffRole[];
  password: string;
}

function requireInRegion(actor: Actor, regionCode: string): void {
  if (!isWithinScope(actor, { regionCode })) {
    throw forbidden('IDENTITY.OUT_OF_SCOPE', { zh: '超出您的管理范围', en: 'Outside the region you administer' });
  }
}

/** Creates a staff member with a TOTP secret (every staff role signs in with one, 等保三级), shown this once as an otpauth URI. */
export async function createStaffAccount(
  deps: IdentityDeps,
  actor: Actor,
  input: StaffInput,
  meta: RequestMeta,
): Promise<{ id: string; totpUri: string | null }> {
  requireInRegion(actor, input.regionCode);
  const weak = passwordProblems(input.password, [input.username]);
  if (weak.length)
    throw invalid('IDENTITY.WEAK_PASSWORD', { zh: '密码不符合要求', en: 'The password does not meet the rules' }, weak);
  const id = randomUUID();
  const secret = generateSecret();
  const passwordHash = await hashPassword(input.password);
  await deps.db
    .transaction()
    .execute(async (trx) => {
      await iq(trx)
        .insertInto('identity.staff')
        .values({
          id,
          username: input.username,
          displayName: input.displayName,
          regionCode: input.regionCode,
          departmentIds: input.departmentIds,
          roles: input.roles,
          passwordHash,
          totpSecretEnc: deps.cipher.encrypt(secret),
        })
        .execute();
      await recordAudit(deps, trx, actor, 'identity.staff-created', { type: 'staff', id }, meta, {
        detail: { roles: input.roles, regionCode: input.regionCode, departmentIds: input.departmentIds },
      });
    })
    .catch((e: unknown) => {
      if (isUniqueViolation(e))
        throw conflict('IDENTITY.USERNAME_TAKEN', { zh: '用户名已被使用', en: 'The user name is taken' });
      throw e;
    });
  return { id, totpUri: generateURI({ issuer: '通办 Tongban', label: input.username, secret }) };
}

export async function listStaff(deps: IdentityDeps, actor: Actor) {
  const rows = await withinScope(
    iq(deps.db)
      .selectFrom('identity.staff')
      .select([
        'id',
        'username',
        'displayName',
        'regionCode',
        'departmentIds',
        'roles',
        'active',
        'totpSecretEnc',
        'totpLastStep',
        'idNumberIndex',
      ]),
    actor,
    { region: 'regionCode' },
  )
    .orderBy('regionCode')
    .orderBy('username')
    .limit(500)
    .execute();
  return rows.map(({ totpSecretEnc, totpLastStep, idNumberIndex, ...s }) => ({
    ...s,
    idNumberRecorded: idNumberIndex !== null,
    totpIssued: totpSecretEnc !== null,
    totpUsed: totpLastStep !== null,
  }));
}

/**
 * Deactivates a staff member (leaving, moving away) or restores them. Deactivation ends their
 * sessions and API tokens at once; nobody deactivates themselves. Audited with the reason.
 */
export async function setStaffActive(
  deps: IdentityDeps,
  actor: Actor,
  staffId: string,
  input: { active: boolean; reason: string },
  meta: RequestMeta,
): Promise<void> {
  if (staffId === actor.id)
    throw forbidden('IDENTITY.SELF_DEACTIVATE', { zh: '不能停用自己的账号', en: 'You cannot deactivate yourself' });
  await deps.db.transaction().execute(async (trx) => {
    const target = await withinScope(
      iq(trx).selectFrom('identity.staff').select(['id', 'active']).where('id', '=', staffId),
      actor,
      { region: 'regionCode' },
    )
      .forUpdate()
      .executeTakeFirst();
    if (!target)
      throw notFound('IDENTITY.NO_STAFF', {
        zh: '人员不存在或不在您的管理范围',
        en: 'No such staff member within your region',
      });
    if (target.active === input.active) return;
    const now = deps.now();
    await iq(trx).updateTable('identity.staff').set({ active: input.active }).where('id', '=', staffId).execute();
    if (!input.active) {
      await revokeSessionsOf(trx, 'staff', staffId, now);
      await iq(trx)
        .updateTable('identity.apiToken')
        .set({ revokedAt: now })
        .where('staffId', '=', staffId)
        .where('revokedAt', 'is', null)
        .execute();
      forgetCachedAuth();
    }
    await recordAudit(
      deps,
      trx,
      actor,
      input.active ? 'identity.staff-reactivated' : 'identity.staff-deactivated',
      { type: 'staff', id: staffId },
      meta,
      { reason: input.reason },
    );
  });
}

/** Changes roles, region and departments. Nobody changes their own; the target and the new region must be within the administrator's. */
export async function changeStaffRoles(
  deps: IdentityDeps,
  actor: Actor,
  staffId: string,
  input: { roles: StaffRole[]; regionCode: string; departmentIds: string[] },
  meta: RequestMeta,
): Promise<{ totpUri: string | null }> {
  if (staffId === actor.id)
    throw forbidden('IDENTITY.SELF_GRANT', { zh: '不能修改自己的角色', en: 'You cannot change your own roles' });
  requireInRegion(actor, input.regionCode);
  return deps.db.transaction().execute(async (trx) => {
    const before = await withinScope(
      iq(trx)
        .selectFrom('identity.staff')
        .select(['roles', 'regionCode', 'departmentIds', 'totpSecretEnc', 'username'])
        .where('id', '=', staffId),
      actor,
      { region: 'regionCode' },
    )
      .forUpdate()
      .executeTakeFirst();
    if (!before)
      throw notFound('IDENTITY.NO_STAFF', {
        zh: '人员不存在或不在您的管理范围',
        en: 'No such staff member within your region',
      });
    // Staff created before every role needed one get their TOTP secret now.
    const secret = before.totpSecretEnc ? null : generateSecret();
    await iq(trx)
      .updateTable('identity.staff')
      .set({
        roles: input.roles,
        regionCode: input.regionCode,
        departmentIds: input.departmentIds,
        ...(secret ? { totpSecretEnc: deps.cipher.encrypt(secret) } : {}),
      })
      .where('id', '=', staffId)
      .execute();
    // Sessions carry the old permissions: end them.
    await revokeSessionsOf(trx, 'staff', staffId, deps.now());
    await recordAudit(deps, trx, actor, 'identity.roles-changed', { type: 'staff', id: staffId }, meta, {
      detail: {
        before: { roles: before.roles, regionCode: before.regionCode, departmentIds: before.departmentIds },
        after: input,
      },
    });
    return { totpUri: secret ? generateURI({ issuer: '通办 Tongban', label: before.username, secret }) : null };
  });
}

export interface PersonForStaff {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
  realNameLevel: 1 | 2 | 3;
  regionCode: string;
}

/** A window clerk finds a resident of their region by ID number (walk-in 代办). Audited. */
export async function findPersonForStaff(
  deps: IdentityDeps,
  actor: Actor,
  query: { idNumber?: string; id?: string },
  reason: string,
  meta: RequestMeta,
): Promise<PersonForStaff> {
  const { db, cipher } = deps;
  let q = iq(db)
    .selectFrom('identity.personAccount')
    .select(['id', 'name', 'idNumberEnc', 'phoneEnc', 'realNameLevel', 'regionCode']);
  q = query.id
    ? q.where('id', '=', query.id)
    : q.where('idNumberIndex', '=', cipher.blindIndex((query.idNumber ?? '').trim().toUpperCase()));
  const p = await withinScope(q, actor, { region: 'regionCode' }).executeTakeFirst();
  if (!p)
    throw notFound('IDENTITY.NO_PERSON', {
      zh: '未找到该用户或不在您的管辖范围',
      en: 'No such person within your region',
    });
  await recordAudit(deps, db, actor, 'identity.person-read', { type: 'person', id: p.id }, meta, {
    reason,
    detail: { fields: ['name', 'idNumber(masked)', 'phone(masked)', 'realNameLevel'] },
  });
  return {
    id: p.id,
    name: p.name,
    idNumber: maskIdNumber(cipher.decrypt(p.idNumberEnc)),
    phone: maskPhone(cipher.decrypt(p.phoneEnc)),
    realNameLevel: p.realNameLevel,
    regionCode: p.regionCode,
  };
}

/** 现场核验: a clerk who has checked the resident in person raises the account to level 3. */
export async function verifyInPerson(
  deps: IdentityDeps,
  actor: Actor,
  personId: string,
  meta: RequestMeta,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await withinScope(
      iq(trx).updateTable('identity.personAccount').set({ realNameLevel: 3 }).where('id', '=', personId),
      actor,
      { region: 'regionCode' },
    )
      .returning('id')
      .executeTakeFirst();
    if (!row)
      throw notFound('IDENTITY.NO_PERSON', {
        zh: '未找到该用户或不在您的管辖范围',
        en: 'No such person within your region',
      });
    await recordAudit(deps, trx, actor, 'identity.verified-in-person', { type: 'person', id: personId }, meta, {
      detail: { realNameLevel: 3 },
    });
  });
}
