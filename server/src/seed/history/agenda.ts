/**
 * The demo history's time: a clock the seed moves forward, and an agenda that runs every case's
 * next step in the order of their moments, across all cases — so event logs, document numbers
 * (文号 per department and year) and outbox ids follow the simulated time as they would have.
 */
import { beijingDate } from '../../platform/calendar/beijing.js';

/** The clock every use case of the history reads (`deps.now`): set to each step's moment before the step runs. */
export class SimulatedClock {
  private t: number;

  constructor(start: Date) {
    this.t = start.getTime();
  }

  readonly now = (): Date => new Date(this.t);

  set(at: Date): void {
    this.t = at.getTime();
  }
}

/**
 * A case's steps: the script yields the moment of its next step and, resumed at that moment (the
 * clock set), takes it. It ends when the case has nothing more to do.
 */
export type Script = AsyncGenerator<Date, void, void>;

interface Entry {
  at: number;
  seq: number;
  script: Script;
  key: number;
}

/** A binary heap of scripts by the moment of their next step (ties in the order they were added). */
export class Agenda {
  private readonly heap: Entry[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  add(at: Date, key: number, script: Script): void {
    this.push({ at: at.getTime(), seq: this.seq++, script, key });
  }

  /** The moment of the earliest step, if any. */
  peek(): Date | undefined {
    return this.heap[0] ? new Date(this.heap[0].at) : undefined;
  }

  /**
   * Runs steps in time order until the next one lies after `until`, setting the clock to each
   * step's moment (a script that yields an earlier moment runs a second later). A step that throws
   * ends its script: `failed` hears of it, the others go on. `beforeDay` runs when the steps reach
   * a new Beijing day, with the clock at the end of the previous step.
   */
  async run(
    clock: SimulatedClock,
    until: Date,
    hooks: {
      failed: (key: number, error: unknown) => void;
      beforeDay?: (day: string) => Promise<void>;
      progress?: () => void;
    },
  ): Promise<void> {
    let day: string | undefined;
    for (let next = this.pop(); next; next = this.pop()) {
      if (next.at > until.getTime()) {
        this.push(next);
        return;
      }
      const nextDay = beijingDate(new Date(next.at));
      if (day !== nextDay) {
        if (day !== undefined) await hooks.beforeDay?.(nextDay);
        day = nextDay;
      }
      clock.set(new Date(next.at));
      let step: IteratorResult<Date, void>;
      try {
        step = await next.script.next();
      } catch (e) {
        hooks.failed(next.key, e);
        continue;
      }
      hooks.progress?.();
      if (!step.done) this.push({ ...next, at: Math.max(step.value.getTime(), next.at + 1_000), seq: this.seq++ });
    }
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private pop(): Entry | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    h[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l]!, h[m]!)) m = l;
      if (r < h.length && before(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
    return top;
  }
}

const before = (a: Entry, b: Entry) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
