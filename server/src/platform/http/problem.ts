/**
 * One error handler for the whole API: every failure becomes an RFC 9457
 * `application/problem+json` document with a stable `code`, a message in the caller's language
 * (Chinese by default) plus both languages, the request id, and field errors where there are
 * any. 5xx answers never reveal internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, STATUS_BY_KIND, type Bilingual, type FieldError } from '../errors.js';
import { isDatabaseUnavailable } from '../db/availability.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const TITLES: Record<number, Bilingual> = {
  400: { zh: '请求有误', en: 'Bad Request' },
  401: { zh: '未登录', en: 'Unauthorized' },
  403: { zh: '无权访问', en: 'Forbidden' },
  404: { zh: '未找到', en: 'Not Found' },
  405: { zh: '方法不允许', en: 'Method Not Allowed' },
  406: { zh: '无法提供所需格式', en: 'Not Acceptable' },
  409: { zh: '状态冲突', en: 'Conflict' },
  413: { zh: '请求过大', en: 'Payload Too Large' },
  415: { zh: '不支持的内容类型', en: 'Unsupported Media Type' },
  422: { zh: '无法处理的内容', en: 'Unprocessable Content' },
  429: { zh: '请求过于频繁', en: 'Too Many Requests' },
  500: { zh: '服务器内部错误', en: 'Internal Server Error' },
  503: { zh: '服务暂不可用', en: 'Service Unavailable' },
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  message: Bilingual;
  requestId: string;
  instance: string;
  errors?: { field: string; code: string; message: string }[];
  [extra: string]: unknown;
}

/** Chinese unless the caller prefers English. */
export function preferredLanguage(request: FastifyRequest): 'zh' | 'en' {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'zh';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: Bilingual,
  errors: FieldError[] = [],
  details: Record<string, unknown> = {},
): FastifyReply {
  const lang = preferredLanguage(request);
  const title = TITLES[status] ?? TITLES[status >= 500 ? 500 : 400]!;
  const body: Problem = {
    ...details,
    type: `https://tongban.gov.cn/problems/${code.toLowerCase().replace(/[._]/g, '-')}`,
    title: title[lang],
    status,
    detail: message[lang],
    code,
    message,
    requestId: request.id,
    instance: request.url.split('?')[0] ?? request.url,
  };
  if (errors.length > 0) body.errors = errors.map((e) => ({ field: e.field, code: e.code, message: e.message[lang] }));
  return reply.status(status).type(PROBLEM_CONTENT_TYPE).send(body);
}

interface ZodIssueLike {
  path?: PropertyKey[];
  instancePath?: string;
  message: string;
  code?: string;
}

function fieldErrorsFromValidation(error: FastifyError): FieldError[] {
  const context = (error as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  const issues = (error.validation ?? []) as unknown as ZodIssueLike[];
  return issues.map((issue) => {
    const params = (issue as { params?: { issue?: { path?: PropertyKey[]; code?: string } } }).params?.issue;
    const path =
      params?.path ?? issue.path ?? (issue.instancePath ? issue.instancePath.split('/').filter(Boolean) : []);
    const field = [context, ...path.map(String)].join('.');
    return {
      field,
      code: params?.code ?? issue.code ?? 'invalid',
      message: { zh: `字段 ${field} 无效：${issue.message}`, en: `Field ${field} is invalid: ${issue.message}` },
    };
  });
}

/** Answers a page path (the web app): true when it did. */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;

export function registerProblemHandlers(app: FastifyInstance, fallback?: NotFoundFallback): void {
  app.setNotFoundHandler(async (request, reply) => {
    if (await fallback?.(request, reply)) return reply;
    return sendProblem(request, reply, 404, 'HTTP.ROUTE_NOT_FOUND', {
      zh: `没有这个接口：${request.method} ${request.url.split('?')[0]}`,
      en: `No such endpoint: ${request.method} ${request.url.split('?')[0]}`,
    });
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      // A 429 that knows how long to wait says so the standard way too.
      if (typeof error.details.retryAfterSeconds === 'number')
        reply.header('retry-after', String(error.details.retryAfterSeconds));
      return sendProblem(
        request,
        reply,
        STATUS_BY_KIND[error.kind],
        error.code,
        error.bilingual,
        error.errors,
        error.details,
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = fieldErrorsFromValidation(error);
      return sendProblem(
        request,
        reply,
        400,
        'HTTP.VALIDATION_FAILED',
        {
          zh: `请求参数校验失败：${errors.map((e) => e.field).join('、')}`,
          en: `Request validation failed: ${errors.map((e) => e.field).join(', ')}`,
        },
        errors,
      );
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause?.issues }, 'response failed its schema');
      return sendProblem(request, reply, 500, 'HTTP.INTERNAL', { zh: '服务器内部错误', en: 'Internal server error' });
    }
    const status = error.statusCode ?? 500;
    if (isDatabaseUnavailable(error)) {
      // A restart or network cut: the request may be retried once the database is back.
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', '5');
      return sendProblem(request, reply, 503, 'PLATFORM.DATABASE_UNAVAILABLE', {
        zh: '数据库暂时无法访问，请稍后重试',
        en: 'The database cannot be reached; retry later',
      });
    }
    if (status >= 500) {
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(request, reply, 500, 'HTTP.INTERNAL', {
        zh: '服务器内部错误，请稍后重试',
        en: 'Internal server error, please retry later',
      });
    }
    // Fastify's own 4xx (malformed JSON, wrong content type, body too large, …).
    const known: Record<string, [string, Bilingual]> = {
      FST_ERR_CTP_INVALID_MEDIA_TYPE: [
        'HTTP.UNSUPPORTED_MEDIA_TYPE',
        { zh: '不支持的内容类型，请使用 application/json', en: 'Unsupported content type; use application/json' },
      ],
      FST_ERR_CTP_INVALID_JSON_BODY: [
        'HTTP.MALFORMED_JSON',
        { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
      ],
      FST_ERR_CTP_EMPTY_JSON_BODY: ['HTTP.EMPTY_JSON_BODY', { zh: '请求体为空', en: 'The JSON body is empty' }],
      FST_ERR_CTP_BODY_TOO_LARGE: ['HTTP.BODY_TOO_LARGE', { zh: '请求体过大', en: 'The request body is too large' }],
    };
    if (status === 429) {
      // @fastify/rate-limit: the client exceeded a route's limit.
      return sendProblem(request, reply, 429, 'HTTP.TOO_MANY_REQUESTS', {
        zh: '请求过于频繁，请稍后再试',
        en: 'Too many requests; try again later',
      });
    }
    const [code, message] =
      known[error.code] ??
      (error instanceof SyntaxError
        ? ['HTTP.MALFORMED_JSON', { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' }]
        : [`HTTP.${status}`, { zh: TITLES[status]?.zh ?? '请求有误', en: error.message }]);
    return sendProblem(request, reply, status, code, message as Bilingual);
  });
}
