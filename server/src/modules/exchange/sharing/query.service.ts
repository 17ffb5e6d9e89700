/**
 * The audited sharing query (共享调用): a member of staff, or a department system, reads data items
 * of one subject from a resource, within a grant, for a stated purpose. Refused with a stable
 * reason when any of these fails: a purpose, a grant of the caller's department, approved and
 * unexpired, of the right kind of subject, covering every item asked. An answered query is in the
 * access log before the answer leaves; the subject can see it (查询我的数据被谁使用).
 */
import type { Actor } from '../../../platform/context.js';
import { forbidden, invalid, notFound, unavailable } from '../../../platform/errors.js';
import { isWithinScope } from '../../../platform/scope.js';
import { maskIdNumber } from '../../../platform/privacy/index.js';
import type { ExchangeDeps } from '../exchange.deps.js';
import { requireStaff } from './access.js';
import { pickFields, selectFields } from './field-selection.js';
import { grantNotFound } from './grants.service.js';
import { GrantCache, type GrantForUse } from './grant-cache.js';
import { sq } from '../exchange.tables.js';
import { SOURCES, type Subject } from './sources.js';

/** Staff (by their data scope) or an external system (by the department it is registered for). */
export type QueryCaller = { kind: 'staff'; actor: Actor } | { kind: 'client'; clientId: string; departmentId: string };

export interface QueryInput {
  grantId: string;
  purpose?: string | undefined;
  subject: Subject;
  fields?: string[] | undefined;
}

export interface QueryAnswer {
  resource: { code: string; name: string };
  grantId: string;
  subject: { kind: 'person'; idNumber: string } | { kind: 'enterprise'; creditCode: string };
  fields: string[];
  record: Record<string, unknown>;
  accessedAt: Date;
}

export async function querySharedData(
  deps: ExchangeDeps,
  caller: QueryCaller,
  input: QueryInput,
): Promise<QueryAnswer> {
  const purpose = input.purpose?.trim();
  if (!purpose) {
    throw invalid('EXCHANGE.PURPOSE_REQUIRED', {
      zh: '调用共享数据须说明用途（如办件编号和事由）',
      en: 'A query must state its purpose (e.g. the case and why)',
    });
  }
  if (caller.kind === 'staff') requireStaff(caller.actor);
  const now = deps.now();
  // The grant comes from memory; the subject's read also reads the grant's live state, and a
  // difference (a decision on another node) starts again from the database.
  for (let attempt = 0; attempt < 3; attempt++) {
    const g = await deps.grants.find(input.grantId);
    if (!g) throw grantNotFound(input.grantId);
    const { resource, subjectKind, fields } = checkGrant(caller, g, input, now);
    const found = await SOURCES[resource.source](deps.db, deps.cipher, input.subject, fields, g.id);
    const live = found ? found.grant : await liveGrantState(deps, g.id);
    if (!GrantCache.current(g, live)) {
      deps.grants.evict(g.id);
      continue;
    }
    if (!found)
      throw notFound('EXCHANGE.SUBJECT_NOT_FOUND', {
        zh: '资源中没有该查询对象的记录',
        en: 'No record of this subject in the resource',
      });
    // Written (committed) before the answer leaves; a failure here answers the failure, not the data.
    await deps.chain.append({
      at: now,
      consumerDepartmentId: g.consumerDepartmentId,
      clientId: caller.kind === 'client' ? caller.clientId : null,
      officerId: caller.kind === 'client' ? caller.clientId : caller.actor.id!,
      officerKind: caller.kind === 'client' ? 'client' : 'staff',
      purpose,
      resourceCode: resource.code,
      grantId: g.id,
      subjectKind,
      subjectKey: found.subjectKey,
      fields,
    });
    return {
      resource: { code: resource.code, name: resource.name },
      grantId: g.id,
      subject:
        'idNumber' in input.subject
          ? { kind: 'person', idNumber: maskIdNumber(input.subject.idNumber) }
          : { kind: 'enterprise', creditCode: input.subject.creditCode },
      fields,
      record: pickFields(found.record, fields),
      accessedAt: now,
    };
  }
  throw unavailable('EXCHANGE.GRANT_CHANGING', {
    zh: '该共享授权正在变更，请稍后重试',
    en: 'The grant is being changed; try again shortly',
  });
}

/** The grant's status and end as the database holds them now (only when the subject was not found). */
async function liveGrantState(deps: ExchangeDeps, id: string) {
  return sq(deps.db)
    .selectFrom('exchange.sharingGrant')
    .select(['status', 'expiresAt'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Every check of the grant against the caller and the request; answers what to read. */
function checkGrant(caller: QueryCaller, g: GrantForUse, input: QueryInput, now: Date) {
  const grantee =
    caller.kind === 'client'
      ? caller.departmentId === g.consumerDepartmentId
      : isWithinScope(caller.actor, { regionCode: g.consumerRegionCode, departmentId: g.consumerDepartmentId });
  if (!grantee)
    throw forbidden('EXCHANGE.NOT_GRANTEE', {
      zh: '该共享授权不属于您的部门',
      en: 'This grant belongs to another department',
    });
  if (g.status !== 'approved') {
    const reasons = {
      pending: { zh: '该共享授权尚待资源提供部门审批', en: 'The grant awaits the owning department’s decision' },
      refused: { zh: '该共享授权已被资源提供部门拒绝', en: 'The owning department refused this grant' },
      revoked: { zh: '该共享授权已被撤销', en: 'This grant has been revoked' },
    } as const;
    throw forbidden(`EXCHANGE.GRANT_${g.status.toUpperCase()}`, reasons[g.status], [], { status: g.status });
  }
  if (g.expiresAt.getTime() <= now.getTime()) {
    throw forbidden(
      'EXCHANGE.GRANT_EXPIRED',
      { zh: '该共享授权已过期，请重新申请', en: 'The grant has expired; ask for a new one' },
      [],
      { expiredAt: g.expiresAt.toISOString() },
    );
  }
  const subjectKind = 'idNumber' in input.subject ? 'person' : 'enterprise';
  const resource = g.resource;
  if (subjectKind !== resource.subjectKind) {
    throw invalid(
      'EXCHANGE.WRONG_SUBJECT',
      resource.subjectKind === 'person'
        ? { zh: '该资源按公民身份号码查询', en: 'This resource is queried by ID number' }
        : { zh: '该资源按统一社会信用代码查询', en: 'This resource is queried by credit code' },
    );
  }
  const selection = selectFields(resource.fields, g.fields, input.fields);
  if (!selection.ok) {
    const list = selection.fields.join(', ');
    throw selection.problem === 'unknown'
      ? invalid(
          'EXCHANGE.UNKNOWN_FIELD',
          { zh: `资源中没有数据项：${selection.fields.join('、')}`, en: `No such data items: ${list}` },
          [],
          { fields: selection.fields },
        )
      : forbidden(
          'EXCHANGE.FIELD_NOT_GRANTED',
          { zh: `授权不包含数据项：${selection.fields.join('、')}`, en: `Not covered by the grant: ${list}` },
          [],
          { fields: selection.fields },
        );
  }
  const source = resource.source;
  if (!source) {
    throw unavailable(
      'EXCHANGE.NO_DATA_SOURCE',
      { zh: `“${resource.name}”尚未接入数据源`, en: 'No data source is connected for this resource yet' },
      [],
      { resourceCode: resource.code },
    );
  }
  return { resource: { ...resource, source }, subjectKind, fields: selection.fields } as const;
}
