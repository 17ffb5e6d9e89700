/** Staff and role administration, the window's look-up of residents, and the audit chain: `/api/admin/*`. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PersonForStaff, StaffInput, StaffRoles, StaffSummary } from '../../../../contracts/identity.js';
import { requireRoles } from '../../platform/http/auth.js';
import { listAudit, verifyAuditChain } from '../../platform/audit/index.js';
import type { IdentityDeps } from './identity.deps.js';
import { metaOf } from './auth.routes.js';
import { staffNames } from './staff/staff-names.js';
import {
  changeStaffRoles,
  createStaffAccount,
  findPersonForStaff,
  listStaff,
  setStaffActive,
  verifyInPerson,
} from './staff/staff-admin.service.js';

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
        response: { 200: z.object({ staff: z.array(StaffSummary) }) },
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
        response: { 201: z.object({ id: z.uuid(), totpUri: z.string().nullable() }) },
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
        response: { 200: z.object({ totpUri: z.string().nullable() }) },
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
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await setStaffActive(deps, request.actor, request.params.id, request.body, metaOf(request));
      return reply.code(204).send(null);
    },
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
        response: { 200: PersonForStaff },
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
        response: { 200: PersonForStaff },
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
        response: { 204: z.null() },
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
        querystring: z.object({
          actorId: z.string().max(64).optional(),
          targetId: z.string().max(64).optional(),
          action: z.string().max(64).optional(),
          beforeSeq: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            entries: z.array(
              z.object({
                seq: z.coerce.number(),
                at: z.date(),
                actorId: z.string().nullable(),
                actorKind: z.string(),
                onBehalfOf: z.string().nullable(),
                action: z.string(),
                targetType: z.string().nullable(),
                targetId: z.string().nullable(),
                ip: z.string().nullable(),
                reason: z.string().nullable(),
                /** The display name of a staff actor, and of a staff target: people, not ids, on screens. */
                actorName: z.string().nullable(),
                targetName: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const entries = await listAudit(deps.db, request.query);
      const names = await staffNames(
        deps.db,
        entries.flatMap((e) => [
          e.actorKind === 'staff' ? e.actorId : null,
          e.targetType === 'staff' ? e.targetId : null,
        ]),
      );
      const nameOf = (kind: string | null, id: string | null) =>
        kind === 'staff' && id ? (names.get(id) ?? null) : null;
      return {
        entries: entries.map((e) => ({
          ...e,
          actorName: nameOf(e.actorKind, e.actorId),
          targetName: nameOf(e.targetType, e.targetId),
        })),
      };
    },
  );

  app.get(
    '/api/admin/audit/verify',
    {
      preHandler: auditors,
      schema: {
        tags,
        security,
        summary: '校验审计链 Verify the audit hash chain',
        response: {
          200: z.object({
            ok: z.boolean(),
            entries: z.number(),
            head: z.string().optional(),
            firstBadSeq: z.number().optional(),
            problem: z.string().optional(),
          }),
        },
      },
    },
    async () => verifyAuditChain(deps.db, deps.auditKey),
  );
};
