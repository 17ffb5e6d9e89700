/** Staff and role administration, the window's look-up of residents, and the audit chain: `/api/admin/*`. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdNumberText, StaffInput, StaffRoles } from '../../../../contracts/identity.js';
import {
  PersonForStaffPage,
  StaffCreated,
  StaffIdNumberRecorded,
  StaffList,
  StaffRolesChanged,
} from '../../../../contracts/identity-api.js';
import { AuditChainCheck, AuditLog, AuditQuery } from '../../../../contracts/audit.js';
import { NoContent } from '../../../../contracts/http.js';
import { requireRoles } from '../../platform/http/auth.js';
import { verifyAuditChain } from '../../platform/audit/index.js';
import type { IdentityDeps } from './identity.deps.js';
import { metaOf } from './auth.routes.js';
import { auditLog } from './staff/audit-log.service.js';
import {
  changeStaffRoles,
  createStaffAccount,
  findPersonForStaff,
  listStaff,
  setStaffActive,
  verifyInPerson,
} from './staff/staff-admin.service.js';
import { recordStaffIdNumber } from './staff/staff-id-number.service.js';

const tags = ['identity-admin 人员与审计'];
const security = [{ bearer: [] }];
const Reason = z.string().trim().min(2).max(200);

export const adminRoutes: FastifyPluginAsyncZod<{ deps: IdentityDeps }> = async (app, { deps }) => {
  const systemAdmin = requireRoles('system_admin');
  const caseStaff = requireRoles('window_clerk', 'approver', 'department_head', 'supervisor');
  const auditors = requireRoles('system_admin', 'supervisor');

  app.get(
    '/api/admin/staff',
    {
      preHandler: systemAdmin,
      schema: {
        tags,
        security,
        summary: '人员列表 Staff in my region',
        response: { 200: StaffList },
      },
    },
    async (request) => ({
      staff: await listStaff(deps, request.actor),
    }),
  );

  app.post(
    '/api/admin/staff',
    {
      preHandler: systemAdmin,
      schema: {
        tags,
        security,
        summary: '新增人员 Create a staff member (administrative roles get a TOTP secret, shown once)',
        body: StaffInput,
        response: { 201: StaffCreated },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createStaffAccount(deps, request.actor, request.body, metaOf(request))),
  );

  app.put(
    '/api/admin/staff/:id/roles',
    {
      preHandler: systemAdmin,
      schema: {
        tags,
        security,
        summary: '调整角色与数据范围 Change roles, region and departments',
        params: z.object({ id: z.uuid() }),
        body: StaffRoles,
        response: { 200: StaffRolesChanged },
      },
    },
    async (request) => changeStaffRoles(deps, request.actor, request.params.id, request.body, metaOf(request)),
  );

  app.put(
    '/api/admin/staff/:id/active',
    {
      preHandler: systemAdmin,
      schema: {
        tags,
        security,
        summary: '停用或恢复人员 Deactivate (ends sessions and API tokens) or restore a staff member',
        params: z.object({ id: z.uuid() }),
        body: z.object({ active: z.boolean(), reason: Reason }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await setStaffActive(deps, request.actor, request.params.id, request.body, metaOf(request));
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/admin/staff/:id/id-number',
    {
      preHandler: systemAdmin,
      schema: {
        tags,
        security,
        summary: '登记工作人员身份证号 Record a staff member’s ID number (亲属回避; answered masked, audited)',
        description:
          'A wrong check digit answers 400 IDENTITY.BAD_ID_NUMBER. The number is kept encrypted with a blind index; `inRegistry` says whether the population registry knows it (the relatives rule needs the record).',
        params: z.object({ id: z.uuid() }),
        body: z.object({ idNumber: IdNumberText }),
        response: { 200: StaffIdNumberRecorded },
      },
    },
    async (request) => recordStaffIdNumber(deps, request.actor, request.params.id, request.body, metaOf(request)),
  );

  app.get(
    '/api/admin/persons',
    {
      preHandler: caseStaff,
      schema: {
        tags,
        security,
        summary: '按证件号码查找本辖区用户 Find a resident of my region by ID number (audited, with a reason)',
        querystring: z.object({
          idNumber: z
            .string()
            .trim()
            .regex(/^\d{17}[\dXx]$/),
          reason: Reason,
        }),
        response: { 200: PersonForStaffPage },
      },
    },
    async (request) =>
      findPersonForStaff(
        deps,
        request.actor,
        { idNumber: request.query.idNumber },
        request.query.reason,
        metaOf(request),
      ),
  );

  app.get(
    '/api/admin/persons/:id',
    {
      preHandler: caseStaff,
      schema: {
        tags,
        security,
        summary: '查看本辖区用户 A resident of my region (audited)',
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ reason: Reason }),
        response: { 200: PersonForStaffPage },
      },
    },
    async (request) =>
      findPersonForStaff(deps, request.actor, { id: request.params.id }, request.query.reason, metaOf(request)),
  );

  app.post(
    '/api/admin/persons/:id/verify-in-person',
    {
      preHandler: requireRoles('window_clerk'),
      schema: {
        tags,
        security,
        summary: '现场核验（实名三级） Verified in person at the window: level 3',
        params: z.object({ id: z.uuid() }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await verifyInPerson(deps, request.actor, request.params.id, metaOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/admin/audit',
    {
      preHandler: auditors,
      schema: {
        tags,
        security,
        summary: '审计日志 Audit log, newest first',
        querystring: AuditQuery,
        response: { 200: AuditLog },
      },
    },
    async (request) => auditLog(deps, request.actor, request.query),
  );

  app.get(
    '/api/admin/audit/verify',
    {
      preHandler: auditors,
      schema: {
        tags,
        security,
        summary: '校验审计链 Verify the audit hash chain',
        response: { 200: AuditChainCheck },
      },
    },
    async () => verifyAuditChain(deps.db, deps.auditKey),
  );
};
