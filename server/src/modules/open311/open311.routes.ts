/**
 * Open311 GeoReport v2 at `/open311/v2`: services, a service's definition, requests (POST filed
 * by a registered client, GET their public status), each as `.json` or `.xml`. Bodies may be
 * form-encoded, as 311 clients send them. Limited per client address.
 */
import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Open311Document } from '../../../../contracts/open311.js';
import { answer, open311Error, type Format } from './open311.format.js';
import {
  fileRequest,
  getRequest,
  listRequests,
  listServices,
  serviceDefinition,
  type Open311Deps,
} from './open311.service.js';

const tags = ['open311 GeoReport v2'];
const FORMATS: Format[] = ['json', 'xml'];
const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: 60_000 } });
const Code = z.string().regex(/^[A-Za-z0-9-]{1,40}$/);

const NewRequestBody = z
  .object({
    api_key: z.string().min(1).max(200),
    service_code: Code,
    'attribute[department]': z.string().min(1).max(100),
    description: z.string().trim().min(1).max(4000),
    lat: z.coerce.number().min(-90).max(90).optional(),
    long: z.coerce.number().min(-180).max(180).optional(),
    address_string: z.string().trim().min(1).max(250).optional(),
    // Who reported it (email, names, phone, device) is not kept: the request is public.
  })
  .loose()
  .refine((b) => (b.lat !== undefined && b.long !== undefined) || b.address_string, {
    message: 'a location is required: lat and long, or address_string',
    path: ['lat'],
  });

const RequestsQuery = z.object({
  service_request_id: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,40}(,[A-Za-z0-9-]{1,40}){0,49}$/)
    .optional(),
  service_code: Code.optional(),
  status: z.enum(['open', 'closed']).optional(),
  start_date: z.coerce.date().optional(),
  end_date: z.coerce.date().optional(),
  jurisdiction_id: z.string().max(100).optional(),
});

export const open311Routes: FastifyPluginAsyncZod<{
  deps: Open311Deps;
  limits: { read: number; write: number };
}> = async (app, { deps, limits }) => {
  const formatOf = (url: string): Format => (url.split('?')[0]!.endsWith('.xml') ? 'xml' : 'json');
  app.setErrorHandler((error, request, reply) =>
    open311Error(error as FastifyError, request, reply, formatOf(request.url)),
  );
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  for (const format of FORMATS) {
    app.get(
      `/open311/v2/services.${format}`,
      {
        config: perMinute(limits.read),
        schema: {
          tags,
          response: { 200: Open311Document },
          summary: `服务列表 Service list (${format})`,
          querystring: z.object({ jurisdiction_id: z.string().max(100).optional() }),
        },
      },
      async (_request, reply) => answer(reply, format, listServices(), { root: 'services', item: 'service' }),
    );
    app.get(
      `/open311/v2/services/:service_code.${format}`,
      {
        config: perMinute(limits.read),
        schema: {
          tags,
          summary: `服务定义 Service definition (${format})`,
          params: z.object({ service_code: Code }),
          response: { 200: Open311Document },
        },
      },
      async (request, reply) =>
        answer(reply, format, await serviceDefinition(deps, request.params.service_code), {
          root: 'service_definition',
        }),
    );
    app.post(
      `/open311/v2/requests.${format}`,
      {
        config: perMinute(limits.write),
        schema: {
          tags,
          response: { 200: Open311Document, 201: Open311Document },
          summary: `提交投诉或建议 Create a service request (${format}); api_key: a registered client's access token`,
          body: NewRequestBody,
        },
      },
      async (request, reply) => {
        const b = request.body;
        const created = await fileRequest(deps, {
          apiKey: b.api_key,
          serviceCode: b.service_code,
          department: b['attribute[department]'],
          description: b.description,
          ...(b.lat !== undefined ? { lat: b.lat } : {}),
          ...(b.long !== undefined ? { long: b.long } : {}),
          ...(b.address_string ? { address: b.address_string } : {}),
        });
        reply.code(201);
        return answer(reply, format, [created], { root: 'service_requests', item: 'request' });
      },
    );
    app.get(
      `/open311/v2/requests.${format}`,
      {
        config: perMinute(limits.read),
        schema: {
          tags,
          response: { 200: Open311Document },
          summary: `请求状态列表 Service requests and their public status (${format})`,
          querystring: RequestsQuery,
        },
      },
      async (request, reply) => {
        const q = request.query;
        const list = await listRequests(deps, {
          ...(q.service_request_id ? { ids: q.service_request_id.split(',') } : {}),
          ...(q.service_code ? { serviceCode: q.service_code } : {}),
          ...(q.status ? { status: q.status } : {}),
          ...(q.start_date ? { start: q.start_date } : {}),
          ...(q.end_date ? { end: q.end_date } : {}),
        });
        return answer(reply, format, list, { root: 'service_requests', item: 'request' });
      },
    );
    app.get(
      `/open311/v2/requests/:service_request_id.${format}`,
      {
        config: perMinute(limits.read),
        schema: {
          tags,
          response: { 200: Open311Document },
          summary: `请求状态 One service request's public status (${format})`,
          params: z.object({ service_request_id: Code }),
        },
      },
      async (request, reply) =>
        answer(reply, format, await getRequest(deps, request.params.service_request_id), {
          root: 'service_requests',
          item: 'request',
        }),
    );
  }
};
