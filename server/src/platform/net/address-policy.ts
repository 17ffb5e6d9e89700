/**
 * Which network addresses the platform may open a connection to on someone else's say-so (a
 * webhook URL): public unicast only. Refused: private (10/8, 172.16/12, 192.168/16), loopback,
 * link-local (169.254/16, fe80::/10 — cloud metadata lives there), unique-local (fc00::/7), CGNAT
 * (100.64/10), multicast, unspecified, broadcast, documentation and benchmarking ranges, and every
 * IPv6 form that carries an IPv4 address (mapped ::ffff:0:0/96, compatible ::/96, NAT64, 6to4,
 * Teredo) — so `[::ffff:7f00:1]` is not a way round the IPv4 rules. Only 2000::/3 is global IPv6.
 *
 * Hosts written as numbers in the forms `inet_aton` accepts (`127.1`, `0x7f.1`, `0177.0.0.1`,
 * `2130706433`) are normalised to dotted quads before the check, whatever parsed them.
 */
import net from 'node:net';

// Two lists: a BlockList matches an IPv4 address against IPv6 rules as ::ffff:a.b.c.d.
const denied4 = new net.BlockList();
const denied6 = new net.BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  denied4.addSubnet(address, prefix, 'ipv4');
}
for (const [address, prefix] of [
  ['::', 96],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  denied6.addSubnet(address, prefix, 'ipv6');
}
const globalUnicast6 = new net.BlockList();
globalUnicast6.addSubnet('2000::', 3, 'ipv6');

export interface IpAddress {
  address: string;
  family: 4 | 6;
}

/** One IPv4 part as inet_aton reads it: decimal, octal with a leading 0, hex with 0x. */
function part(text: string): number | undefined {
  if (/^0x[0-9a-f]*$/i.test(text)) return text.length === 2 ? 0 : parseInt(text.slice(2), 16);
  if (/^0[0-7]*$/.test(text)) return parseInt(text, 8);
  if (/^[1-9]\d*$/.test(text)) return Number(text);
  return undefined;
}

/** `127.1`, `0x7f.1`, `2130706433`… as a dotted quad, or undefined when the text is not an IPv4 number. */
export function normaliseIPv4(text: string): string | undefined {
  const parts = text.replace(/\.$/, '').split('.');
  if (parts.length < 1 || parts.length > 4) return undefined;
  const values = parts.map(part);
  if (values.some((v) => v === undefined || !Number.isFinite(v))) return undefined;
  const nums = values as number[];
  const last = nums[nums.length - 1]!;
  const head = nums.slice(0, -1);
  if (head.some((v) => v > 255) || last >= 256 ** (5 - nums.length)) return undefined;
  let value = last;
  head.forEach((v, i) => (value += v * 256 ** (3 - i)));
  return [24, 16, 8, 0].map((s) => Math.floor(value / 2 ** s) % 256).join('.');
}

/** The host of a URL (brackets and a trailing dot removed, numbers normalised) as an address, or undefined for a name. */
export function literalAddress(host: string): IpAddress | undefined {
  const h = host.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (net.isIPv6(h)) return { address: h.toLowerCase(), family: 6 };
  const v4 = net.isIPv4(h) ? h : normaliseIPv4(h);
  return v4 ? { address: v4, family: 4 } : undefined;
}

/** Whether an outbound connection to this address is allowed (public unicast). */
export function isPublicAddress(a: IpAddress): boolean {
  if (a.family === 4) return net.isIPv4(a.address) && !denied4.check(a.address, 'ipv4');
  return net.isIPv6(a.address) && globalUnicast6.check(a.address, 'ipv6') && !denied6.check(a.address, 'ipv6');
}
