/** Applications, the window, tasks and tracking: `/api/cases`, `/api/tasks`, `/api/track`. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import QRCode from 'qrcode';
import { requireRoles } from '../../platform/http/auth.js';
import { invalid, unauthorized } from '../../platform/errors.js';
import { WellFormedRegionCode } from '../../platform/validators/index.js';
import { findActiveStaff, personName } from '../identity/index.js';
import type { CasesDeps } from './cases.deps.js';
import { submitApplication, submitBundle } from './handling/submit.service.js';
import { fileForResident } from './handling/walk-in.service.js';
import {
  acceptCase,
  refuseToAccept,
  requestSupplement,
  supplementCase,
  withdrawCase,
} from './handling/window.service.js';
import { approveTask, refuseTask, resumeCase, returnTask, suspendCase } from './handling/tasks.service.js';
import {
  addOpinion,
  claimTask,
  decideExtension,
  reassignTask,
  requestExtension,
} from './handling/task-work.service.js';
import { deleteDraft, getDraft, listDrafts, saveDraft } from './handling/drafts.service.js';
import { reusableMaterials } from './handling/reuse.service.js';
import { promiseMaterial, receivePaperMaterial, uploadMaterial } from './handling/materials.service.js';
import { listMaterials, readMaterialFile } from './handling/bag.service.js';
import { requireCounterMaterialsComplete } from './handling/completeness.js';
import { approveAnotherNotice } from './handling/supplement.js';
import { listOpenPromises } from './handling/promises.service.js';
import { getBundle, getCase, myCases, taskQueue, trackCase, windowQueue } from './handling/read.service.js';
import { definitionAsBpmn, readDefinition, saveBpmn, saveDefinition } from './process/definitions.admin.js';
import { ProcessDefinition } from '../../../../contracts/cases.js';

const tags = ['cases 审批服务'];
const Id = z.object({ id: z.uuid() });
const Text = (max: number) => z.string().trim().min(1).max(max);
const TaskStep = z.object({ version: z.number().int().min(1), opinion: Text(2000) });
const Status = z.enum([
  'waiting',
  'submitted',
  'awaiting_supplement',
  'in_progress',
  'suspended',
  'approved',
  'refused',
  'not_accepted',
  'withdrawn',
  'terminated',
]);
const Form = z
  .record(z.string().max(100), z.unknown())
  .refine((f) => JSON.stringify(f).length <= 64 * 1024, { message: '表单数据不能超过 64 KB form data over 64 KB' });

export const casesRoutes: FastifyPluginAsyncZod<{ deps: CasesDeps }> = async (app, { deps }) => {
  const window = requireRoles('window_clerk');
  const approvers = requireRoles('approver', 'department_head');

  app.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '提交申请 Submit an application (idempotent with the Idempotency-Key header)',
        headers: z.object({ 'idempotency-key': z.string().min(1).max(200) }),
        body: z.object({
          itemCode: z.string().regex(/^[0-9A-Z]{18,40}$/),
          form: Form,
          reuseConsent: z.boolean().default(false),
        }),
        response: {
          201: z.object({ caseId: z.uuid(), trackingCode: z.string(), status: Status }),
          200: z.object({ caseId: z.uuid(), trackingCode: z.string(), status: Status }),
        },
      },
    },
    async (request, reply) => {
      if (request.actor.kind !== 'person' || !request.actor.id)
        throw unauthorized('AUTH.REQUIRED', { zh: '请先登录再申报', en: 'Sign in to apply' });
      const name = request.actor.name ?? (await personName(deps.db, request.actor.id)) ?? '';
      const { created, ...result } = await submitApplication(
        deps,
        request.actor,
        request.body,
        request.headers['idempotency-key'],
        name,
      );
      return reply.code(created ? 201 : 200).send(result);
    },
  );

  const SatisfiedBy = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('license'), licenseId: z.uuid(), typeName: z.string(), number: z.string() }),
    z.object({ kind: z.literal('shared'), resource: z.string(), resourceName: z.string() }),
    z.object({ kind: z.literal('form') }),
  ]);
  app.get(
    '/api/applications/:itemCode/materials',
    {
      schema: {
        tags,
        summary:
          '免提交 Which materials of an item the platform already holds for the signed-in applicant (licences, shared data)',
        params: z.object({ itemCode: z.string().regex(/^[0-9A-Z]{18,40}$/) }),
        response: {
          200: z.object({
            materials: z.array(
              z.object({
                index: z.number().int(),
                name: z.string(),
                necessity: z.enum(['required', 'optional', 'deferrable']),
                satisfiedBy: SatisfiedBy.nullable(),
              }),
            ),
            saved: z.object({ materials: z.number().int(), visits: z.number().int() }),
            consentRequired: z.boolean(),
          }),
        },
      },
    },
    async (request) => reusableMaterials(deps, request.actor, request.params.itemCode),
  );

  const BundleCases = z.array(
    z.object({ caseId: z.uuid(), itemCode: z.string(), itemName: z.string(), status: Status }),
  );
  app.post(
    '/api/bundles',
    {
      schema: {
        tags,
        summary: '一件事申报 Apply for a theme: one application, the linked cases of its items',
        headers: z.object({ 'idempotency-key': z.string().min(1).max(200) }),
        body: z.object({
          theme: z.string().min(1).max(100),
          region: WellFormedRegionCode,
          form: Form,
          include: z.array(z.string().max(12)).max(50).default([]),
        }),
        response: {
          201: z.object({ bundleId: z.uuid(), trackingCode: z.string(), cases: BundleCases }),
          200: z.object({ bundleId: z.uuid(), trackingCode: z.string(), cases: BundleCases }),
        },
      },
    },
    async (request, reply) => {
      if (request.actor.kind !== 'person' || !request.actor.id)
        throw unauthorized('AUTH.REQUIRED', { zh: '请先登录再申报', en: 'Sign in to apply' });
      const name = request.actor.name ?? (await personName(deps.db, request.actor.id)) ?? '';
      const { created, ...result } = await submitBundle(
        deps,
        request.actor,
        request.body,
        request.headers['idempotency-key'],
        name,
      );
      return reply.code(created ? 201 : 200).send(result);
    },
  );

  const MaterialParams = z.object({ id: z.uuid(), index: z.coerce.number().int().min(0).max(200) });
  // Uploads: the file is the body (PDF, JPEG, PNG, OFD), up to UPLOAD_MAX_BYTES; what it is is read from its bytes.
  await app.register(async (files) => {
    files.removeAllContentTypeParsers();
    files.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: deps.uploadMaxBytes }, (_request, body, done) =>
      done(null, body),
    );
    files.put(
      '/api/cases/:id/materials/:index',
      {
        schema: {
          tags,
          summary:
            '上传材料 Upload or replace the file for a material of the guide (申办一袋): before acceptance, while awaiting 补正, or for an open 容缺 promise until its due date',
          params: MaterialParams,
        },
      },
      async (request, reply) => {
        const { id, index } = request.params as z.infer<typeof MaterialParams>;
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return reply
          .code(201)
          .send(await uploadMaterial(deps, request.actor, id, index, body, request.headers['content-type']));
      },
    );
  });

  app.post(
    '/api/cases/:id/materials/:index/promise',
    {
      schema: {
        tags,
        summary: '容缺承诺 Promise to bring a non-essential material later',
        params: MaterialParams,
        body: z.object({ promise: Text(1000) }),
        response: { 201: z.object({ materialId: z.uuid() }) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await promiseMaterial(deps, request.actor, request.params.id, request.params.index, request.body.promise),
        ),
  );

  app.post(
    '/api/cases/:id/materials/:index/received',
    {
      preHandler: window,
      schema: {
        tags,
        summary: '窗口收件 The window received the paper original of a material at the counter',
        params: MaterialParams,
        body: z.object({ note: z.string().trim().max(500).default('') }),
        response: { 201: z.object({ materialId: z.uuid() }) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await receivePaperMaterial(deps, request.actor, request.params.id, request.params.index, request.body.note),
        ),
  );

  app.post(
    '/api/cases/:id/another-notice',
    {
      preHandler: requireRoles('department_head'),
      schema: {
        tags,
        summary: '批准再次告知 A department head approves one more 一次性告知, with a reason',
        params: Id,
        body: z.object({ reason: Text(1000) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await approveAnotherNotice(deps, request.actor, request.params.id, request.body.reason);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/promises',
    {
      preHandler: approvers,
      schema: {
        tags,
        summary:
          '容缺待补 Open 容缺 promises of accepted cases in scope (overdue=true: only those past their due date)',
        querystring: z.object({
          overdue: z
            .enum(['true', 'false'])
            .default('false')
            .transform((v) => v === 'true'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                caseId: z.uuid(),
                trackingCode: z.string(),
                itemName: z.string(),
                applicantName: z.string(),
                materialIndex: z.number().int(),
                name: z.string(),
                promise: z.string().nullable(),
                dueOn: z.string(),
                overdue: z.boolean(),
                remainingWorkingDays: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await listOpenPromises(deps, request.actor, request.query) }),
  );

  app.get(
    '/api/cases/:id/materials',
    { schema: { tags, summary: '申办一袋 The materials of a case and what is still missing', params: Id } },
    async (request) => listMaterials(deps, request.actor, request.params.id),
  );

  app.get(
    '/api/cases/:id/materials/:materialId/file',
    {
      schema: {
        tags,
        summary: '材料文件 A material’s file (staff reads are audited)',
        params: z.object({ id: z.uuid(), materialId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const file = await readMaterialFile(deps, request.actor, request.params.id, request.params.materialId, {
        ip: request.ip,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );

  const ItemCodeParam = z.object({ itemCode: z.string().regex(/^[0-9A-Z]{18,40}$/) });
  app.get(
    '/api/drafts',
    {
      schema: {
        tags,
        summary: '我的草稿 My drafts',
        response: { 200: z.object({ drafts: z.array(z.object({ itemCode: z.string(), updatedAt: z.date() })) }) },
      },
    },
    async (request) => ({ drafts: await listDrafts(deps, request.actor) }),
  );
  app.get(
    '/api/drafts/:itemCode',
    { schema: { tags, summary: '草稿 A draft', params: ItemCodeParam } },
    async (request) => getDraft(deps, request.actor, request.params.itemCode),
  );
  app.put(
    '/api/drafts/:itemCode',
    {
      schema: {
        tags,
        summary: '保存草稿 Save a draft (not validated; submitting removes it)',
        params: ItemCodeParam,
        body: z.object({ form: Form }),
        response: { 200: z.object({ updatedAt: z.date() }) },
      },
    },
    async (request) => saveDraft(deps, request.actor, request.params.itemCode, request.body.form),
  );
  app.delete(
    '/api/drafts/:itemCode',
    { schema: { tags, summary: '删除草稿 Delete a draft', params: ItemCodeParam, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteDraft(deps, request.actor, request.params.itemCode);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/bundles/:id',
    { schema: { tags, summary: '一件事进度 One combined progress of a theme application', params: Id } },
    async (request) => getBundle(deps, request.actor, request.params.id),
  );

  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '我的办件 My cases (or my enterprise’s while acting for it)',
        response: {
          200: z.object({
            cases: z.array(
              z.object({
                id: z.uuid(),
                trackingCode: z.string(),
                itemName: z.string(),
                status: Status,
                submittedAt: z.date(),
                dueOn: z.string().nullable(),
                decidedAt: z.date().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      if (request.actor.kind !== 'person')
        throw unauthorized('AUTH.REQUIRED', { zh: '请先登录', en: 'Sign-in required' });
      return { cases: await myCases(deps, request.actor) };
    },
  );

  app.post(
    '/api/window/applications',
    {
      preHandler: window,
      schema: {
        tags,
        summary: '窗口代录 File an application for a walk-in resident (and accept it at once)',
        headers: z.object({ 'idempotency-key': z.string().min(1).max(200) }),
        body: z.object({
          idNumber: z
            .string()
            .trim()
            .regex(/^\d{17}[\dXx]$/),
          name: Text(50),
          itemCode: z.string().regex(/^[0-9A-Z]{18,40}$/),
          form: Form,
          acceptNow: z.boolean().default(true),
          /** Materials (by index in the guide) whose paper originals the window received at the counter. */
          received: z.array(z.number().int().min(0).max(200)).max(200).default([]),
        }),
        response: {
          201: z.object({ caseId: z.uuid(), trackingCode: z.string(), status: Status }),
          200: z.object({ caseId: z.uuid(), trackingCode: z.string(), status: Status }),
        },
      },
    },
    async (request, reply) => {
      const { created, ...result } = await fileForResident(
        deps,
        request.actor,
        request.body,
        request.headers['idempotency-key'],
        { ip: request.ip },
      );
      return reply.code(created ? 201 : 200).send(result);
    },
  );

  app.get(
    '/api/cases/:id',
    { schema: { tags, summary: '办件详情 A case with its tasks, history and days left', params: Id } },
    async (request) => getCase(deps, request.actor, request.params.id, { ip: request.ip }),
  );

  app.post(
    '/api/cases/:id/accept',
    {
      preHandler: window,
      schema: {
        tags,
        summary: '受理 Accept (window)',
        params: Id,
        body: z.object({ note: z.string().max(1000).default('') }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await acceptCase(deps, request.actor, request.params.id, request.body.note);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/reject',
    {
      preHandler: window,
      schema: {
        tags,
        summary: '不予受理 Refuse to accept, with the legal basis',
        params: Id,
        body: z.object({ legalBasis: Text(500), explanation: Text(2000) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await refuseToAccept(deps, request.actor, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/request-supplement',
    {
      preHandler: window,
      schema: {
        tags,
        summary: '一次性告知补正 Ask once for everything missing',
        params: Id,
        body: z.object({ items: z.array(Text(200)).min(1).max(50), note: z.string().max(2000).default('') }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await requestSupplement(deps, request.actor, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/supplement',
    {
      schema: {
        tags,
        summary: '补正 Supplement (applicant)',
        params: Id,
        body: z.object({ form: Form.optional(), note: z.string().max(2000).default('') }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await supplementCase(deps, request.actor, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回 Withdraw (applicant)',
        params: Id,
        body: z.object({ reason: z.string().max(1000).default('') }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await withdrawCase(deps, request.actor, request.params.id, request.body.reason);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/resume',
    {
      preHandler: approvers,
      schema: {
        tags,
        summary: '结束特别程序 Resume after a special procedure',
        params: Id,
        response: { 200: z.object({ dueOn: z.string() }) },
      },
    },
    async (request) => resumeCase(deps, request.actor, request.params.id),
  );

  app.get(
    '/api/tasks',
    {
      preHandler: requireRoles('window_clerk', 'approver', 'department_head'),
      schema: {
        tags,
        summary: '工作台队列 My queue: open tasks (queue=tasks) or the window (queue=window), most urgent first',
        querystring: z.object({
          queue: z.enum(['tasks', 'window']).default('tasks'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (request) => ({
      items:
        request.query.queue === 'window'
          ? await windowQueue(deps, request.actor, request.query)
          : await taskQueue(deps, request.actor, request.query),
    }),
  );

  app.post(
    '/api/tasks/:id/approve',
    {
      preHandler: approvers,
      schema: { tags, summary: '同意 Approve the task', params: Id, body: TaskStep, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await approveTask(deps, request.actor, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/tasks/:id/return',
    {
      preHandler: approvers,
      schema: {
        tags,
        summary: '退回 Return the case to the previous stage',
        params: Id,
        body: TaskStep,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await returnTask(deps, request.actor, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/tasks/:id/refuse',
    {
      preHandler: approvers,
      schema: {
        tags,
        summary: '不予许可 Refuse, with the legal basis',
        params: Id,
        body: TaskStep.extend({ legalBasis: Text(500) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await refuseTask(deps, request.actor, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/tasks/:id/suspend',
    {
      preHandler: approvers,
      schema: {
        tags,
        summary: '特别程序 Suspend for a hearing, expert review, inspection or public notice (the clock stops)',
        params: Id,
        body: z.object({
          version: z.number().int().min(1),
          kind: z.enum(['hearing', 'expert_review', 'inspection', 'public_notice', 'other']),
          reason: Text(1000),
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await suspendCase(deps, request.actor, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/tasks/:id/claim',
    {
      preHandler: approvers,
      schema: {
        tags,
        summary: '认领 Claim the task',
        params: Id,
        body: z.object({ version: z.number().int().min(1) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await claimTask(deps, request.actor, request.params.id, request.body.version);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/tasks/:id/reassign',
    {
      preHandler: requireRoles('department_head'),
      schema: {
        tags,
        summary: '转办 Give the task to a colleague (department head)',
        params: Id,
        body: z.object({
          version: z.number().int().min(1),
          assigneeId: z.uuid(),
          note: z.string().max(1000).default(''),
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await reassignTask(deps, request.actor, request.params.id, request.body, (id) => findActiveStaff(deps.db, id));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/tasks/:id/opinions',
    {
      preHandler: approvers,
      schema: {
        tags,
        summary: '办理意见 Add an opinion',
        params: Id,
        body: z.object({ text: Text(2000) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await addOpinion(deps, request.actor, request.params.id, request.body.text);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/tasks/:id/extend',
    {
      preHandler: approvers,
      schema: {
        tags,
        summary: '申请延期 Ask for more working days (a department head decides; at most 10)',
        params: Id,
        body: z.object({ days: z.number().int().min(1).max(30), reason: Text(1000) }),
        response: { 201: z.object({ extensionId: z.uuid() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await requestExtension(deps, request.actor, request.params.id, request.body)),
  );

  app.post(
    '/api/extensions/:id/approve',
    {
      preHandler: requireRoles('department_head'),
      schema: {
        tags,
        summary: '批准延期 Approve an extension (due dates move)',
        params: Id,
        response: { 200: z.object({ dueOn: z.string().nullable() }) },
      },
    },
    async (request) => decideExtension(deps, request.actor, request.params.id, true),
  );

  app.post(
    '/api/extensions/:id/refuse',
    {
      preHandler: requireRoles('department_head'),
      schema: {
        tags,
        summary: '不批准延期 Refuse an extension',
        params: Id,
        response: { 200: z.object({ dueOn: z.string().nullable() }) },
      },
    },
    async (request) => decideExtension(deps, request.actor, request.params.id, false),
  );

  app.get(
    '/api/track/:code',
    {
      schema: {
        tags,
        summary: '全程一码 Progress by tracking code (no personal data; the case id for its applicant)',
        params: z.object({ code: z.string().max(20) }),
      },
    },
    async (request) => trackCase(deps, request.actor, request.params.code),
  );

  app.get(
    '/api/track/:code/qr.svg',
    {
      schema: {
        tags,
        summary: '办件二维码 QR code of the tracking page',
        params: z.object({ code: z.string().max(20) }),
      },
    },
    async (request, reply) => {
      const { trackingCode } = await trackCase(deps, request.actor, request.params.code);
      if (!trackingCode) throw invalid('CASES.BAD_CODE', { zh: '编码无效', en: 'Invalid code' });
      const svg = await QRCode.toString(`${deps.publicUrl}/track/${trackingCode}`, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 1,
      });
      return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(svg);
    },
  );

  const ItemCode = z.object({ itemCode: z.string().regex(/^[0-9A-Z]{18,40}$/) });
  const catalogAdmin = requireRoles('catalog_admin');

  app.get(
    '/api/admin/cases/definitions/:itemCode',
    {
      preHandler: catalogAdmin,
      schema: {
        tags,
        summary: '流程定义 The active process of an item (a default one when none is modelled)',
        params: ItemCode,
      },
    },
    async (request) => readDefinition(deps, request.params.itemCode),
  );

  app.put(
    '/api/admin/cases/definitions/:itemCode',
    {
      preHandler: catalogAdmin,
      schema: {
        tags,
        summary: '保存流程定义 Save a new version and make it active (every problem listed as 422)',
        params: ItemCode,
        body: ProcessDefinition,
        response: { 200: z.object({ version: z.number() }) },
      },
    },
    async (request) => saveDefinition(deps, request.actor, request.params.itemCode, request.body),
  );

  app.get(
    '/api/admin/cases/definitions/:itemCode/bpmn',
    { preHandler: catalogAdmin, schema: { tags, summary: '导出 BPMN 2.0 Export as BPMN 2.0 XML', params: ItemCode } },
    async (request, reply) =>
      reply.type('application/xml; charset=utf-8').send(await definitionAsBpmn(deps, request.params.itemCode)),
  );

  await app.register(async (xml) => {
    xml.addContentTypeParser(
      ['application/xml', 'text/xml', 'application/bpmn+xml'],
      { parseAs: 'string', bodyLimit: 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );
    xml.put(
      '/api/admin/cases/definitions/:itemCode/bpmn',
      {
        preHandler: catalogAdmin,
        schema: {
          tags,
          summary: '导入 BPMN 2.0 Import BPMN 2.0 XML (the supported subset) as a new version',
          params: ItemCode,
          response: { 200: z.object({ version: z.number() }) },
        },
      },
      async (request) =>
        saveBpmn(deps, request.actor, (request.params as { itemCode: string }).itemCode, String(request.body)),
    );
  });
};
