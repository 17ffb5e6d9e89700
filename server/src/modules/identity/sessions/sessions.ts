/**
 * Sessions of the web app: a random token in an HttpOnly cookie (only its SHA-256 is stored), a
 * CSRF token bound to the session that unsafe requests must echo in `x-csrf-token`, an absolute
 * lifetime, and the enterprise the person currently acts for. The acting-for authorisation is
 * checked again on every request, so an agent whose authorisation expired or was revoked stops
 * acting at once.
 */
import { forgetCachedAuth } from './auth-cache.js';
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import type { ActingFor, Actor } from '../../../platform/context.js';
import { iq } from '../identity.tables.js';
import { recordAudit } from '../audit.js';

export const SESSION_COOKIE = 'tb_session';
export const CSRF_COOKIE = 'tb_csrf';
/** Which enterprise the session acts for (or `self`): not trusted, only part of the auth-cache key. */
export const ACTING_COOKIE = 'tb_act';
export const SESSION_HOURS = { person: 12, staff: 8 } as const;

export const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  subject: { kind: 'person' | 'staff'; id: string },
  meta: { ip?: string; userAgent?: string },
  now: Date,
): Promise<NewSession> {
  const token = `tbs_${randomBytes(32).toString('base64url')}`;
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS[subject.kind] * 3_600_000);
  await iq(db)
    .insertInto('identity.session')
    .values({
      tokenHash: sha256(token),
      subjectKind: subject.kind,
      subjectId: subject.id,
      actingFor: null,
      csrfToken,
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      lastSeenAt: now,
      expiresAt,
      revokedAt: null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export interface ResolvedSession {
  actor: Actor;
  tokenHash: string;
  csrfToken: string;
}

/** Idle timeout (等保三级): minutes without a request after which a session ends; the ending is audited. */
export interface IdlePolicy {
  idleMinutes: { staff: number; person: number };
  auditKey: Buffer;
}

/**
 * The live session behind a cookie token, as an actor (with a still-valid acting-for only): one
 * query for the session, its subject and the authorisation it acts under — this runs on every
 * request of the web app. A session idle for longer than its kind allows is ended here.
 */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
  idle: IdlePolicy,
): Promise<ResolvedSession | undefined> {
  if (!/^tbs_[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const tokenHash = sha256(token);
  const s = await iq(db)
    .selectFrom('identity.session as s')
    .leftJoin('identity.staff as st', (j) =>
      j.onRef('st.id', '=', 's.subjectId').on('s.subjectKind', '=', 'staff').on('st.active', '=', true),
    )
    .leftJoin('identity.personAccount as p', (j) =>
      j.onRef('p.id', '=', 's.subjectId').on('s.subjectKind', '=', 'person').on('p.active', '=', true),
    )
    .leftJoin('identity.enterpriseAgent as a', (j) =>
      j
        .onRef('a.enterpriseId', '=', 's.actingFor')
        .onRef('a.personId', '=', 'p.id')
        .on('a.revokedAt', 'is', null)
        .on((eb) => eb.or([eb('a.expiresAt', 'is', null), eb('a.expiresAt', '>', now)])),
    )
    .leftJoin('identity.enterpriseAccount as e', 'e.id', 'a.enterpriseId')
    .select([
      's.subjectKind',
      's.subjectId',
      's.csrfToken',
      's.lastSeenAt',
      'st.id as staffId',
      'st.roles',
      'st.regionCode',
      'st.departmentIds',
      'st.displayName',
      'p.id as personId',
      'p.name as personName',
      'e.id as enterpriseId',
      'e.creditCode',
      'e.name as enterpriseName',
      'a.role as agentRole',
      'a.scopes as agentScopes',
    ])
    .where('s.tokenHash', '=', tokenHash)
    .where('s.revokedAt', 'is', null)
    .where('s.expiresAt', '>', now)
    .executeTakeFirst();
  if (!s) return undefined;
  if (now.getTime() - s.lastSeenAt.getTime() > idle.idleMinutes[s.subjectKind] * 60_000) {
    await endIdleSession(db, tokenHash, { kind: s.subjectKind, id: s.subjectId }, now, idle);
    return undefined;
  }
  if (now.getTime() - s.lastSeenAt.getTime() > 60_000) {
    await iq(db).updateTable('identity.session').set({ lastSeenAt: now }).where('tokenHash', '=', tokenHash).execute();
  }
  if (s.subjectKind === 'staff') {
    if (!s.staffId) return undefined;
    return {
      tokenHash,
      csrfToken: s.csrfToken,
      actor: {
        id: s.staffId,
        kind: 'staff',
        roles: s.roles!,
        regionScope: s.regionCode!,
        departmentIds: s.departmentIds!,
        via: 'session',
        name: s.displayName!,
      },
    };
  }
  if (!s.personId) return undefined;
  const actingFor: ActingFor | undefined = s.enterpriseId
    ? {
        enterpriseId: s.enterpriseId,
        creditCode: s.creditCode!,
        name: s.enterpriseName!,
        role: s.agentRole!,
        scopes: s.agentScopes!,
      }
    : undefined;
  return {
    tokenHash,
    csrfToken: s.csrfToken,
    actor: {
      id: s.personId,
      kind: 'person',
      roles: [],
      via: 'session',
      name: s.personName!,
      ...(actingFor ? { actingFor } : {}),
    },
  };
}

async function endIdleSession(
  db: Db,
  tokenHash: string,
  subject: { kind: 'person' | 'staff'; id: string },
  now: Date,
  idle: IdlePolicy,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ended = await iq(trx)
      .updateTable('identity.session')
      .set({ revokedAt: now })
      .where('tokenHash', '=', tokenHash)
      .where('revokedAt', 'is', null)
      .returning('tokenHash')
      .executeTakeFirst();
    // Two requests of one idle session: the first ends and audits it.
    if (ended)
      await recordAudit(
        { auditKey: idle.auditKey, now: () => now },
        trx,
        subject,
        'identity.session-idle-ended',
        { type: subject.kind, id: subject.id },
        {},
        { detail: { idleMinutes: idle.idleMinutes[subject.kind] } },
      );
  });
  forgetCachedAuth();
}

/** The person's live authorisation to act for the enterprise (not revoked, not expired), if any. */
export async function liveAuthorisation(
  db: Db,
  personId: string,
  enterpriseId: string,
  now: Date,
): Promise<ActingFor | undefined> {
  const row = await iq(db)
    .selectFrom('identity.enterpriseAgent as a')
    .innerJoin('identity.enterpriseAccount as e', 'e.id', 'a.enterpriseId')
    .select(['e.id', 'e.creditCode', 'e.name', 'a.role', 'a.scopes'])
    .where('a.personId', '=', personId)
    .where('a.enterpriseId', '=', enterpriseId)
    .where('a.revokedAt', 'is', null)
    .where((eb) => eb.or([eb('a.expiresAt', 'is', null), eb('a.expiresAt', '>', now)]))
    .executeTakeFirst();
  return row
    ? { enterpriseId: row.id, creditCode: row.creditCode, name: row.name, role: row.role, scopes: row.scopes }
    : undefined;
}

export async function setActingFor(db: Db, tokenHash: string, enterpriseId: string | null): Promise<void> {
  await iq(db)
    .updateTable('identity.session')
    .set({ actingFor: enterpriseId })
    .where('tokenHash', '=', tokenHash)
    .execute();
  forgetCachedAuth();
}

export async function revokeSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await iq(db)
    .updateTable('identity.session')
    .set({ revokedAt: now })
    .where('tokenHash', '=', tokenHash)
    .where('revokedAt', 'is', null)
    .execute();
  forgetCachedAuth();
}

/** Ends every session of a subject (after a password change or when staff are deactivated). */
export async function revokeSessionsOf(db: Db, kind: 'person' | 'staff', id: string, now: Date): Promise<void> {
  await iq(db)
    .updateTable('identity.session')
    .set({ revokedAt: now })
    .where('subjectKind', '=', kind)
    .where('subjectId', '=', id)
    .where('revokedAt', 'is', null)
    .execute();
  forgetCachedAuth();
}
