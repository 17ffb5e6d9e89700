/**
 * Sums a V8 CPU profile (`node --cpu-prof`, e.g. `BENCH_PROFILE=dir npm run bench:cases`) into self
 * time per function and per file, the heaviest first, so a benchmark's profile reads as a table.
 *   npx tsx bench/profile-summary.ts dir/CPU.…cpuprofile [top=25]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]');
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

/** node_modules/<package> or the path inside the repository; V8's own entries keep their names. */
function fileOf(url: string): string {
  if (!url) return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return `${rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]} (package)`;
  }
  const repo = path.search(/\/(server|bench|contracts|scripts)\//);
  return repo >= 0 ? path.slice(repo + 1) : path;
}

const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
const perFunction = new Map<string, number>();
const inclusive = new Map<string, number>();
let busy = 0;
const perFile = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const dt = profile.timeDeltas[i] ?? 0;
  if (!node) return;
  total += dt;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = fileOf(url);
  const fn = `${functionName || '(anonymous)'} ${where}${url ? `:${lineNumber + 1}` : ''}`;
  perFunction.set(fn, (perFunction.get(fn) ?? 0) + dt);
  perFile.set(where, (perFile.get(where) ?? 0) + dt);
  if (functionName === '(idle)') return;
  busy += dt;
  // Each of the platform's functions on the stack once (recursion counted once).
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const frame = byId.get(at)!.callFrame;
    const mine = fileOf(frame.url);
    if (!/^(server|contracts)\//.test(mine)) continue;
    const name = `${frame.functionName || '(anonymous)'} ${mine}:${frame.lineNumber + 1}`;
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
  }
});

function print(title: string, table: Map<string, number>, of = total): void {
  console.log(`\n${title}`);
  for (const [name, us] of [...table].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * us) / of).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  }
}

console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
print('self time per file (packages summed)', perFile);
print('self time per function', perFunction);
print(`the platform's functions, inclusive time, % of the busy ${(busy / 1e6).toFixed(1)} s`, inclusive, busy);
