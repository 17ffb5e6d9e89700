/**
 * In-process stand-ins for the outside world of notify: an SMS gateway that checks signatures and,
 * like real gateways, drops a repeat of a request id; and an SMTP server that keeps what it receives.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { smsSignature } from './index.js';

export interface FakeSmsGateway {
  url: string;
  keyId: string;
  secret: string;
  /** Messages accepted (once per request id). */
  received: { phone: string; sign: string; text: string; requestId: string }[];
  /** Every request, repeats included. */
  requests: number;
  /** ok: accept; down: 503; refuse: 400 (a number the gateway will not serve). */
  mode: 'ok' | 'down' | 'refuse';
  close(): Promise<void>;
}

export async function fakeSmsGateway(): Promise<FakeSmsGateway> {
  const secret = 'gateway-secret-0123456789';
  const state: Omit<FakeSmsGateway, 'url' | 'close'> = {
    keyId: 'tongban',
    secret,
    received: [],
    requests: 0,
    mode: 'ok',
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      state.requests++;
      const ts = String(req.headers['x-timestamp']);
      if (req.headers['x-key-id'] !== state.keyId || req.headers['x-signature'] !== smsSignature(secret, ts, body)) {
        res.writeHead(401).end('{"error":"bad signature"}');
        return;
      }
      if (state.mode !== 'ok') {
        res.writeHead(state.mode === 'down' ? 503 : 400).end('{"error":"no"}');
        return;
      }
      const m = JSON.parse(body) as FakeSmsGateway['received'][number];
      if (!state.received.some((r) => r.requestId === m.requestId)) state.received.push(m);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messageId: `m-${m.requestId}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  return Object.assign(state, {
    url,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }) as FakeSmsGateway;
}

export interface SmtpSink {
  url: string;
  mails: ParsedMail[];
  /** Messages received (counted before parsing). */
  count: number;
  /** Keep parsed copies (off for the benchmark). */
  parse: boolean;
  close(): Promise<void>;
}

export async function smtpSink(): Promise<SmtpSink> {
  const sink = { mails: [] as ParsedMail[], count: 0, parse: true };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        sink.count++;
        if (!sink.parse) return done();
        simpleParser(Buffer.concat(chunks)).then(
          (m) => {
            sink.mails.push(m);
            done();
          },
          (e: Error) => done(e),
        );
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(sink, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  });
}
