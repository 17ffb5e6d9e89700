/**
 * Licence signature verification, in process: verifications per second of one licence's canonical
 * content under SM2/SM3 (sm-crypto-v2, precomputed public key) and Ed25519 (node:crypto), and the
 * ratio between them. Signing is measured alongside for reference.
 *   npm run bench:licenses
 */
import { Bench } from 'tinybench';
import { canonicalBytes } from '../server/src/modules/licenses/signing/canonical.js';
import { ED25519, SM2 } from '../server/src/modules/licenses/signing/suites.js';

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

const suites = [ED25519, SM2].map((suite) => {
  const keys = suite.generate();
  const signature = suite.sign(content, keys.privateKey, keys.publicKey);
  if (!suite.verify(content, signature, keys.publicKey)) throw new Error(`${suite.alg}: signature does not verify`);
  return { suite, keys, signature };
});

const bench = new Bench({ time: 2000, warmupTime: 300 });
for (const { suite, keys, signature } of suites) {
  bench.add(`${suite.alg} verify`, () => {
    suite.verify(content, signature, keys.publicKey);
  });
  bench.add(`${suite.alg} sign`, () => {
    suite.sign(content, keys.privateKey, keys.publicKey);
  });
}
await bench.run();

const hz = (name: string): number => {
  const r = bench.getTask(name)!.result;
  if (r.state !== 'completed') throw new Error(`${name}: ${r.state}`);
  return r.throughput.mean;
};
console.log(`content: ${content.length} bytes of canonical JSON`);
for (const t of bench.tasks)
  console.log(`${t.name.padEnd(16)} ${Math.round(hz(t.name)).toLocaleString('en').padStart(8)} ops/s`);
console.log(`SM2 / Ed25519 verifications per second: ${(hz('SM2 verify') / hz('Ed25519 verify')).toFixed(3)}`);
