/**
 * One rule at the edge for every route: strings PostgreSQL cannot store (NUL, lone surrogates)
 * are refused with 400 `PLATFORM.BAD_TEXT` naming the field — in path parameters, the query
 * string and the JSON body, object keys and the nested values of free-form forms included —
 * before any schema, service or query sees them.
 */
import type { FastifyRequest } from 'fastify';
import { invalid } from '../errors.js';
import { findUnstorableText } from '../validators/index.js';

/** A `preValidation` hook; registered once on the root instance, it covers every route. */
export async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
  const parts = { params: request.params, query: request.query, body: request.body } as const;
  for (const [where, value] of Object.entries(parts)) {
    const path = findUnstorableText(value);
    if (!path) continue;
    const field = [where, ...path].join('.');
    throw invalid(
      'PLATFORM.BAD_TEXT',
      {
        zh: `字段 ${field} 含有无法保存的字符（空字符或不成对的代理字符）`,
        en: `Field ${field} contains characters that cannot be stored (a NUL or an unpaired surrogate)`,
      },
      [
        {
          field,
          code: 'PLATFORM.BAD_TEXT',
          message: {
            zh: '含有无法保存的字符（空字符或不成对的代理字符）',
            en: 'Contains characters that cannot be stored (a NUL or an unpaired surrogate)',
          },
        },
      ],
    );
  }
}
