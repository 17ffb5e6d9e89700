/** `POST /api/me/prefill`: fill an application form from the registries, with the person's consent (预填). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PrefillAnswered, PrefillRequest } from '../../../../../contracts/prefill.js';
import type { ExchangeDeps } from '../exchange.deps.js';
import { prefillForm } from './prefill.service.js';

export const prefillRoutes: FastifyPluginAsyncZod<{ deps: ExchangeDeps }> = async (app, { deps }) => {
  app.post(
    '/api/me/prefill',
    {
      schema: {
        tags: ['exchange 数据通'],
        summary:
          '从个人/企业信息预填 Fill an application form from the population and legal-entity registries, with consent (recorded; the reads appear in 谁用了我的数据)',
        body: PrefillRequest,
        response: { 200: PrefillAnswered },
      },
    },
    async (request) => prefillForm(deps, request.actor, request.body as z.infer<typeof PrefillRequest>),
  );
};
