/**
 * Sharing grants (共享授权): a consuming department asks for data items of a resource, for a stated
 * purpose and legal basis, until a date; the owning department approves (possibly until an earlier
 * date) or refuses, and may revoke later. 无条件共享 resources are granted on request; 不予共享 ones
 * cannot be asked for. Every step is in the platform audit chain.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Actor } from '../../../platform/context.js';
import { appendAudit, auditEntry } from '../../../platform/audit/index.js';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import { scopeCondition } from '../../../platform/scope.js';
import { appendEvent } from '../../../platform/outbox.js';
import type { Db } from '../../../platform/db/index.js';
import type { ExchangeDeps } from '../exchange.deps.js';
import { sq, type GrantStatus, type SharingGrantTable } from '../exchange.tables.js';
import { coversDepartment, requireDepartment, requireStaff } from './access.js';
import { getResource } from './resources.service.js';
import { selectFields } from './field-selection.js';

/** The longest a grant may run: three years, then it is asked for again. */
const MAX_GRANT_MS = 3 * 366 * 86_400_000;

export interface GrantRequest {
  resourceCode: string;
  consumerDepartmentId: string;
  fields: string[];
  purpose: string;
  legalBasis: string;
  expiresAt: Date;
}

export interface GrantView {
  id: string;
  resource: { code: string; name: string };
  consumer: { id: string; name: string };
  owner: { id: string; name: string };
  fields: string[];
  purpose: string;
  legalBasis: string;
  status: GrantStatus;
  expired: boolean;
  requestedAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
}

type GrantRow = Selectable<SharingGrantTable>;

export const grantNotFound = (id: string) =>
  notFound(
    'EXCHANGE.GRANT_NOT_FOUND',
    { zh: '共享授权不存在或无权查看', en: 'No such sharing grant, or not yours to see' },
    [],
    { grantId: id },
  );

async function view(deps: ExchangeDeps, g: GrantRow, resourceName: string): Promise<GrantView> {
  const names = await deps.departments.names([g.consumerDepartmentId, g.ownerDepartmentId]);
  return {
    id: g.id,
    resource: { code: g.resourceCode, name: resourceName },
    consumer: { id: g.consumerDepartmentId, name: names.get(g.consumerDepartmentId) ?? '' },
    owner: { id: g.ownerDepartmentId, name: names.get(g.ownerDepartmentId) ?? '' },
    fields: g.fields,
    purpose: g.purpose,
    legalBasis: g.legalBasis,
    status: g.status,
    expired: g.expiresAt.getTime() <= deps.now().getTime(),
    requestedAt: g.requestedAt,
    expiresAt: g.expiresAt,
    decidedAt: g.decidedAt,
    decisionNote: g.decisionNote,
  };
}

function checkExpiry(deps: ExchangeDeps, expiresAt: Date): void {
  const now = deps.now().getTime();
  if (expiresAt.getTime() <= now || expiresAt.getTime() > now + MAX_GRANT_MS) {
    throw invalid('EXCHANGE.BAD_EXPIRY', {
      zh: '授权期限须晚于当前时间且不超过三年',
      en: 'A grant must expire in the future and within three years',
    });
  }
}

export async function requestGrant(deps: ExchangeDeps, actor: Actor, input: GrantRequest): Promise<GrantView> {
  const consumer = await deps.departments.get(input.consumerDepartmentId);
  requireDepartment(actor, consumer);
  const resource = await getResource(deps, input.resourceCode);
  if (resource.sharingClass === 'not_shared') {
    throw forbidden(
      'EXCHANGE.NOT_SHARED',
      { zh: `“${resource.name}”属于不予共享类资源`, en: 'This resource is not shared' },
      [],
      { resourceCode: resource.code },
    );
  }
  if (resource.ownerDepartmentId === consumer.id)
    throw invalid('EXCHANGE.OWN_RESOURCE', {
      zh: '本部门的资源无需申请共享',
      en: 'A department does not ask for its own resource',
    });
  const selection = selectFields(
    resource.fields.map((f) => f.key),
    resource.fields.map((f) => f.key),
    input.fields,
  );
  if (!selection.ok)
    throw invalid(
      'EXCHANGE.UNKNOWN_FIELD',
      {
        zh: `资源中没有数据项：${selection.fields.join('、')}`,
        en: `No such data items: ${selection.fields.join(', ')}`,
      },
      [],
      { fields: selection.fields },
    );
  checkExpiry(deps, input.expiresAt);
  const owner = await deps.departments.get(resource.ownerDepartmentId);
  const now = deps.now();
  const automatic = resource.sharingClass === 'unconditional';
  const row: GrantRow = {
    id: randomUUID(),
    resourceCode: resource.code,
    consumerDepartmentId: consumer.id,
    consumerRegionCode: consumer.regionCode,
    ownerDepartmentId: owner.id,
    ownerRegionCode: owner.regionCode,
    fields: selection.fields,
    purpose: input.purpose,
    legalBasis: input.legalBasis,
    status: automatic ? 'approved' : 'pending',
    requestedBy: actor.id!,
    requestedAt: now,
    expiresAt: input.expiresAt,
    decidedBy: automatic ? 'system' : null,
    decidedAt: automatic ? now : null,
    decisionNote: automatic ? '无条件共享资源，自动授权' : null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await sq(trx).insertInto('exchange.sharingGrant').values(row).execute();
    await publishGrantChanged(trx, row);
    const detail = {
      resourceCode: row.resourceCode,
      fields: row.fields,
      consumerDepartmentId: consumer.id,
      status: row.status,
    };
    await appendAudit(
      trx,
      auditEntry(actor, 'exchange.grant-requested', {
        targetType: 'sharing_grant',
        targetId: row.id,
        reason: row.purpose,
        detail,
      }),
      deps.auditKey,
    );
  });
  return view(deps, row, resource.name);
}

/** Tells the outbox a grant was asked for or decided (电子监察 watches the owner's decision). */
const publishGrantChanged = (trx: Db, g: Pick<GrantRow, 'id' | 'status'>) =>
  appendEvent(
    trx,
    {
      topic: 'exchange.grant-changed',
      aggregateType: 'sharing_grant',
      aggregateId: g.id,
      payload: { grantId: g.id, status: g.status },
    },
    null,
  );

export type GrantDecision =
  | { decision: 'approve'; note: string; expiresAt?: Date }
  | { decision: 'refuse' | 'revoke'; note: string };

/** The owner decides: approve or refuse a pending grant, or revoke an approved one. */
export async function decideGrant(deps: ExchangeDeps, actor: Actor, id: string, d: GrantDecision): Promise<GrantView> {
  requireStaff(actor);
  const g = await sq(deps.db).selectFrom('exchange.sharingGrant').selectAll().where('id', '=', id).executeTakeFirst();
  if (!g) throw grantNotFound(id);
  const owner = await deps.departments.get(g.ownerDepartmentId);
  const consumer = await deps.departments.find(g.consumerDepartmentId);
  try {
    requireDepartment(actor, owner);
  } catch (e) {
    // The consumer may see that its grant exists, but only the owner decides.
    if (consumer && coversDepartment(actor, consumer)) throw e;
    throw grantNotFound(id);
  }
  const resource = await getResource(deps, g.resourceCode);
  const from: GrantStatus = d.decision === 'revoke' ? 'approved' : 'pending';
  const status: GrantStatus = d.decision === 'approve' ? 'approved' : d.decision === 'refuse' ? 'refused' : 'revoked';
  const updated = await deps.db.transaction().execute(async (trx) => {
    const locked = await sq(trx)
      .selectFrom('exchange.sharingGrant')
      .select(['status', 'expiresAt'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (locked.status !== from) {
      throw conflict(
        'EXCHANGE.GRANT_STATE',
        {
          zh: `该授权当前状态为“${STATUS_ZH[locked.status]}”，不能${DECISION_ZH[d.decision]}`,
          en: `The grant is ${locked.status}; it cannot be ${d.decision}d`,
        },
        [],
        { status: locked.status },
      );
    }
    let expiresAt = locked.expiresAt;
    if (d.decision === 'approve' && d.expiresAt) {
      if (d.expiresAt.getTime() > locked.expiresAt.getTime())
        throw invalid('EXCHANGE.BAD_EXPIRY', {
          zh: '批准的期限不能晚于申请的期限',
          en: 'An approval cannot run longer than requested',
        });
      checkExpiry(deps, d.expiresAt);
      expiresAt = d.expiresAt;
    }
    const row = await sq(trx)
      .updateTable('exchange.sharingGrant')
      .set({ status, expiresAt, decidedBy: actor.id, decidedAt: deps.now(), decisionNote: d.note })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await publishGrantChanged(trx, row);
    await appendAudit(
      trx,
      auditEntry(actor, `exchange.grant-${status}`, {
        targetType: 'sharing_grant',
        targetId: id,
        reason: d.note,
        detail: { resourceCode: g.resourceCode },
      }),
      deps.auditKey,
    );
    return row;
  });
  deps.grants.evict(id);
  return view(deps, updated, resource.name);
}

const STATUS_ZH: Record<GrantStatus, string> = {
  pending: '待审批',
  approved: '已批准',
  refused: '已拒绝',
  revoked: '已撤销',
};
const DECISION_ZH = { approve: '批准', refuse: '拒绝', revoke: '撤销' } as const;

/** Grants the caller's departments asked for (`consumer`) or decide on (`owner`), newest first. */
export async function listGrants(
  deps: ExchangeDeps,
  actor: Actor,
  filter: { side: 'consumer' | 'owner'; status?: GrantStatus; limit: number },
): Promise<GrantView[]> {
  requireStaff(actor);
  const region = filter.side === 'consumer' ? 'g.consumerRegionCode' : 'g.ownerRegionCode';
  const department = filter.side === 'consumer' ? 'g.consumerDepartmentId' : 'g.ownerDepartmentId';
  let q = sq(deps.db)
    .selectFrom('exchange.sharingGrant as g')
    .innerJoin('exchange.resource as r', 'r.code', 'g.resourceCode')
    .selectAll('g')
    .select('r.name as resourceName')
    .where(scopeCondition(actor, { region, department }));
  if (filter.status) q = q.where('g.status', '=', filter.status);
  const rows = await q.orderBy('g.requestedAt', 'desc').limit(filter.limit).execute();
  return Promise.all(rows.map(({ resourceName, ...g }) => view(deps, g, resourceName)));
}
