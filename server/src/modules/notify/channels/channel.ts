/** The one interface every outbound channel implements (the inbox is written by the worker itself). */
import type { Rendered } from '../templates/render.js';

export interface OutgoingMessage extends Rendered {
  /** Phone number, e-mail address or WeChat openid. */
  to: string;
  /** The same for every attempt of one delivery: providers that honour it drop a repeat. */
  idempotencyKey: string;
  /** The message kind (WeChat picks its template by it). */
  kind: string;
}

export interface SendResult {
  /** The provider's id of the message. */
  ref?: string;
  /** Whether the provider says it reached the person already (not only accepted). */
  delivered?: boolean;
}

export interface Channel {
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** A failure that retrying will not mend (a refused number, a bad address): go to the fallback at once. */
export class PermanentFailure extends Error {}

export type OutboundChannels = { sms: Channel; email?: Channel; wechat?: Channel };
