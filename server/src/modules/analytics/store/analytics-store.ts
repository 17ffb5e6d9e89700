/**
 * The analytics store (数据分析库): a columnar copy of what the platform's events say, kept for
 * reading figures fast. One interface, two engines: DuckDB embedded (the default, `duckdb-store.ts`)
 * and, at provincial scale, ClickHouse (not built yet: see the module README for what an adapter
 * needs). Everything in it is derived: it can be dropped and rebuilt from the PostgreSQL event log.
 */

/** One case as the indicators count it; derived from its event log by `feed/case-record.ts`. */
export interface CaseRecord {
  caseId: string;
  itemCode: string;
  itemName: string;
  regionCode: string;
  departmentId: string;
  departmentName: string;
  /** 申请渠道: filed online or at a window. */
  channel: 'online' | 'window';
  /** A keyed hash of the applicant's account, to count distinct people; never published. */
  personKey: string;
  status: string;
  /** Beijing dates. */
  filedOn: string;
  acceptedOn: string | null;
  decidedOn: string | null;
  /** The day the case counts in a period: accepted on, or filed on when never accepted. */
  periodDay: string;
  outcome: 'approved' | 'refused' | 'not_accepted' | 'withdrawn' | 'terminated' | null;
  /** Working days from acceptance to decision, less the working days paused (特别程序, 补正). */
  workingDays: number | null;
  pausedDays: number;
  promisedDays: number;
  legalDays: number | null;
  onTimePromised: boolean | null;
  onTimeLegal: boolean | null;
  /** 即办件 by the item's guide. */
  immediate: boolean;
  /** 全程网办: filed online for an item that needs no visit. */
  fullyOnline: boolean;
  supplementRounds: number;
  returns: number;
  materialsSaved: number;
  visitsSaved: number;
  /** 跑动次数 the guide asks for. */
  visitsNeeded: number;
}

/** One entry of a case's event log (type and time only), for process mining. */
export interface StepRecord {
  caseId: string;
  seq: number;
  eventId: number;
  type: string;
  atMs: number;
}

/** One department task of a case: how long it stayed open. */
export interface TaskRecord {
  caseId: string;
  taskId: string;
  itemCode: string;
  name: string;
  departmentId: string;
  openedOn: string;
  completedOn: string | null;
  workingDays: number | null;
  limitDays: number;
  status: string;
}

/** One 好差评 rating (its latest status). */
export interface RatingRecord {
  ratingId: string;
  caseId: string;
  itemCode: string;
  regionCode: string;
  departmentId: string;
  channel: string;
  level: number;
  status: string;
  ratedOn: string;
  personKey: string;
}

/** What one delivery (or one rebuild batch) changes: whole cases replaced, ratings upserted. */
export interface StoreChange {
  cases: { record: CaseRecord; steps: StepRecord[]; tasks: TaskRecord[] }[];
  ratings: RatingRecord[];
  /** The highest outbox event id this change reflects. */
  watermark: number;
}

/** Which rows a question is about; `departmentIds` undefined means every department. */
export interface Slice {
  regionPrefix?: string;
  departmentIds?: readonly string[];
  departmentId?: string;
  itemCode?: string;
  from?: string;
  to?: string;
}

export const GROUPINGS = ['total', 'region', 'department', 'item', 'channel', 'month'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** Raw sums of a cell, before rates and suppression. */
export interface CellSums {
  key: string;
  label: string;
  people: number;
  filed: number;
  accepted: number;
  completed: number;
  approved: number;
  refused: number;
  notAccepted: number;
  onTimePromised: number;
  onTimeLegal: number;
  legalKnown: number;
  avgWorkingDays: number | null;
  p90WorkingDays: number | null;
  immediate: number;
  fullyOnline: number;
  supplemented: number;
  materialsSaved: number;
  visitsSaved: number;
  ratings: number;
  raters: number;
  goodRatings: number;
  badRatings: number;
  avgRating: number | null;
}

export interface StepDwell {
  name: string;
  departmentId: string;
  tasks: number;
  open: number;
  avgWorkingDays: number | null;
  p90WorkingDays: number | null;
  maxWorkingDays: number | null;
  overLimit: number;
}

export interface Follows {
  from: string;
  to: string;
  count: number;
}

export interface BottleneckSums {
  cases: number;
  people: number;
  steps: StepDwell[];
  follows: Follows[];
  supplementRounds: { rounds: number; cases: number }[];
  returns: number;
}

export interface AnalyticsStore {
  readonly engine: 'duckdb' | 'clickhouse';
  /** Applies a change atomically: the cases' rows replaced, ratings upserted, the watermark raised. */
  apply(change: StoreChange): Promise<void>;
  /** The highest outbox event id applied (0 when empty). */
  watermark(): Promise<number>;
  cells(slice: Slice, by: Grouping): Promise<CellSums[]>;
  bottlenecks(slice: Slice): Promise<BottleneckSums>;
  /** Every row, ordered: what a rebuild must reproduce. */
  dump(): Promise<Record<string, unknown[]>>;
  /** Empties the store (before a rebuild). */
  clear(): Promise<void>;
  close(): Promise<void>;
}
