/**
 * SMS (短信). `httpSmsGateway` speaks the shape most Chinese gateways share: a JSON POST with the
 * registered signature (签名) separate from the text, signed with HMAC-SHA256 over timestamp and
 * body, and a request id the gateway uses to drop a repeat. `loggingSms` is for development: it
 * writes the message to the log (the sign-in code included) and sends nothing.
 */
import { createHmac } from 'node:crypto';
import type { Log } from '../../../platform/context.js';
import { maskPhone } from '../../../platform/privacy/index.js';
import { PermanentFailure, type Channel } from './channel.js';

export interface SmsGatewayConfig {
  url: string;
  keyId: string;
  secret: string;
  signName: string;
  timeoutMs?: number;
}

/** The signature a gateway checks: hex HMAC-SHA256 of `${timestamp}\n${body}` with the shared secret. */
export const smsSignature = (secret: string, timestamp: string, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}\n${body}`).digest('hex');

export function httpSmsGateway(config: SmsGatewayConfig, fetchImpl: typeof fetch = fetch): Channel {
  return {
    async send(m) {
      const body = JSON.stringify({ phone: m.to, sign: config.signName, text: m.text, requestId: m.idempotencyKey });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const res = await fetchImpl(config.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-key-id': config.keyId,
          'x-timestamp': timestamp,
          'x-signature': smsSignature(config.secret, timestamp, body),
          'idempotency-key': m.idempotencyKey,
        },
        body,
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
      });
      if (res.status >= 400 && res.status < 500 && res.status !== 429)
        throw new PermanentFailure(`SMS gateway refused the message (HTTP ${res.status})`);
      if (!res.ok) throw new Error(`SMS gateway unavailable (HTTP ${res.status})`);
      const answer = (await res.json()) as { messageId?: string; status?: string };
      return { ref: answer.messageId, delivered: answer.status === 'delivered' };
    },
  };
}

export function loggingSms(log: Log, signName: string): Channel {
  return {
    async send(m) {
      log.info({ phone: maskPhone(m.to), text: `【${signName}】${m.text}` }, 'SMS (development: logged, not sent)');
      return { ref: `log:${m.idempotencyKey}` };
    },
  };
}
