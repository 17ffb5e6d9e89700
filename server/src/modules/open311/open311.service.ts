/**
 * Open311 GeoReport v2 over 投诉举报: two services (投诉 complaint, 建议 suggestion) whose one
 * attribute is the department that must answer; requests filed by registered API clients; their
 * public status (open until the department answers, then closed) without anything a person wrote.
 */
import { listDepartments } from '../catalog/index.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { fileClientComplaint, publicComplaintStatus, type SupervisionDeps } from '../supervision/index.js';
import { oq } from './open311.tables.js';

export interface Open311Deps {
  supervision: SupervisionDeps;
  /** The registered client behind an api_key (an OAuth client-credentials access token). */
  verifyClient: (apiKey: string) => Promise<{ clientId: string } | undefined>;
}

export const SERVICES = [
  {
    service_code: 'complaint',
    service_name: '投诉 Complaint',
    description: '对政务服务的投诉：办事不顺、态度、超期等 · A complaint about a government service',
    keywords: '投诉,complaint,12345',
  },
  {
    service_code: 'suggestion',
    service_name: '建议 Suggestion',
    description: '对政务服务的意见建议 · A suggestion to improve a government service',
    keywords: '建议,suggestion',
  },
] as const;
export type ServiceCode = (typeof SERVICES)[number]['service_code'];

export const listServices = () =>
  SERVICES.map((s) => ({ ...s, metadata: true, type: 'realtime' as const, group: '投诉举报' }));

const noService = () => notFound('OPEN311.NO_SERVICE', { zh: '没有这项服务', en: 'No such service_code' });

export async function serviceDefinition(deps: Open311Deps, code: string) {
  if (!SERVICES.some((s) => s.service_code === code)) throw noService();
  const departments = await listDepartments(deps.supervision.db);
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: 'department',
        datatype: 'singlevaluelist' as const,
        required: true,
        datatype_description: '受理部门 The department that must answer',
        order: 1,
        description: '受理部门 Department',
        values: departments.map((d) => ({ key: d.key, name: d.name })),
      },
    ],
  };
}

export interface NewRequest {
  apiKey: string;
  serviceCode: string;
  department: string;
  description: string;
  lat?: number;
  long?: number;
  address?: string;
}

export async function fileRequest(deps: Open311Deps, input: NewRequest) {
  const client = await deps.verifyClient(input.apiKey);
  if (!client)
    throw forbidden('OPEN311.BAD_API_KEY', {
      zh: 'api_key 无效或已过期',
      en: 'The api_key is not valid (an access token of a registered client)',
    });
  const service = SERVICES.find((s) => s.service_code === input.serviceCode);
  if (!service) throw noService();
  const subject = input.description.replace(/\s+/g, ' ').slice(0, 40);
  const filed = await fileClientComplaint(
    deps.supervision,
    client.clientId,
    { kind: service.service_code, subject, content: input.description, departmentKey: input.department },
    async (trx, complaint) => {
      await oq(trx)
        .insertInto('open311.request')
        .values({
          complaintId: complaint.id,
          reference: complaint.reference,
          clientId: client.clientId,
          serviceCode: service.service_code,
          lat: input.lat ?? null,
          long: input.long ?? null,
          address: input.address ?? null,
          requestedAt: deps.supervision.now(),
        })
        .execute();
    },
  );
  return {
    service_request_id: filed.reference,
    service_notice: `将于 ${filed.dueOn} 前答复 · An answer is due by ${filed.dueOn}`,
  };
}

export interface RequestQuery {
  ids?: string[];
  serviceCode?: string;
  status?: 'open' | 'closed';
  start?: Date;
  end?: Date;
}

/** Requests filed through Open311 with their public status, newest first (at most 200; 90 days by default). */
export async function listRequests(deps: Open311Deps, q: RequestQuery) {
  const db = deps.supervision.db;
  let rows = oq(db).selectFrom('open311.request').selectAll();
  if (q.ids) rows = rows.where('reference', 'in', q.ids.length ? q.ids : ['-']);
  else {
    const end = q.end ?? deps.supervision.now();
    rows = rows
      .where('requestedAt', '>=', q.start ?? new Date(end.getTime() - 90 * 86_400_000))
      .where('requestedAt', '<=', end);
  }
  if (q.serviceCode) rows = rows.where('serviceCode', '=', q.serviceCode);
  const requests = await rows.orderBy('requestedAt', 'desc').limit(200).execute();
  const statuses = new Map(
    (
      await publicComplaintStatus(
        db,
        requests.map((r) => r.complaintId),
      )
    ).map((s) => [s.id, s]),
  );
  return requests.flatMap((r) => {
    const s = statuses.get(r.complaintId);
    if (!s) return [];
    const status = s.status === 'open' ? ('open' as const) : ('closed' as const);
    if (q.status && q.status !== status) return [];
    const service = SERVICES.find((x) => x.service_code === r.serviceCode)!;
    return [
      {
        service_request_id: r.reference,
        status,
        status_notes: status === 'open' ? '办理中 In progress' : '部门已答复 Answered by the department',
        service_name: service.service_name,
        service_code: r.serviceCode,
        agency_responsible: s.departmentName,
        requested_datetime: new Date(r.requestedAt).toISOString(),
        updated_datetime: new Date(s.updatedAt).toISOString(),
        expected_datetime: `${s.dueOn}T23:59:59+08:00`,
        address: r.address,
        lat: r.lat,
        long: r.long,
      },
    ];
  });
}

export async function getRequest(deps: Open311Deps, id: string) {
  const [found] = await listRequests(deps, { ids: [id] });
  if (!found) throw notFound('OPEN311.NO_REQUEST', { zh: '没有这个请求', en: 'No such service request' });
  return [found];
}
