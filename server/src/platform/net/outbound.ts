/**
 * Outbound HTTP requests to addresses someone else chose (webhook receivers), guarded against
 * server-side request forgery: the URL must be http(s) without credentials — https only when
 * `requireHttps` (production) — and its host must resolve to public addresses only
 * (address-policy.ts), checked when the target is registered and again for every connection. The
 * connection goes to the very address that was checked (the lookup of the socket is answered from
 * the check), so a name that resolves to a public address for the check and to a private one a
 * moment later (DNS rebinding) cannot redirect it. Redirects are not followed.
 *
 * `allowPrivate` lets a development or test setup talk to receivers on the machine or the local
 * network; the configuration refuses it in production.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPublicAddress, literalAddress, type IpAddress } from './address-policy.js';

/** Resolves a host name to its addresses (dns.lookup by default; tests give their own). */
export type Resolve = (hostname: string) => Promise<IpAddress[]>;

export interface OutboundPolicy {
  requireHttps: boolean;
  allowPrivate: boolean;
  resolve: Resolve;
}

export const systemResolve: Resolve = async (hostname) =>
  (await dns.promises.lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

export type RefusalReason = 'bad-url' | 'scheme' | 'unresolved' | 'forbidden-address';

/** Why an outbound target is refused; `message` is safe to show. */
export class OutboundRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'OutboundRefused';
  }
}

/** The URL, if its shape is acceptable: http(s), no user or password, no fragment. */
export function checkUrlShape(raw: string, policy: Pick<OutboundPolicy, 'requireHttps'>): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused('bad-url', 'not a valid URL');
  }
  if (url.username || url.password || url.hash || !url.hostname)
    throw new OutboundRefused('bad-url', 'a URL with credentials or a fragment');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !policy.requireHttps))
    throw new OutboundRefused('scheme', `scheme ${url.protocol} not allowed`);
  return url;
}

/** The address to connect to for this URL: every address its host resolves to must be allowed. */
export async function resolveTarget(url: URL, policy: OutboundPolicy): Promise<IpAddress> {
  const literal = literalAddress(url.hostname);
  let addresses: IpAddress[];
  if (literal) addresses = [literal];
  else {
    try {
      addresses = await policy.resolve(url.hostname);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) throw new OutboundRefused('unresolved', `host ${url.hostname} does not resolve`);
    // A resolver could answer a numeric form; it is checked as the address it means.
    addresses = addresses.map((a) => literalAddress(a.address) ?? a);
  }
  if (!policy.allowPrivate && addresses.some((a) => !isPublicAddress(a)))
    throw new OutboundRefused('forbidden-address', `host ${url.hostname} resolves to a non-public address`);
  return addresses[0]!;
}

/** Checks a target when it is registered: its shape and what it resolves to now. */
export async function checkTarget(raw: string, policy: OutboundPolicy): Promise<URL> {
  const url = checkUrlShape(raw, policy);
  await resolveTarget(url, policy);
  return url;
}

/** A lookup that answers every question with the one address already checked. */
const pinned = (a: IpAddress): LookupFunction =>
  ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: a.address, family: a.family }]);
    else callback(null, a.address, a.family);
  }) as LookupFunction;

/**
 * POSTs a body to a checked target, connecting to the address checked for this very request.
 * Resolves with the status (the answer's body is discarded); rejects with OutboundRefused, or the
 * network error or timeout.
 */
export async function guardedPost(
  raw: string,
  request: { headers: Record<string, string>; body: string; timeoutMs: number },
  policy: OutboundPolicy,
): Promise<{ status: number }> {
  const url = checkUrlShape(raw, policy);
  const address = await resolveTarget(url, policy);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        lookup: pinned(address),
        agent: false,
        signal: AbortSignal.timeout(request.timeoutMs),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}
