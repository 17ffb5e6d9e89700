/**
 * E-mail over SMTP with nodemailer. The Message-ID is derived from the delivery's idempotency key,
 * so a message sent again after a crash mid-send carries the same id (mail clients show it once);
 * SMTP itself has no way to refuse the repeat.
 */
import nodemailer from 'nodemailer';
import { PermanentFailure, type Channel } from './channel.js';

export interface SmtpConfig {
  url: string;
  from: string;
}

export function smtpEmail(config: SmtpConfig): Channel & { close(): void } {
  const transport = nodemailer.createTransport(config.url);
  return {
    async send(m) {
      try {
        const info = await transport.sendMail({
          from: config.from,
          to: m.to,
          subject: m.title,
          text: m.text,
          html: m.html,
          messageId: `<${m.idempotencyKey}@tongban.notify>`,
        });
        if (info.rejected.length) throw new PermanentFailure('the mail server refused the address');
        return { ref: info.messageId };
      } catch (e) {
        // 5xx answers (no such mailbox) will not change on retry.
        const code = (e as { responseCode?: number }).responseCode;
        if (code && code >= 500) throw new PermanentFailure(`the mail server refused the message (${code})`);
        throw e;
      }
    },
    close: () => transport.close(),
  };
}
