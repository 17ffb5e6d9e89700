/**
 * What every benchmark prints the same way (issue 18, "benchmarks that tell the truth"): the load
 * average before it starts, a measurement repeated in rounds with its spread, and cold (uncached)
 * figures apart from warm (cached) ones. Figures are printed, never asserted.
 */
import os from 'node:os';

/** Prints the load average and core count; call it before the first measurement. */
export function printLoad(label = 'load average before'): number[] {
  const load = os.loadavg();
  console.log(`${label}: ${load.map((l) => l.toFixed(2)).join(' ')} (${os.availableParallelism()} cores)`);
  return load;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The value at quantile q (0–1) of the samples, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface Spread {
  readonly values: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function spread(values: readonly number[]): Spread {
  return { values, median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** "0.69 (0.42–0.72 over 5 rounds: 0.64 0.42 0.72 0.69 0.70)" */
export function formatSpread(s: Spread, digits = 3): string {
  const f = (v: number): string => v.toFixed(digits);
  return `${f(s.median)} (${f(s.min)}–${f(s.max)} over ${s.values.length} rounds: ${s.values.map(f).join(' ')})`;
}

/**
 * Runs `measure` `count` times, one after another, printing each round's figure as it comes, and
 * returns the spread. `measure` returns the round's figure (a rate, a ratio, a latency).
 */
export async function rounds(
  label: string,
  count: number,
  measure: (round: number) => Promise<number> | number,
  digits = 3,
): Promise<Spread> {
  const values: number[] = [];
  for (let round = 1; round <= count; round++) {
    const value = await measure(round);
    values.push(value);
    console.log(`  ${label} round ${round}/${count}: ${value.toFixed(digits)}`);
  }
  const s = spread(values);
  console.log(`${label}: median ${formatSpread(s, digits)}`);
  return s;
}
