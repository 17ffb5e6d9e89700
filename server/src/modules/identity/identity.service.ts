import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/index.js';
import type { Actor } from '../../platform/context.js';
import type { AuthResolver } from '../../platform/http/auth.js';
import { forbidden } from '../../platform/errors.js';
import { reencryptColumns, type FieldCipher } from '../../platform/crypto/index.js';
import * as repo from './identity.repository.js';
import { ACTING_COOKIE, resolveSession, SESSION_COOKIE, type IdlePolicy } from './sessions/sessions.js';
import { AuthCache } from './sessions/auth-cache.js';

/**
 * Staff roles. 窗口人员, 审批人员, 科室负责人, 监察, 事项管理员, 事项审核员, 数据管理员, 系统管理员,
 * 登记员 (records life events — deaths, births, marriages, residence — for their department).
 */
export const STAFF_ROLES = [
  'window_clerk',
  'approver',
  'department_head',
  'supervisor',
  'catalog_admin',
  'catalog_reviewer',
  'data_admin',
  'system_admin',
  'registrar',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewStaff {
  username: string;
  displayName: string;
  regionCode: string;
  departmentIds?: string[];
  roles: StaffRole[];
}

export async function createStaff(db: Db, staff: NewStaff): Promise<string> {
  const id = randomUUID();
  await repo.insertStaff(db, { id, departmentIds: [], ...staff });
  return id;
}

/** Issues a bearer token (`tb_…`); only its hash is stored, so this is the one time it is seen. */
export async function issueApiToken(
  db: Db,
  staffId: string,
  label: string,
  expiresAt: Date | null = null,
): Promise<string> {
  const token = `tb_${randomBytes(24).toString('base64url')}`;
  await repo.insertToken(db, { tokenHash: hashToken(token), staffId, label, expiresAt });
  return token;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is calling: a bearer token (staff and systems) or the session cookie of the web app. A
 * request that changes something on the strength of a cookie must echo the session's CSRF token in
 * `x-csrf-token`; bearer tokens are not sent by browsers on their own and need none.
 */
/**
 * Who the caller is, from an API token or a session cookie; answers are remembered for
 * `cacheMs` on this node (see sessions/auth-cache.ts; 0: every request reads the database).
 */
export function identityAuthResolver(
  db: Db,
  opts: { now?: () => Date; cacheMs?: number; idle: IdlePolicy },
): AuthResolver {
  const now = opts.now ?? (() => new Date());
  const tokens = new AuthCache<Actor | undefined>(opts.cacheMs ?? 0);
  const sessions = new AuthCache<Awaited<ReturnType<typeof resolveSession>>>(opts.cacheMs ?? 0);
  return async (request: FastifyRequest): Promise<Actor | undefined> => {
    const header = request.headers.authorization;
    if (typeof header === 'string' && header.startsWith('Bearer ')) {
      const token = header.slice(7).trim();
      if (!/^tb_[A-Za-z0-9_-]{20,64}$/.test(token)) return undefined;
      return tokens.get(AuthCache.key('token', token), async () => {
        const staff = await repo.findStaffByTokenHash(db, hashToken(token), now());
        return staff
          ? {
              id: staff.id,
              kind: 'staff',
              roles: staff.roles,
              regionScope: staff.regionCode,
              departmentIds: staff.departmentIds,
              via: 'token',
              name: staff.displayName,
            }
          : undefined;
      });
    }
    const cookie = request.cookies?.[SESSION_COOKIE];
    if (!cookie) return undefined;
    const session = await sessions.get(AuthCache.key('session', cookie, request.cookies?.[ACTING_COOKIE]), () =>
      resolveSession(db, cookie, now(), opts.idle),
    );
    if (!session) return undefined;
    // The OpenID provider's own forms (/oidc/…) carry its own CSRF protection.
    if (!SAFE_METHODS.has(request.method) && !request.url.startsWith('/oidc/')) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
        throw forbidden('IDENTITY.CSRF', {
          zh: '页面已过期，请刷新后重试',
          en: 'The page is stale (missing CSRF token); reload and try again',
        });
      }
    }
    sessionHashes.set(request, session.tokenHash);
    return session.actor;
  };
}

const sessionHashes = new WeakMap<FastifyRequest, string>();

/** The hash of the session behind this request, when it came with a session cookie. */
export const sessionHashOf = (request: FastifyRequest): string | undefined => sessionHashes.get(request);

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const findStaffByUsername = repo.findStaffByUsername;

/** Re-encrypts the module's personal data and secrets with the current data key (key rotation). */
export async function reencryptIdentityData(db: Db, cipher: FieldCipher): Promise<number> {
  return (
    (await reencryptColumns(db, cipher, {
      table: 'identity.person_account',
      key: 'id',
      columns: ['id_number_enc', 'phone_enc'],
    })) +
    (await reencryptColumns(db, cipher, {
      table: 'identity.staff',
      key: 'id',
      columns: ['totp_secret_enc', 'id_number_enc'],
    })) +
    (await reencryptColumns(db, cipher, { table: 'identity.oidc_client', key: 'client_id', columns: ['secret_enc'] })) +
    (await reencryptColumns(db, cipher, { table: 'identity.oidc_keyset', key: 'id', columns: ['jwks_enc'] }))
  );
}
