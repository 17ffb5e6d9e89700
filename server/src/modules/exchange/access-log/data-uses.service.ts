/**
 * 查询我的数据被谁使用: a resident's view of the access log — which department read which of their
 * data items, when, why and under which grant; while acting for an enterprise, its uses too.
 * Departments and systems are named in full; officers by a masked name.
 */
import type { Actor } from '../../../platform/context.js';
import { unauthorized } from '../../../platform/errors.js';
import { maskName } from '../../../platform/privacy/index.js';
import type { ExchangeDeps } from '../exchange.deps.js';
import { sq } from '../exchange.tables.js';
import { PREFILL_FIELD_NAMES } from '../prefill/prefill-keys.js';

export interface DataUse {
  at: Date;
  subject: 'person' | 'enterprise';
  department: string;
  /** A masked officer's name (张*), or the name of the department system that asked. */
  officer: string;
  /** A member of staff, a department system, or the person themselves by consent (预填). */
  via: 'staff' | 'system' | 'person';
  purpose: string;
  resource: { code: string; name: string };
  fields: { key: string; name: string }[];
  legalBasis: string | null;
}

export async function listDataUses(
  deps: ExchangeDeps,
  actor: Actor,
  opts: { limit: number; before?: Date | undefined },
): Promise<DataUse[]> {
  if (actor.kind !== 'person' || !actor.id)
    throw unauthorized('AUTH.REQUIRED', { zh: '请先登录', en: 'Sign-in required' });
  const registryId = await deps.identity.registryPersonOf(actor.id);
  const subjects: { kind: 'person' | 'enterprise'; key: string }[] = [];
  if (registryId) subjects.push({ kind: 'person', key: registryId });
  if (actor.actingFor) subjects.push({ kind: 'enterprise', key: actor.actingFor.creditCode });
  if (subjects.length === 0) return [];

  let q = sq(deps.db)
    .selectFrom('exchange.accessLog as l')
    .leftJoin('exchange.resource as r', 'r.code', 'l.resourceCode')
    .leftJoin('exchange.sharingGrant as g', 'g.id', 'l.grantId')
    .leftJoin('exchange.client as c', 'c.clientId', 'l.clientId')
    .select([
      'l.at',
      'l.subjectKind',
      'l.consumerDepartmentId',
      'l.officerId',
      'l.officerKind',
      'l.purpose',
      'l.resourceCode',
      'l.fields',
      'r.name as resourceName',
      'r.fields as resourceFields',
      'g.legalBasis',
      'c.name as clientName',
    ])
    .where((eb) =>
      eb.or(subjects.map((s) => eb.and([eb('l.subjectKind', '=', s.kind), eb('l.subjectKey', '=', s.key)]))),
    );
  if (opts.before) q = q.where('l.at', '<', opts.before);
  const rows = await q.orderBy('l.at', 'desc').limit(opts.limit).execute();

  const departments = await deps.departments.names([...new Set(rows.map((r) => r.consumerDepartmentId))]);
  const staff = await deps.identity.staffNames([
    ...new Set(rows.filter((r) => r.officerKind === 'staff').map((r) => r.officerId)),
  ]);
  return rows.map((r) => {
    const names = new Map(
      (
        (typeof r.resourceFields === 'string' ? JSON.parse(r.resourceFields) : r.resourceFields) as
          | { key: string; name: string }[]
          | null
      )?.map((f) => [f.key, f.name]) ?? [],
    );
    return {
      at: r.at,
      subject: r.subjectKind,
      department: departments.get(r.consumerDepartmentId) ?? '',
      officer:
        r.officerKind === 'staff'
          ? maskName(staff.get(r.officerId) ?? '工作人员')
          : r.officerKind === 'person'
            ? '本人授权'
            : (r.clientName ?? '部门业务系统'),
      via: r.officerKind === 'staff' ? 'staff' : r.officerKind === 'person' ? 'person' : 'system',
      purpose: r.purpose,
      resource: {
        code: r.resourceCode,
        name: r.resourceName ?? LIFE_EVENT_RESOURCES[r.resourceCode] ?? r.resourceCode,
      },
      fields: r.fields.map((key) => ({ key, name: names.get(key) ?? PREFILL_FIELD_NAMES[key] ?? key })),
      legalBasis: r.legalBasis,
    };
  });
}

/** Names of the notices life events send (their access-log entries carry no catalogue resource). */
const LIFE_EVENT_RESOURCES: Record<string, string> = {
  'life_event.birth': '出生登记通知',
  'life_event.death': '死亡通知',
  'life_event.marriage': '结婚登记通知',
  'life_event.divorce': '离婚登记通知',
  'life_event.relocation': '迁居通知',
};
