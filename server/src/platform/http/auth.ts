/**
 * Resolves the caller once per request (`request.actor`) through a resolver that the identity
 * module provides, and offers `requireRoles` for routes. Services still check scope themselves.
 */
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS, type Actor } from '../context.js';
import { forbidden, unauthorized } from '../errors.js';
import { displayName } from '../../../../contracts/display-names.js';

export type AuthResolver = (request: FastifyRequest) => Promise<Actor | undefined>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

export const authPlugin = fp<{ resolver: AuthResolver }>(async (app, { resolver }) => {
  app.decorateRequest('actor', { getter: () => ANONYMOUS });
  app.addHook('onRequest', async (request) => {
    const actor = await resolver(request);
    if (actor) Object.defineProperty(request, 'actor', { value: actor, enumerable: true });
  });
});

/** preHandler: the caller must be signed in and hold at least one of `roles`. */
export function requireRoles(...roles: string[]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const actor = request.actor;
    if (actor.kind === 'anonymous') {
      throw unauthorized('AUTH.REQUIRED', { zh: '请先登录', en: 'Sign-in required' });
    }
    if (!roles.some((r) => actor.roles.includes(r))) {
      const named = (lang: 'zh' | 'en') => roles.map((r) => displayName('staffRole', r, lang));
      throw forbidden(
        'AUTH.ROLE_REQUIRED',
        {
          zh: `需要以下岗位之一：${named('zh').join('、')}`,
          en: `Requires one of the roles: ${named('en').join(', ')}`,
        },
        [],
        { requiredRoles: roles },
      );
    }
  };
}
