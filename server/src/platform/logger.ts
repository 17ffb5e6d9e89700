/**
 * pino options shared by the server and scripts. Personal identifiers are redacted by key and
 * masked by pattern so that neither an ID number nor a phone number reaches a log line in full.
 */
import type { LoggerOptions } from 'pino';

const ID_NUMBER = /\b(\d{6})\d{8}(\d{3}[\dXx])\b/g;
const MOBILE = /\b(1[3-9]\d)\d{4}(\d{4})\b/g;

/** Masks ID numbers and mobile numbers inside free text. */
export function maskPersonalText(s: string): string {
  return s.replace(ID_NUMBER, '$1********$2').replace(MOBILE, '$1****$2');
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.idNumber',
        '*.phone',
        '*.password',
        '*.token',
        '*.apiKey',
        '*.secret',
        'idNumber',
        'phone',
        'password',
      ],
      censor: '[REDACTED]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        method: req.method,
        url: maskPersonalText(req.url),
        id: req.id,
      }),
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? maskPersonalText(a) : a)) as Parameters<typeof method>,
        );
      },
    },
  };
}
