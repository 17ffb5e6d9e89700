/**
 * 申办一袋: upload a material's file, promise one (容缺), the window receiving a paper original, the
 * bag with what is missing, a material's file, and the open 容缺 promises of the cases in scope.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { CaseIdParams } from '../../../../../contracts/case-steps.js';
import {
  MaterialFileParams,
  MaterialParams,
  MaterialRecorded,
  MaterialsBag,
  MaterialUploaded,
  OpenPromises,
  OpenPromisesQuery,
  PaperReceivedRequest,
  PromiseRequest,
} from '../../../../../contracts/case-materials.js';
import { FileBody } from '../../../../../contracts/http.js';
import { requireRoles } from '../../../platform/http/auth.js';
import type { CasesDeps } from '../cases.deps.js';
import { promiseMaterial, receivePaperMaterial, uploadMaterial } from './materials.service.js';
import { listMaterials, readMaterialFile } from './bag.service.js';
import { listOpenPromises } from './promises.service.js';

const tags = ['cases 审批服务'];

export const materialsRoutes: FastifyPluginAsyncZod<{ deps: CasesDeps }> = async (app, { deps }) => {
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
          response: { 201: MaterialUploaded },
        },
      },
      async (request, reply) => {
        const { id, index } = request.params as z.infer<typeof MaterialParams>;
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const declaredType = request.headers['content-type'];
        return reply
          .code(201)
          .send(await uploadMaterial(deps, request.actor, { caseId: id, index, bytes, declaredType }));
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
        body: PromiseRequest,
        response: { 201: MaterialRecorded },
      },
    },
    async (request, reply) => {
      const { id: caseId, index } = request.params;
      return reply
        .code(201)
        .send(await promiseMaterial(deps, request.actor, { caseId, index, promise: request.body.promise }));
    },
  );

  app.post(
    '/api/cases/:id/materials/:index/received',
    {
      preHandler: requireRoles('window_clerk'),
      schema: {
        tags,
        summary: '窗口收件 The window received the paper original of a material at the counter',
        params: MaterialParams,
        body: PaperReceivedRequest,
        response: { 201: MaterialRecorded },
      },
    },
    async (request, reply) => {
      const { id: caseId, index } = request.params;
      return reply
        .code(201)
        .send(await receivePaperMaterial(deps, request.actor, { caseId, index, note: request.body.note }));
    },
  );

  app.get(
    '/api/cases/:id/materials',
    {
      schema: {
        tags,
        summary: '申办一袋 The materials of a case and what is still missing',
        params: CaseIdParams,
        response: { 200: MaterialsBag },
      },
    },
    async (request) => listMaterials(deps, request.actor, request.params.id),
  );

  app.get(
    '/api/cases/:id/materials/:materialId/file',
    {
      schema: {
        tags,
        summary: '材料文件 A material’s file (staff reads are audited)',
        params: MaterialFileParams,
        response: { 200: FileBody },
      },
    },
    async (request, reply) => {
      const { id: caseId, materialId } = request.params;
      const file = await readMaterialFile(deps, request.actor, { caseId, materialId, meta: { ip: request.ip } });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );

  app.get(
    '/api/promises',
    {
      preHandler: requireRoles('approver', 'department_head'),
      schema: {
        tags,
        summary:
          '容缺待补 Open 容缺 promises of accepted cases in scope (overdue=true: only those past their due date)',
        querystring: OpenPromisesQuery,
        response: { 200: OpenPromises },
      },
    },
    async (request) => ({ items: await listOpenPromises(deps, request.actor, request.query) }),
  );
};
