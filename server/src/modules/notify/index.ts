/**
 * notify (消息通知): what people are told and how. Outbox events become notifications from
 * templates (zh-CN and en, variables escaped per channel), delivered through SMS, e-mail, WeChat
 * template messages and the in-app inbox (站内信) with retries, receipts, fallback along the
 * person's preferences, quiet hours and rate limits; an idempotency key per delivery.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { NotifyDeps } from './notify.deps.js';
import { notifyRoutes } from './notify.routes.js';

export const notifyModule: FastifyPluginAsync<{ deps: NotifyDeps }> = async (app, opts) => {
  await app.register(notifyRoutes, opts);
};

export type { NotifyDeps } from './notify.deps.js';
export { myInbox } from './inbox.service.js';
/** The use case `PUT /api/me/notification-preferences` calls (the demo history sets its made-up applicants' choice with it). */
export { savePreferences } from './preferences.js';
export { notifySubscriber, NOTIFY_TOPICS } from './delivery/plan.js';
export { DeliveryWorker } from './delivery/worker.js';
export { httpSmsGateway, loggingSms, smsSignature, type SmsGatewayConfig } from './channels/sms.js';
export { smtpEmail, type SmtpConfig } from './channels/email.js';
export { wechatTemplates, type WechatConfig } from './channels/wechat.js';
export { PermanentFailure, type Channel, type OutboundChannels } from './channels/channel.js';
export { MESSAGE_KINDS } from './templates/catalogue.js';
export { configuredChannels, type ChannelSettings } from './channels/configured.js';
