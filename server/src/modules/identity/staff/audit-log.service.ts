/** 审计日志 for auditors (system administrators, supervisors): entries newest first, staff named by their display names. */
import type { AuditLog, AuditQuery } from '../../../../../contracts/audit.js';
import type { Actor } from '../../../platform/context.js';
import { listAudit } from '../../../platform/audit/index.js';
import type { IdentityDeps } from '../identity.deps.js';
import { staffNames } from './staff-names.js';

/** The route admits auditors only (`requireRoles`); the log is the platform's, not scoped by region. */
export async function auditLog(deps: Pick<IdentityDeps, 'db'>, _actor: Actor, query: AuditQuery): Promise<AuditLog> {
  const entries = await listAudit(deps.db, query);
  const names = await staffNames(
    deps.db,
    entries.flatMap((e) => [e.actorKind === 'staff' ? e.actorId : null, e.targetType === 'staff' ? e.targetId : null]),
  );
  const nameOf = (kind: string | null, id: string | null) => (kind === 'staff' && id ? (names.get(id) ?? null) : null);
  return {
    entries: entries.map((e) => ({
      ...e,
      actorName: nameOf(e.actorKind, e.actorId),
      targetName: nameOf(e.targetType, e.targetId),
    })),
  };
}
