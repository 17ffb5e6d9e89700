/**
 * Licence signature verification, in process: verifications per second of one licence's canonical
 * content under SM2/SM3 — the platform's verifier (WebAssembly core with per-key tables) and the
 * earlier one (sm-crypto-v2 with a precomputed public key) — and under Ed25519 (node:crypto), in the
 * same rounds, interleaved, so all three see the same machine. Warm: the key was used before (its
 * table, Z or key object cached). Cold: the first verification against a new key, table built.
 *   npm run bench:licenses
 */
import { sm2 } from 'sm-crypto-v2';
import { canonicalBytes } from '../server/src/modules/licenses/signing/canonical.js';
import { ED25519, SM2 } from '../server/src/modules/licenses/signing/suites.js';
import { formatSpread, printLoad, rounds, spread } from './lib/report.js';

const ROUNDS = 5;
const WARM_MS = 400;
const COLD_KEYS = 8;

const content = canonicalBytes({
  spec: 'tongban-license/1',
  number: '1.2.156.3005.2.1002.11520103MB3Y001A0A.00000042.001.K',
  version: 1,
  type: { code: 'FOOD_LICENSE', name: '食品经营许可证' },
  holder: { kind: 'enterprise', idType: '001', id: '91520103MA6DTXXX0Y', name: '贵阳黔味小吃有限公司' },
  issuer: { departmentId: 'c1d2', name: '贵阳市云岩区市场监督管理局', creditCode: '11520103MB3Y001A0A' },
  issuedAt: '2026-11-23T02:00:00.000Z',
  validFrom: '2026-11-23',
  validUntil: '2031-11-22',
  data: {
    operatorName: '贵阳黔味小吃有限公司',
    premises: '贵阳市云岩区中华北路 1 号',
    format: '餐饮服务经营者',
    items: '热食类食品制售',
  },
  previous: null,
});

/** The verifier the platform used before: sm-crypto-v2 against a precomputed (cached) public key. */
const oldPoints = new Map<string, ReturnType<typeof sm2.precomputePublicKey>>();
const oldSm2Verify = (message: Uint8Array, signature: string, publicKey: string): boolean => {
  let point = oldPoints.get(publicKey);
  if (!point) oldPoints.set(publicKey, (point = sm2.precomputePublicKey(publicKey)));
  const hex = Buffer.from(signature, 'base64url').toString('hex');
  return sm2.doVerifySignature(message, hex, point, { hash: true, der: false });
};

type Verify = (message: Uint8Array, signature: string, publicKey: string) => boolean;
interface Signed {
  signature: string;
  publicKey: string;
}

const verifiers: { name: string; suite: typeof SM2; verify: Verify }[] = [
  { name: 'SM2 (WebAssembly)', suite: SM2, verify: SM2.verify },
  { name: 'SM2 (sm-crypto-v2)', suite: SM2, verify: oldSm2Verify },
  { name: 'Ed25519 (node:crypto)', suite: ED25519, verify: ED25519.verify },
];

const signedWith = (suite: typeof SM2): Signed => {
  const keys = suite.generate();
  return { signature: suite.sign(content, keys.privateKey, keys.publicKey), publicKey: keys.publicKey };
};

function mustVerify(verify: Verify, s: Signed): void {
  if (!verify(content, s.signature, s.publicKey)) throw new Error('a signature does not verify');
}

/** Verifications per second against one (cached) key, for about `ms`. */
function warmRate(verify: Verify, s: Signed, ms: number): number {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < 20; i++) mustVerify(verify, s);
    count += 20;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (count / elapsed) * 1000;
}

/** Milliseconds per first verification against a new key (keys and signatures made beforehand). */
function coldMs(verify: Verify, fresh: Signed[]): number {
  const start = performance.now();
  for (const s of fresh) mustVerify(verify, s);
  return (performance.now() - start) / fresh.length;
}

printLoad();
console.log(`content: ${content.length} bytes of canonical JSON; ${ROUNDS} rounds, the three interleaved in each`);
const warm = verifiers.map((v) => ({ ...v, signed: signedWith(v.suite), rates: [] as number[], cold: [] as number[] }));
for (const v of warm) mustVerify(v.verify, v.signed); // the first use: G's table, the key's table, JIT

const ratios = await rounds('SM2 (WebAssembly) ÷ Ed25519, warm verifications per second', ROUNDS, () => {
  for (const v of warm) {
    const fresh = Array.from({ length: COLD_KEYS }, () => signedWith(v.suite));
    v.cold.push(coldMs(v.verify, fresh));
    v.rates.push(warmRate(v.verify, v.signed, WARM_MS));
  }
  return warm[0]!.rates.at(-1)! / warm[2]!.rates.at(-1)!;
});
for (const v of warm) {
  console.log(`${v.name.padEnd(22)} warm verify/s: ${formatSpread(spread(v.rates), 0)}`);
  console.log(`${v.name.padEnd(22)} cold ms/verify: ${formatSpread(spread(v.cold), 2)} (first use of a key)`);
}
const old = spread(warm[0]!.rates.map((r, i) => r / warm[1]!.rates[i]!));
console.log(`SM2 (WebAssembly) ÷ SM2 (sm-crypto-v2), warm: ${formatSpread(old, 2)}`);
console.log(`SM2 ÷ Ed25519 verifications per second (warm, median): ${ratios.median.toFixed(3)}`);
printLoad('load average after');
