/** The outbound channels the configuration enables. */
import type { Log } from '../../../platform/context.js';
import { PermanentFailure, type OutboundChannels } from './channel.js';
import { smtpEmail } from './email.js';
import { httpSmsGateway, loggingSms } from './sms.js';
import { wechatTemplates } from './wechat.js';

export interface ChannelSettings {
  sms: { url: string; keyId: string; secret: string } | undefined;
  smsSignName: string;
  smtp: { url: string; from: string } | undefined;
  wechat: { appId: string; appSecret: string; templates: Readonly<Record<string, string>> } | undefined;
  /** Production never logs an SMS (it holds sign-in codes): without a gateway, SMS fails over. */
  production: boolean;
}

export function configuredChannels(s: ChannelSettings, log: Log): OutboundChannels & { close(): void } {
  const email = s.smtp ? smtpEmail(s.smtp) : undefined;
  const sms = s.sms
    ? httpSmsGateway({ ...s.sms, signName: s.smsSignName })
    : s.production
      ? {
          send: async () => {
            throw new PermanentFailure('no SMS gateway is configured (SMS_GATEWAY_URL)');
          },
        }
      : loggingSms(log, s.smsSignName);
  return {
    sms,
    ...(email ? { email } : {}),
    ...(s.wechat ? { wechat: wechatTemplates({ ...s.wechat, templates: { ...s.wechat.templates } }) } : {}),
    close: () => email?.close(),
  };
}
