/** 草稿: an application saved before it is submitted (not validated; submitting removes it). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Draft, DraftRequest, Drafts, DraftSaved, ItemCodeParams } from '../../../../../contracts/case-apply.js';
import { NoContent } from '../../../../../contracts/http.js';
import type { CasesDeps } from '../cases.deps.js';
import { deleteDraft, getDraft, listDrafts, saveDraft } from './drafts.service.js';

const tags = ['cases 审批服务'];

export const draftsRoutes: FastifyPluginAsyncZod<{ deps: CasesDeps }> = async (app, { deps }) => {
  app.get(
    '/api/drafts',
    { schema: { tags, summary: '我的草稿 My drafts', response: { 200: Drafts } } },
    async (request) => ({ drafts: await listDrafts(deps, request.actor) }),
  );
  app.get(
    '/api/drafts/:itemCode',
    { schema: { tags, summary: '草稿 A draft', params: ItemCodeParams, response: { 200: Draft } } },
    async (request) => getDraft(deps, request.actor, request.params.itemCode),
  );
  app.put(
    '/api/drafts/:itemCode',
    {
      schema: {
        tags,
        summary: '保存草稿 Save a draft (not validated; submitting removes it)',
        params: ItemCodeParams,
        body: DraftRequest,
        response: { 200: DraftSaved },
      },
    },
    async (request) => saveDraft(deps, request.actor, { itemCode: request.params.itemCode, form: request.body.form }),
  );
  app.delete(
    '/api/drafts/:itemCode',
    {
      schema: { tags, summary: '删除草稿 Delete a draft', params: ItemCodeParams, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await deleteDraft(deps, request.actor, request.params.itemCode);
      return reply.code(204).send(null);
    },
  );
};
