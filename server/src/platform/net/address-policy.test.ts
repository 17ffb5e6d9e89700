/** The outbound address rule: every way of writing a non-public address is refused, public ones pass. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkTarget, OutboundRefused, type OutboundPolicy } from './outbound.js';
import { isPublicAddress, literalAddress, normaliseIPv4 } from './address-policy.js';

const policy: OutboundPolicy = { requireHttps: true, allowPrivate: false, resolve: async () => [] };
const refusal = async (url: string) =>
  checkTarget(url, policy).then(
    () => undefined,
    (e: unknown) => (e instanceof OutboundRefused ? e.reason : String(e)),
  );

/** The non-public IPv4 ranges, as [first, prefix] — written independently of the implementation. */
const PRIVATE_V4: [number, number][] = [
  [0x00000000, 8],
  [0x0a000000, 8],
  [0x64400000, 10],
  [0x7f000000, 8],
  [0xa9fe0000, 16],
  [0xac100000, 12],
  [0xc0a80000, 16],
  [0xe0000000, 4],
  [0xf0000000, 4],
];
const inRange = (n: number, [first, prefix]: [number, number]) =>
  Math.floor(n / 2 ** (32 - prefix)) === Math.floor(first / 2 ** (32 - prefix));
const privateV4 = fc
  .constantFrom(...PRIVATE_V4)
  .chain(([first, prefix]) => fc.integer({ min: 0, max: 2 ** (32 - prefix) - 1 }).map((offset) => first + offset));
const octets = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256);

/** A number as inet_aton reads it, in decimal, octal or hex. */
const radix = (n: number) =>
  fc.constantFrom(String(n), `0x${n.toString(16)}`, `0X${n.toString(16).toUpperCase()}`, `0${n.toString(8)}`);
/** Every textual form of an IPv4 address a URL host could carry. */
const encodings = (n: number) => {
  const [a, b, c, d] = octets(n) as [number, number, number, number];
  return fc.oneof(
    fc.tuple(radix(a), radix(b), radix(c), radix(d)).map((p) => p.join('.')),
    fc.tuple(radix(a), radix(b), radix(c * 256 + d)).map((p) => p.join('.')),
    fc.tuple(radix(a), radix(b * 65536 + c * 256 + d)).map((p) => p.join('.')),
    radix(n),
    fc.constant(`${a}.${b}.${c}.${d}.`),
    fc.constantFrom(
      `[::ffff:${a}.${b}.${c}.${d}]`,
      `[::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}]`,
      `[0:0:0:0:0:ffff:${a}.${b}.${c}.${d}]`,
      `[::${a}.${b}.${c}.${d}]`,
      `[64:ff9b::${a}.${b}.${c}.${d}]`,
    ),
  );
};

describe('outbound address policy', () => {
  it('refuses the addresses of the finding', async () => {
    for (const url of [
      'http://127.0.0.1:8080/x',
      'https://127.1/',
      'https://169.254.169.254/latest/meta-data',
      'https://10.0.0.1/',
      'https://[::ffff:7f00:1]/',
      'https://0x7f.1/',
      'https://2130706433/',
      'https://0177.0.0.1/',
      'https://[::1]/',
      'https://[fe80::1]/',
      'https://[fd00::1]/',
      'https://100.64.0.1/',
      'https://224.0.0.1/',
      'https://0.0.0.0/',
      'https://[::]/',
      'https://255.255.255.255/',
    ]) {
      expect(await refusal(url), url).toMatch(/forbidden-address|scheme/);
    }
    expect(await refusal('http://8.8.8.8/')).toBe('scheme');
    expect(await refusal('https://8.8.8.8/hook')).toBeUndefined();
    expect(await refusal('https://[2606:4700:4700::1111]/hook')).toBeUndefined();
  });

  it('normalises the numeric forms inet_aton accepts', () => {
    expect(normaliseIPv4('127.1')).toBe('127.0.0.1');
    expect(normaliseIPv4('0x7f.1')).toBe('127.0.0.1');
    expect(normaliseIPv4('2130706433')).toBe('127.0.0.1');
    expect(normaliseIPv4('0177.0.0.01')).toBe('127.0.0.1');
    expect(normaliseIPv4('10.65535')).toBe('10.0.255.255');
    expect(normaliseIPv4('1.2.3.256')).toBeUndefined();
    expect(normaliseIPv4('08.1.1.1')).toBeUndefined();
    expect(normaliseIPv4('example.com')).toBeUndefined();
    expect(literalAddress('[::FFFF:7F00:1]')).toEqual({ address: '::ffff:7f00:1', family: 6 });
  });

  it('refuses every encoding of every non-public IPv4 address, in a URL and as a resolved address', async () => {
    await fc.assert(
      fc.asyncProperty(
        privateV4.chain((n) => fc.tuple(fc.constant(n), encodings(n))),
        async ([n, host]) => {
          expect(await refusal(`https://${host}/hook`), host).toBe('forbidden-address');
          const named = { ...policy, resolve: async () => [{ address: octets(n).join('.'), family: 4 as const }] };
          expect(
            await checkTarget('https://receiver.example/hook', named).then(
              () => 'accepted',
              (e: OutboundRefused) => e.reason,
            ),
          ).toBe('forbidden-address');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accepts public IPv4 addresses in numeric forms, never in an IPv6 wrapping', async () => {
    const reserved = [
      ...PRIVATE_V4,
      [0xc0000000, 24],
      [0xc0000200, 24],
      [0xc0586300, 24],
      [0xc6120000, 15],
      [0xc6336400, 24],
      [0xcb007100, 24],
    ] as [number, number][];
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 0, max: 2 ** 32 - 1 })
          .filter((n) => !reserved.some((r) => inRange(n, r)))
          .chain((n) => fc.tuple(fc.constant(n), encodings(n))),
        async ([n, host]) => {
          const wrapped = host.startsWith('[');
          expect(await refusal(`https://${host}/`), host).toBe(wrapped ? 'forbidden-address' : undefined);
          expect(isPublicAddress({ address: octets(n).join('.'), family: 4 })).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a name when any address it resolves to is not public, and one that does not resolve', async () => {
    const mixed = {
      ...policy,
      resolve: async () => [
        { address: '93.184.216.34', family: 4 as const },
        { address: '::1', family: 6 as const },
      ],
    };
    await expect(checkTarget('https://receiver.example/', mixed)).rejects.toMatchObject({
      reason: 'forbidden-address',
    });
    await expect(checkTarget('https://nowhere.example/', policy)).rejects.toMatchObject({ reason: 'unresolved' });
    await expect(checkTarget('https://user:pw@receiver.example/', policy)).rejects.toMatchObject({ reason: 'bad-url' });
    const allowed = { ...policy, allowPrivate: true, requireHttps: false };
    await expect(checkTarget('http://127.0.0.1:9/', allowed)).resolves.toBeInstanceOf(URL);
  });
});
