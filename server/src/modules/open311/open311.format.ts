/** Open311 answers in JSON or XML (the URL's suffix chooses), errors as Open311 error lists. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';
import { isAppError, STATUS_BY_KIND } from '../../platform/errors.js';

export type Format = 'json' | 'xml';

const xml = new XMLBuilder({ ignoreAttributes: true, suppressEmptyNode: true });

/** `root` and `item` name the XML elements (`services`/`service`, `service_requests`/`request`). */
export function answer(reply: FastifyReply, format: Format, body: unknown, names: { root: string; item?: string }) {
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
  const content = names.item ? { [names.root]: { [names.item]: body } } : { [names.root]: body };
  return reply
    .type('application/xml; charset=utf-8')
    .send(`<?xml version="1.0" encoding="utf-8"?>\n${xml.build(content) as string}`);
}

/** Errors as the spec lists them: `[{ code, description }]`, or `<errors><error>…` in XML. */
export function open311Error(error: FastifyError, request: FastifyRequest, reply: FastifyReply, format: Format) {
  let status = 500;
  let description = 'Internal error · 系统错误';
  if (isAppError(error)) {
    status = STATUS_BY_KIND[error.kind];
    description = `${error.bilingual.en} · ${error.bilingual.zh}`;
  } else if (error.validation) {
    status = 400;
    const fields = error.validation.map((v) => v.instancePath.replace(/^\//, '') || v.message).join(', ');
    description = `Invalid request: ${fields} · 请求参数有误`;
  } else if (error.statusCode && error.statusCode < 500) {
    status = error.statusCode;
    description = status === 429 ? 'Too many requests; slow down · 请求过于频繁' : `${error.message}`;
  }
  if (status >= 500) request.log.error({ err: error }, 'open311 request failed');
  reply.code(status);
  return answer(reply, format, [{ code: status, description }], { root: 'errors', item: 'error' });
}
