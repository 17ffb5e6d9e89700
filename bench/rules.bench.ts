/**
 * 主动服务 at provincial scale: the seeded policies (16 for persons, 5 for enterprises) over a
 * synthetic population, column-wise by the platform's evaluator (all policies in force of a
 * subject kind at once, as a run judges them), against json-rules-engine evaluating the same rules
 * on the same facts for a sample in the same run (extrapolated: the peer would take hours on the
 * whole population). Both are warmed first (untimed); then rounds, each timing the platform over
 * everyone and the peer over the sample one after the other, so both see the same machine; the
 * ratio is the median of the rounds' ratios. The sample's decisions must be identical every round.
 *
 *   npm run bench:rules
 * BENCH_PERSONS (default 10,000,000; enterprises a tenth of it), BENCH_SAMPLE (default 20,000 per
 * kind), BENCH_ROUNDS (default 3). Targets: ≥ 1,000× the peer; 10,000,000 persons × 20 rules ≤ 30 s.
 *
 * What the peer is spared (favouring it): its fact objects are built before the clock starts (ages,
 * days since, regional parameters already worked out per subject); only `engine.run` is timed, one
 * subject after another as its documentation runs it.
 */
import { Engine } from 'json-rules-engine';
import { Rng } from '../server/src/platform/random/rng.js';
import { POLICIES } from '../server/src/modules/proactive/policies/index.js';
import { allocateColumns, dayNumber, NO_DAY, type Columns } from '../server/src/modules/proactive/rules/columns.js';
import { countBits, evaluateBitmaps, holds } from '../server/src/modules/proactive/rules/evaluate.js';
import { median, printLoad, rounds } from './lib/report.js';
import { FACTS, type EnumFact, type FactDef, type SubjectKind } from '../server/src/modules/proactive/rules/facts.js';
import {
  isAny,
  regionalValue,
  versionOn,
  type Leaf,
  type Policy,
  type PolicyVersion,
} from '../server/src/modules/proactive/rules/language.js';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 10_000_000);
const ENTERPRISES = Math.max(1, Math.floor(PERSONS / 10));
const SAMPLE = Math.min(Number(process.env.BENCH_SAMPLE ?? 20_000), ENTERPRISES);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ON = '2026-11-02';
const TODAY = dayNumber(ON);
// Counties of 贵阳 and 黔东南 and two elsewhere, as villages would be.
const REGIONS = ['520102', '520103', '520111', '520123', '522601', '522631', '520302', '522301'];

const rng = new Rng(20_261_102);
const enumPick = (def: FactDef, weights: number[]) => {
  const total = weights.reduce((s, w) => s + w, 0);
  return () => {
    let r = rng.next() * total;
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) < 0) return i + 1;
    return (def as EnumFact).values.length;
  };
};

function synthesise(subject: SubjectKind, n: number): Columns {
  const cols = allocateColumns(subject, n, REGIONS);
  const d = cols.data;
  const f = FACTS[subject] as Record<string, FactDef>;
  const region = d.region as Uint16Array;
  for (let i = 0; i < n; i++) region[i] = rng.int(0, REGIONS.length - 1);
  if (subject === 'person') {
    const sex = enumPick(f.sex!, [51, 49]);
    const marital = enumPick(f.maritalStatus!, [30, 58, 5, 7]);
    const role = enumPick(f.householdRole!, [35, 25, 30, 7, 3]);
    const insured = enumPick(f.insured!, [40, 45, 15]);
    const income = enumPick(f.incomeBand!, [4, 4, 92]);
    for (let i = 0; i < n; i++) {
      const age = rng.int(0, 100);
      (d.age as Int32Array)[i] = (2026 - age) * 10_000 + rng.int(1, 12) * 100 + rng.int(1, 28);
      const dead = age > 60 && rng.chance(0.02);
      (d.alive as Uint8Array)[i] = dead ? 2 : 1;
      (d.daysSinceDeath as Int32Array)[i] = dead ? TODAY - rng.int(0, 900) : NO_DAY;
      (d.daysSinceChildBirth as Int32Array)[i] =
        age > 20 && age < 50 && rng.chance(0.3) ? TODAY - rng.int(0, 3000) : NO_DAY;
      (d.disabilityLevel as Float64Array)[i] = rng.chance(0.06) ? rng.int(1, 4) : Number.NaN;
      (d.sex as Uint8Array)[i] = sex();
      (d.maritalStatus as Uint8Array)[i] = marital();
      (d.householdRole as Uint8Array)[i] = role();
      (d.insured as Uint8Array)[i] = insured();
      (d.incomeBand as Uint8Array)[i] = income();
    }
  } else {
    const status = enumPick(f.status!, [92, 3, 5]);
    const industry = enumPick(f.industry!, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const rating = enumPick(f.taxCreditRating!, [25, 45, 15, 10, 5]);
    for (let i = 0; i < n; i++) {
      (d.status as Uint8Array)[i] = status();
      (d.daysSinceEstablished as Int32Array)[i] = TODAY - rng.int(0, 9000);
      (d.industry as Uint8Array)[i] = industry();
      (d.employees as Float64Array)[i] = rng.chance(0.1) ? Number.NaN : rng.int(0, 400);
      (d.registeredCapital as Float64Array)[i] = rng.int(1, 500) * 10_000;
      (d.taxCreditRating as Uint8Array)[i] = rng.chance(0.05) ? 0 : rating();
    }
  }
  return cols;
}

/** One subject's facts as json-rules-engine reads them: values, not columns (NaN and no record: null). */
function factsOf(cols: Columns, i: number, policies: readonly Policy[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const refYmd = 20_261_102;
  for (const [fact, def] of Object.entries(FACTS[cols.subject]) as [string, FactDef][]) {
    const v = cols.data[fact]![i]!;
    if (def.kind === 'enum') out[fact] = v === 0 ? null : def.values[v - 1];
    else if (def.kind === 'region') out[fact] = cols.regions[v];
    else if (def.kind === 'years') out[fact] = v === 0 ? null : Math.floor((refYmd - v) / 10_000);
    else if (def.kind === 'daysSince') out[fact] = v === NO_DAY ? null : TODAY - v;
    else out[fact] = Number.isNaN(v) ? null : v;
  }
  for (const p of policies) {
    const version = versionOn(p, ON)!;
    for (const [name, param] of Object.entries(version.params ?? {}))
      out[`${p.code}.${name}`] = regionalValue(param, out.region as string) ?? null;
  }
  return out;
}

const OPS = {
  eq: 'equal',
  ne: 'notEqual',
  gt: 'greaterThan',
  gte: 'greaterThanInclusive',
  lt: 'lessThan',
  lte: 'lessThanInclusive',
};

// biome-ignore lint: json-rules-engine's condition types
function peerCondition(p: Policy, leaf: Leaf): any {
  if (leaf.op === 'within') return { fact: leaf.fact, operator: 'within', value: leaf.regions };
  if ('values' in leaf) return { fact: leaf.fact, operator: leaf.op, value: leaf.values };
  if ('value' in leaf) return { fact: leaf.fact, operator: OPS[leaf.op], value: leaf.value };
  // A parameter the region does not define fails the condition, as on the platform.
  const param = `${p.code}.${leaf.param}`;
  return {
    all: [
      { fact: param, operator: 'notEqual', value: null },
      { fact: leaf.fact, operator: OPS[leaf.op], value: { fact: param } },
    ],
  };
}

function peerRule(p: Policy, v: PolicyVersion) {
  return {
    name: p.code,
    conditions: {
      all: v.when.map((c) => (isAny(c) ? { any: c.any.map((l) => peerCondition(p, l)) } : peerCondition(p, c))),
    },
    event: { type: p.code },
  };
}

function peerEngine(policies: readonly Policy[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('within', (fact: unknown, prefixes: unknown) =>
    typeof fact === 'string' ? (prefixes as string[]).some((x) => fact.startsWith(x)) : false,
  );
  for (const p of policies) engine.addRule(peerRule(p, versionOn(p, ON)!));
  return engine;
}

const seconds = (start: number) => (performance.now() - start) / 1000;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const policiesOf = (subject: SubjectKind) => POLICIES.filter((p) => p.subject === subject && versionOn(p, ON));
const groups = [
  { subject: 'person' as const, n: PERSONS, policies: policiesOf('person') },
  { subject: 'enterprise' as const, n: ENTERPRISES, policies: policiesOf('enterprise') },
];
const versionsOf = (g: (typeof groups)[number]) => g.policies.map((p) => versionOn(p, ON)!);
const evaluations = groups.reduce((s, g) => s + g.n * g.policies.length, 0);

printLoad();
let start = performance.now();
const population = groups.map((g) => synthesise(g.subject, g.n));
console.log(
  `synthetic population: ${fmt(PERSONS)} persons, ${fmt(ENTERPRISES)} enterprises, ${POLICIES.length} policies (${seconds(start).toFixed(1)} s to generate)`,
);

/** The platform's engine over everyone, as a run judges: all policies in force of a subject kind at once. */
function platform(): { seconds: number; flags: Uint32Array[][] } {
  const t = performance.now();
  const flags = groups.map((g, k) => evaluateBitmaps(versionsOf(g), population[k]!, ON));
  return { seconds: seconds(t), flags };
}

/** The same engine given one policy at a time (no condition shared between policies): for comparison. */
function platformOneByOne(): number {
  const t = performance.now();
  groups.forEach((g, k) => {
    for (const v of versionsOf(g)) evaluateBitmaps([v], population[k]!, ON);
  });
  return seconds(t);
}

// The peer: its engine per subject kind, its facts for the sample built before any clock starts.
const peers = groups.map((g, k) => ({
  engine: peerEngine(g.policies),
  facts: Array.from({ length: SAMPLE }, (_, i) => factsOf(population[k]!, i, g.policies)),
}));
async function peer(): Promise<{ seconds: number; outcomes: Set<string>[][] }> {
  const t = performance.now();
  const outcomes: Set<string>[][] = [];
  for (const { engine, facts } of peers) {
    const mine: Set<string>[] = [];
    for (const f of facts) mine.push(new Set((await engine.run(f)).events.map((e) => e.type)));
    outcomes.push(mine);
  }
  return { seconds: seconds(t), outcomes };
}

function mismatchesOf(flags: Uint32Array[][], outcomes: Set<string>[][]): number {
  let mismatches = 0;
  groups.forEach((g, k) =>
    g.policies.forEach((p, r) => {
      for (let i = 0; i < SAMPLE; i++)
        if (holds(flags[k]![r]!, i) !== outcomes[k]![i]!.has(p.code)) {
          if (process.env.BENCH_DEBUG && mismatches < 5)
            console.log(p.code, holds(flags[k]![r]!, i), peers[k]!.facts[i]);
          mismatches++;
        }
    }),
  );
  return mismatches;
}

// Warm-up, untimed: both compile their hot paths (the peer on a thousand subjects per kind).
for (const { engine, facts } of peers) for (const f of facts.slice(0, 1_000)) await engine.run(f);
evaluateBitmaps(versionsOf(groups[0]!), population[0]!, ON);

const peerEvaluations = SAMPLE * groups.reduce((s, g) => s + g.policies.length, 0);
console.log(
  `rounds, each: the platform over ${fmt(evaluations)} subject×rule evaluations (all ${PERSONS >= 1e6 ? `${PERSONS / 1e6}M` : PERSONS} persons and ${fmt(ENTERPRISES)} enterprises), then json-rules-engine over a sample of ${fmt(SAMPLE)} per kind (${fmt(peerEvaluations)} evaluations), same rules, same facts; the peer's rate extrapolated to the population`,
);
let mismatches = 0;
const engineRates: number[] = [];
const peerRates: number[] = [];
const oneByOneRates: number[] = [];
let eligible = 0;
const ratio = await rounds(
  'ratio (platform rate ÷ peer rate)',
  ROUNDS,
  async () => {
    const mine = platform();
    const theirs = await peer();
    const oneByOne = platformOneByOne();
    mismatches += mismatchesOf(mine.flags, theirs.outcomes);
    eligible = mine.flags.flat().reduce((s, f) => s + countBits(f), 0);
    engineRates.push(evaluations / mine.seconds);
    peerRates.push(peerEvaluations / theirs.seconds);
    oneByOneRates.push(evaluations / oneByOne);
    console.log(
      `    platform ${mine.seconds.toFixed(2)} s = ${fmt(evaluations / mine.seconds)}/s (${fmt(eligible)} eligible; one policy at a time: ${oneByOne.toFixed(2)} s); json-rules-engine ${theirs.seconds.toFixed(2)} s = ${fmt(peerEvaluations / theirs.seconds)}/s`,
    );
    return evaluations / mine.seconds / (peerEvaluations / theirs.seconds);
  },
  0,
);

const engineRate = median(engineRates);
console.log(
  `platform engine: median ${fmt(engineRate)} evaluations/s (one policy at a time: ${fmt(median(oneByOneRates))}/s)`,
);
console.log(
  `json-rules-engine: median ${fmt(median(peerRates))} evaluations/s on the sample; the whole population would take ~${fmt(evaluations / median(peerRates))} s (extrapolated)`,
);
console.log(
  `identical decisions on the sample, every round: ${mismatches === 0 ? 'yes' : `NO — ${mismatches} differ`}`,
);
console.log(`ratio: median ${fmt(ratio.median)}× the peer (target ≥ 1,000×)`);
console.log(
  `10,000,000 persons × 20 rules at the median rate: ${((10_000_000 * 20) / engineRate).toFixed(1)} s (target ≤ 30 s)`,
);
printLoad('load average after');
if (mismatches > 0) process.exitCode = 1;
