/**
 * Complaints and suggestions filed by registered API clients (Open311), and the public status of
 * complaints: what anyone may know — the state, the department, the dates — and nothing a
 * resident wrote.
 */
import { findDepartment, findDepartmentByKey } from '../catalog/index.js';
import { unprocessable } from '../../platform/errors.js';
import type { Db } from '../../platform/db/index.js';
import { insertComplaint } from './complaints.service.js';
import type { SupervisionDeps } from './supervision.deps.js';
import { svq } from './supervision.tables.js';

export async function fileClientComplaint(
  deps: SupervisionDeps,
  clientId: string,
  input: { kind: 'complaint' | 'suggestion'; subject: string; content: string; departmentKey: string },
  alongside?: (trx: Db, filed: { id: string; reference: string; dueOn: string }) => Promise<void>,
): Promise<{ id: string; reference: string; dueOn: string }> {
  const department = await findDepartmentByKey(deps.db, input.departmentKey);
  if (!department)
    throw unprocessable('SUPERVISION.WHICH_DEPARTMENT', {
      zh: '没有这个受理部门',
      en: 'No such department',
    });
  return insertComplaint(
    deps,
    { departmentId: department.id, regionCode: department.regionCode, caseId: null },
    { ...input, hideIdentity: false },
    { clientId },
    alongside,
  );
}

export interface PublicComplaintStatus {
  id: string;
  reference: string;
  kind: 'complaint' | 'report' | 'suggestion';
  status: 'open' | 'answered' | 'closed';
  departmentName: string;
  dueOn: string;
  createdAt: Date;
  updatedAt: Date;
}

export async function publicComplaintStatus(db: Db, ids: readonly string[]): Promise<PublicComplaintStatus[]> {
  if (ids.length === 0) return [];
  const rows = await svq(db)
    .selectFrom('supervision.complaint')
    .select(['id', 'reference', 'kind', 'status', 'departmentId', 'dueOn', 'createdAt', 'repliedAt', 'closedAt'])
    .where('id', 'in', ids)
    .execute();
  const names = new Map<string, string>();
  for (const r of rows)
    if (!names.has(r.departmentId)) names.set(r.departmentId, (await findDepartment(db, r.departmentId))?.name ?? '');
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    status: r.status,
    departmentName: names.get(r.departmentId) ?? '',
    dueOn: String(r.dueOn),
    createdAt: r.createdAt,
    updatedAt: r.closedAt ?? r.repliedAt ?? r.createdAt,
  }));
}
