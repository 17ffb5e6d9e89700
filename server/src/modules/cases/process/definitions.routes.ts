/** 流程定义 administration: read and save an item's process, and exchange it as BPMN 2.0 XML. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ItemCodeParams } from '../../../../../contracts/case-apply.js';
import { DefinitionSaved } from '../../../../../contracts/case-steps.js';
import { ActiveDefinition, ProcessDefinition } from '../../../../../contracts/cases.js';
import { FileBody } from '../../../../../contracts/http.js';
import { requireRoles } from '../../../platform/http/auth.js';
import type { CasesDeps } from '../cases.deps.js';
import { definitionAsBpmn, readDefinition, saveBpmn, saveDefinition } from './definitions.admin.js';

const tags = ['cases 审批服务'];

export const definitionsRoutes: FastifyPluginAsyncZod<{ deps: CasesDeps }> = async (app, { deps }) => {
  const catalogAdmin = requireRoles('catalog_admin');

  app.get(
    '/api/admin/cases/definitions/:itemCode',
    {
      preHandler: catalogAdmin,
      schema: {
        tags,
        summary: '流程定义 The active process of an item (a default one when none is modelled)',
        params: ItemCodeParams,
        response: { 200: ActiveDefinition },
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
        params: ItemCodeParams,
        body: ProcessDefinition,
        response: { 200: DefinitionSaved },
      },
    },
    async (request) =>
      saveDefinition(deps, request.actor, { itemCode: request.params.itemCode, definition: request.body }),
  );

  app.get(
    '/api/admin/cases/definitions/:itemCode/bpmn',
    {
      preHandler: catalogAdmin,
      schema: {
        tags,
        summary: '导出 BPMN 2.0 Export as BPMN 2.0 XML',
        params: ItemCodeParams,
        response: { 200: FileBody },
      },
    },
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
          params: ItemCodeParams,
          response: { 200: DefinitionSaved },
        },
      },
      async (request) =>
        saveBpmn(deps, request.actor, {
          itemCode: (request.params as { itemCode: string }).itemCode,
          xml: String(request.body),
        }),
    );
  });
};
