import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/index.js';
import type { Actor } from '../../platform/context.js';
import type { AuthResolver } from '../../platform/http/auth.js';
import * as repo from './identity.repository.js';

/** Staff roles. 窗口人员, 审批人员, 科室负责人, 监察, 事项管理员, 数据管理员, 系统管理员. */
export const STAFF_ROLES = ['window_clerk', 'approver', 'department_head', 'supervisor', 'catalog_admin', 'catalog_reviewer', 'data_admin', 'system_admin'] as const;
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
export async function issueApiToken(db: Db, staffId: string, label: string, expiresAt: Date | null = null): Promise<string> {
  const token = `tb_${randomBytes(24).toString('base64url')}`;
  await repo.insertToken(db, { tokenHash: hashToken(token), staffId, label, expiresAt });
  return token;
}

export function identityAuthResolver(db: Db): AuthResolver {
  return async (request: FastifyRequest): Promise<Actor | undefined> => {
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) return undefined;
    const token = header.slice(7).trim();
    if (!/^tb_[A-Za-z0-9_-]{20,64}$/.test(token)) return undefined;
    const staff = await repo.findStaffByTokenHash(db, hashToken(token), new Date());
    if (!staff) return undefined;
    return { id: staff.id, kind: 'staff', roles: staff.roles, regionScope: staff.regionCode, departmentIds: staff.departmentIds };
  };
}

export const findStaffByUsername = repo.findStaffByUsername;
