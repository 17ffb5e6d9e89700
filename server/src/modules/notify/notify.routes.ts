/** `/api/me/inbox`, `/api/me/notification-preferences` (anyone signed in), `/api/admin/notify/templates` (system administrators). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRoles } from '../../platform/http/auth.js';
import { NoContent } from '../../../../contracts/http.js';
import { InboxAnswer, PreferencesAnswer, TemplateList, UnreadCount } from '../../../../contracts/notify.js';
import { Channel, InboxQuery, NotificationPreferences, TemplateText } from '../../../../contracts/notify.js';
import type { NotifyDeps } from './notify.deps.js';
import { markRead, myInbox } from './inbox.service.js';
import { myPreferences, savePreferences } from './preferences.js';
import { listTemplates, resetTemplate, saveTemplate } from './templates/templates.service.js';

const tags = ['notify 消息通知'];
const TemplateKey = z.object({
  kind: z.string().regex(/^[a-z][a-z-]{1,40}$/),
  channel: Channel,
  locale: z.enum(['zh-CN', 'en']),
});

export const notifyRoutes: FastifyPluginAsyncZod<{ deps: NotifyDeps }> = async (app, { deps }) => {
  app.get(
    '/api/me/inbox',
    {
      schema: {
        tags,
        summary: '我的消息 My in-app messages (站内信), newest first, with the unread count',
        querystring: InboxQuery,
        response: { 200: InboxAnswer },
      },
    },
    async (request) => myInbox(deps.db, request.actor, request.query),
  );
  app.post(
    '/api/me/inbox/read',
    {
      schema: {
        tags,
        summary: '标为已读 Mark messages read (all of them when no ids are given)',
        body: z.object({ ids: z.array(z.uuid()).min(1).max(100).optional() }),
        response: { 200: UnreadCount },
      },
    },
    async (request) => markRead(deps, request.actor, request.body.ids),
  );
  app.get(
    '/api/me/notification-preferences',
    {
      schema: {
        tags,
        summary: '消息设置 My notification channels, addresses and quiet hours',
        response: { 200: PreferencesAnswer },
      },
    },
    async (request) => myPreferences(deps, request.actor),
  );
  app.put(
    '/api/me/notification-preferences',
    {
      schema: {
        tags,
        summary: '保存消息设置 Save my notification channels, addresses and quiet hours',
        body: NotificationPreferences,
        response: { 200: PreferencesAnswer },
      },
    },
    async (request) => savePreferences(deps, request.actor, request.body),
  );

  const admins = requireRoles('system_admin');
  app.get(
    '/api/admin/notify/templates',
    {
      preHandler: admins,
      schema: {
        tags,
        summary: '消息模板 Every message template by kind, channel and language',
        response: { 200: TemplateList },
      },
    },
    async () => ({ templates: await listTemplates(deps.db) }),
  );
  app.put(
    '/api/admin/notify/templates/:kind/:channel/:locale',
    {
      preHandler: admins,
      schema: {
        tags,
        summary: '修改消息模板 Override a template’s text (only its declared {{variables}})',
        params: TemplateKey,
        body: TemplateText,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await saveTemplate(deps, request.actor, request.params, request.body);
      return reply.code(204).send(null);
    },
  );
  app.delete(
    '/api/admin/notify/templates/:kind/:channel/:locale',
    {
      preHandler: admins,
      schema: {
        tags,
        summary: '恢复默认模板 Return a template to its default text',
        params: TemplateKey,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await resetTemplate(deps.db, request.params);
      return reply.code(204).send(null);
    },
  );
};
