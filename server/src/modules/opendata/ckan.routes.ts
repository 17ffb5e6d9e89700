/**
 * CKAN Action API v3 at `/api/3/action/{action}`, GET (query string) and POST (JSON body), as CKAN
 * clients (ckanapi, harvesters) call it. Errors, bad parameters included, are CKAN-shaped.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  CkanDatastoreAnswer,
  CkanError,
  CkanHelp,
  CkanNames,
  CkanOrganizationAnswer,
  CkanOrganizations,
  CkanPackageAnswer,
  CkanParams,
  CkanResourceAnswer,
  CkanSearchAnswer,
} from '../../../../contracts/opendata.js';
import type { OpenDataDeps } from './opendata.deps.js';
import { ACTIONS, type ActionName } from './ckan.actions.js';

const ANSWERS: Record<ActionName, [z.ZodType, string]> = {
  package_list: [CkanNames, '数据集名称列表 The names of all datasets'],
  package_show: [CkanPackageAnswer, '数据集 A dataset with its resources (id: its name)'],
  package_search: [
    CkanSearchAnswer,
    '搜索数据集 Datasets matching q and the filter queries fq, sorted, paged by rows and start, with facet.field counts',
  ],
  organization_list: [CkanOrganizations, '发布机构 Publishing organizations (all_fields for objects)'],
  organization_show: [CkanOrganizationAnswer, '发布机构详情 An organization with its datasets'],
  resource_show: [CkanResourceAnswer, '资源 A resource (a download of a dataset)'],
  datastore_search: [
    CkanDatastoreAnswer,
    '数据查询 Rows of a resource: filters (JSON object of field values), q, sort, limit and offset',
  ],
  help_show: [CkanHelp, '接口说明 The help text of an action (name)'],
};

const tags = ['opendata 数据开放 (CKAN)'];

export const ckanRoutes: FastifyPluginAsyncZod<{ deps: OpenDataDeps }> = async (app, { deps }) => {
  const help = (action: string) => `${deps.publicUrl}/api/3/action/help_show?name=${action}`;
  // CKAN answers a parameter it cannot read with 409 and its own error shape, not problem+json.
  app.setErrorHandler((error, request, reply) => {
    const action = request.url.split('?')[0]!.split('/').at(-1) ?? '';
    const validation = (error as { validation?: { instancePath?: string; message?: string }[] }).validation;
    if (validation)
      return reply.code(409).send({
        help: help(action),
        success: false,
        error: {
          __type: 'Validation Error',
          ...Object.fromEntries(
            validation.map((v) => [v.instancePath?.replace(/^\//, '') || 'params', [v.message ?? 'Invalid']]),
          ),
        },
      });
    // Anything else (unstorable text, a failure) is the platform's to answer, as on every route.
    throw error;
  });
  for (const [action, [answer, summary]] of Object.entries(ANSWERS) as [ActionName, [z.ZodType, string]][]) {
    const run = async (params: CkanParams, reply: { code(n: number): unknown }) => {
      const outcome = await ACTIONS[action](deps, params);
      if (outcome.ok) return { help: help(action), success: true as const, result: outcome.result };
      reply.code(outcome.status);
      return { help: help(action), success: false as const, error: outcome.error };
    };
    const response = { 200: answer, 404: CkanError, 409: CkanError };
    app.get(
      `/api/3/action/${action}`,
      { schema: { tags, summary, querystring: CkanParams, response } },
      async (request, reply) => run(request.query, reply),
    );
    app.post(
      `/api/3/action/${action}`,
      { schema: { tags, summary, body: CkanParams.optional(), response } },
      async (request, reply) => run(request.body ?? {}, reply),
    );
  }
};
