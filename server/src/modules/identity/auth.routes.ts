/** Sign-in and accounts for residents, enterprises and staff: `/api/auth/*`, `/api/me`, `/api/enterprises/*`. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AgentGrant,
  Language,
  PasswordReset,
  Registration,
  SignIn,
  SmsCodeRequest,
} from '../../../../contracts/identity.js';
import {
  AgentGranted,
  AgentList,
  EnterpriseClaimed,
  MePage,
  SignedInPage,
  SmsCodeSent,
} from '../../../../contracts/identity-api.js';
import { NoContent } from '../../../../contracts/http.js';
import { unauthorized } from '../../platform/errors.js';
import type { IdentityDeps } from './identity.deps.js';
import type { RequestMeta } from './audit.js';
import { getMe, setLanguage } from './accounts/me.service.js';
import { registerPerson } from './accounts/registration.service.js';
import { resetPassword } from './accounts/password-reset.service.js';
import { actFor, claimEnterprise, grantAgent, listAgents, revokeAgent } from './enterprises/enterprises.service.js';
import { sendStepUpCode, signIn } from './sign-in/sign-in.service.js';
import { sendSmsCode } from './sign-in/sms-codes.js';
import { ACTING_COOKIE, CSRF_COOKIE, revokeSession, SESSION_COOKIE, type NewSession } from './sessions/sessions.js';
import { sessionHashOf } from './identity.service.js';
import { recordAudit } from './audit.js';

const tags = ['identity 用户通'];
export const metaOf = (request: FastifyRequest): RequestMeta => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'],
});

export const authRoutes: FastifyPluginAsyncZod<{
  deps: IdentityDeps;
  rateLimits: { signIn: number; smsCode: number; register: number };
}> = async (app, { deps, rateLimits }) => {
  const cookieOptions = { path: '/', sameSite: 'lax' as const, secure: deps.production };
  const setSession = (reply: FastifyReply, s: NewSession) => {
    reply.setCookie(SESSION_COOKIE, s.token, { ...cookieOptions, httpOnly: true, expires: s.expiresAt });
    // Readable by the web app, which echoes it in x-csrf-token.
    reply.setCookie(CSRF_COOKIE, s.csrfToken, { ...cookieOptions, httpOnly: false, expires: s.expiresAt });
  };
  const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: 60_000 } });

  app.post(
    '/api/auth/sms-code',
    {
      config: perMinute(rateLimits.smsCode),
      schema: {
        tags,
        summary:
          '发送短信验证码 Send an SMS code (to a phone; or, as the second factor of a password sign-in, to the phone of the account named)',
        body: SmsCodeRequest,
        response: { 202: SmsCodeSent },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const withLog = { ...deps, log: request.log };
      return reply
        .code(202)
        .send(
          'account' in body
            ? await sendStepUpCode(withLog, body.account)
            : await sendSmsCode(withLog, body.phone, body.purpose),
        );
    },
  );

  app.post(
    '/api/auth/register',
    {
      config: perMinute(rateLimits.register),
      schema: {
        tags,
        summary: '个人实名注册 Register as a person (verified against the population registry)',
        description:
          'A wrong check digit answers 400 IDENTITY.BAD_ID_NUMBER; a name that does not match the registry answers 422 IDENTITY.REGISTRY_MISMATCH without saying which part is wrong.',
        body: Registration,
        response: { 201: SignedInPage },
      },
    },
    async (request, reply) => {
      const { personId, session } = await registerPerson(deps, request.body, metaOf(request));
      setSession(reply, session);
      const me = await getMe(deps, { id: personId, kind: 'person', roles: [] });
      return reply.code(201).send({ me, csrfToken: session.csrfToken, expiresAt: session.expiresAt });
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: perMinute(rateLimits.signIn),
      schema: {
        tags,
        summary: '登录 Sign in (password, or SMS code for persons; staff add a TOTP code)',
        description:
          'After repeated failures on an account the password alone answers 401 IDENTITY.STEP_UP_REQUIRED: persons add `stepUpCode` (SMS, `purpose: step-up`), staff their TOTP code. Too many attempts from one client or on one account answer 429 IDENTITY.SIGN_IN_THROTTLED with Retry-After — never a lock. A staff password older than STAFF_PASSWORD_MAX_DAYS answers 403 IDENTITY.PASSWORD_EXPIRED until `newPassword` is given.',
        body: SignIn,
        response: { 200: SignedInPage },
      },
    },
    async (request, reply) => {
      const { session, subject } = await signIn(deps, request.body, metaOf(request));
      setSession(reply, session);
      const me = await getMe(deps, { id: subject.id, kind: subject.kind, roles: [] });
      return { me, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: perMinute(rateLimits.signIn),
      schema: {
        tags,
        summary: '找回密码 Reset the password with an SMS code (ends every session)',
        body: PasswordReset,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await resetPassword(deps, request.body, metaOf(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: '退出登录 Sign out', response: { 204: NoContent } } },
    async (request, reply) => {
      const hash = sessionHashOf(request);
      if (hash) {
        await revokeSession(deps.db, hash, deps.now());
        await recordAudit(
          deps,
          deps.db,
          request.actor,
          'identity.signed-out',
          { type: request.actor.kind, id: request.actor.id },
          metaOf(request),
        );
      }
      reply
        .clearCookie(SESSION_COOKIE, cookieOptions)
        .clearCookie(CSRF_COOKIE, cookieOptions)
        .clearCookie(ACTING_COOKIE, cookieOptions);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me',
    { schema: { tags, summary: '当前用户 Who am I, acting for whom, roles', response: { 200: MePage } } },
    async (request) => getMe(deps, request.actor),
  );

  app.patch(
    '/api/me',
    {
      schema: {
        tags,
        summary: '修改偏好语言 Set my preferred language',
        body: z.object({ language: Language }),
        response: { 200: MePage },
      },
    },
    async (request) => setLanguage(deps, request.actor, request.body.language),
  );

  app.put(
    '/api/me/acting-for',
    {
      schema: {
        tags,
        summary: '切换办事身份 Act for an enterprise (or for yourself with null)',
        body: z.object({ enterpriseId: z.uuid().nullable() }),
        response: { 200: MePage },
      },
    },
    async (request, reply) => {
      const hash = sessionHashOf(request);
      if (!hash) throw unauthorized('AUTH.REQUIRED', { zh: '请先登录', en: 'Sign-in required' });
      const actingFor = await actFor(deps, request.actor, hash, request.body.enterpriseId, metaOf(request));
      // Part of the key under which nodes remember this session for a moment (sessions/auth-cache.ts).
      reply.setCookie(ACTING_COOKIE, actingFor?.enterpriseId ?? 'self', { ...cookieOptions, httpOnly: true });
      const { actingFor: _old, ...actor } = request.actor;
      return getMe(deps, actingFor ? { ...actor, actingFor } : actor);
    },
  );

  const EnterpriseId = z.object({ id: z.uuid() });

  app.post(
    '/api/enterprises',
    {
      schema: {
        tags,
        summary: '法定代表人开通企业账号 Open the enterprise account as its legal representative',
        body: z.object({ creditCode: z.string().trim().max(18) }),
        response: { 201: EnterpriseClaimed },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await claimEnterprise(deps, request.actor, request.body.creditCode, metaOf(request))),
  );

  app.get(
    '/api/enterprises/:id/agents',
    {
      schema: {
        tags,
        summary: '经办人列表 Agents of the enterprise (legal representative only)',
        params: EnterpriseId,
        response: { 200: AgentList },
      },
    },
    async (request) => ({ agents: await listAgents(deps, request.actor, request.params.id) }),
  );

  app.post(
    '/api/enterprises/:id/agents',
    {
      schema: {
        tags,
        summary: '授权经办人 Authorise an agent with scopes and an expiry',
        params: EnterpriseId,
        body: AgentGrant,
        response: { 201: AgentGranted },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await grantAgent(deps, request.actor, request.params.id, request.body, metaOf(request))),
  );

  app.delete(
    '/api/enterprises/:id/agents/:agentId',
    {
      schema: {
        tags,
        summary: '撤销授权 Revoke an agent',
        params: z.object({ id: z.uuid(), agentId: z.uuid() }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await revokeAgent(deps, request.actor, request.params.id, request.params.agentId, metaOf(request));
      return reply.code(204).send(null);
    },
  );
};
