/** Identity's entries in the platform audit chain: sign-ins, permission changes, reads of personal data. */
import { appendAudit } from '../../platform/audit/index.js';
import type { Db } from '../../platform/db/index.js';
import type { IdentityDeps } from './identity.deps.js';

/** Where a request came from, for the audit trail and the session record. */
export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}

export async function recordAudit(
  deps: Pick<IdentityDeps, 'auditKey' | 'now'>,
  db: Db,
  actor: { id: string | null; kind: string; onBehalfOf?: string | null },
  action: string,
  target: { type: string; id: string | null },
  meta: RequestMeta,
  extra: { reason?: string; detail?: Record<string, unknown> } = {},
): Promise<void> {
  await appendAudit(
    db,
    {
      at: deps.now(),
      actorId: actor.id,
      actorKind: actor.kind,
      onBehalfOf: actor.onBehalfOf ?? null,
      action,
      targetType: target.type,
      targetId: target.id,
      ip: meta.ip ?? null,
      reason: extra.reason ?? null,
      detail: extra.detail ?? {},
    },
    deps.auditKey,
  );
}
