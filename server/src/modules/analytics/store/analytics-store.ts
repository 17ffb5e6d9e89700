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
  /** The applicant's household county (户籍), when the population registry knows the person. */
  homeRegion: string | null;
}

/** One page-1 search of the portal (catalog.searches-logged). */
export interface SearchFact {
  searchId: string;
  /** The query as the hot list normalises it. */
  query: string;
  regionCode: string | null;
  results: number;
  /** A keyed hash of the signed-in person or the client address. */
  sessionKey: string;
  /** The person's analytics key when signed in (as `CaseRecord.personKey`), else null. */
  personKey: string | null;
  /** Beijing date. */
  day: string;
  atMs: number;
}

/** A result opened from a search (catalog.search-clicked). */
export interface ClickFact {
  searchId: string;
  position: number;
  itemCode: string;
  personKey: string | null;
  atMs: number;
}

/** One entry of a case's event log (type and time only), for process mining. */
export interface StepRecord {
  caseId: string;
  seq: number;
  eventId: number;
  type: string;
  atMs: number;
  /** The case's item, repeated on each step: an item's 堵点 reads only its steps. */
  itemCode: string;
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
  /** 等待: working days from the task's opening to its first claim (null: never claimed). */
  waitingDays: number | null;
  /** 并联等待: in a stage of parallel tasks, working days its finished result waited for the stage's last one. */
  parallelWaitDays: number | null;
  /** For the stage's last task, the longest its parallel siblings waited for it (0 for the others). */
  parallelHeldDays: number | null;
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

/** A complaint (投诉) as it stands: where handled, its case, when filed, due and answered. */
export interface ComplaintRecord {
  complaintId: string;
  kind: string;
  caseId: string | null;
  departmentId: string;
  departmentName: string;
  regionCode: string;
  status: string;
  /** Beijing dates. */
  filedOn: string;
  dueOn: string;
  answeredOn: string | null;
}

/** A licence read by a department (用证); `caseId` set when it replaced a paper material of a case (免提交). */
export interface LicenseUseRecord {
  useId: string;
  departmentId: string;
  departmentName: string;
  /** The reading department's region. */
  regionCode: string;
  caseId: string | null;
  byConsent: boolean;
  day: string;
}

/** A data-sharing read (共享调用) by a department, from the access chain. */
export interface SharingReadRecord {
  /** `lane:seq` of the access chain. */
  readId: string;
  departmentId: string;
  departmentName: string;
  regionCode: string;
  resourceCode: string;
  officerKind: string;
  day: string;
}

/** What one delivery (or one rebuild batch) changes: whole cases replaced, ratings upserted. */
export interface StoreChange {
  cases: { record: CaseRecord; steps: StepRecord[]; tasks: TaskRecord[] }[];
  ratings: RatingRecord[];
  searches?: SearchFact[];
  clicks?: ClickFact[];
  complaints?: ComplaintRecord[];
  licenseUses?: LicenseUseRecord[];
  sharingReads?: SharingReadRecord[];
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
  /** Cases where 免提交 saved a material or a visit. */
  savedCases: number;
  ratings: number;
  raters: number;
  goodRatings: number;
  badRatings: number;
  avgRating: number | null;
  /** 投诉: complaints filed, those answered, those answered by their deadline. */
  complaints: number;
  complaintsAnswered: number;
  complaintsOnTime: number;
  /** 用证 within cases: licences that replaced a paper material. */
  licenseUses: number;
  /** 共享调用: data-sharing reads by the cell's departments. */
  sharingReads: number;
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
  /** 等待: the average working days from opening to the first claim (claimed tasks only). */
  avgWaitingDays: number | null;
}

/** 并联等待 of one department: its tasks in stages of parallel tasks, and how long they and the others waited. */
export interface ParallelWait {
  departmentId: string;
  tasks: number;
  /** Its task was the stage's last and others' results waited for it. */
  heldOthers: number;
  avgHeldDays: number | null;
  /** How long its own finished results waited for the stage's last task. */
  avgWaitedDays: number | null;
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
  parallel: ParallelWait[];
  follows: Follows[];
  supplementRounds: { rounds: number; cases: number }[];
  returns: number;
}

/** Process mining of a slice: directly-follows pairs of control-flow events, and step dwell by month. */
export interface ProcessSums {
  cases: number;
  people: number;
  edges: { from: string; to: string; count: number; people: number; medianMs: number | null }[];
  /** The same pairs counted by the Beijing days they happened on (working days need the calendar). */
  days: { from: string; to: string; fromDay: string; toDay: string; n: number }[];
  heat: {
    step: string;
    departmentId: string;
    month: string;
    tasks: number;
    people: number;
    avgWorkingDays: number | null;
  }[];
}

export interface AnalyticsStore {
  readonly engine: 'duckdb' | 'clickhouse';
  /** Applies a change atomically: the cases' rows replaced, ratings upserted, the watermark raised. */
  apply(change: StoreChange): Promise<void>;
  /** The highest outbox event id applied (0 when empty). */
  watermark(): Promise<number>;
  cells(slice: Slice, by: Grouping): Promise<CellSums[]>;
  bottlenecks(slice: Slice): Promise<BottleneckSums>;
  /** The directly-follows graph of the events of `types` and the step × month dwell (`store/process-sql.ts`). */
  process(slice: Slice, types: readonly string[]): Promise<ProcessSums>;
  /** 需求分析: what people searched for, opened and applied for (`minPeople`: a query's distinct askers to be listed). */
  demand(slice: DemandSlice, opts: { minPeople: number; limit: number }): Promise<DemandSums>;
  /** Every row, ordered: what a rebuild must reproduce. */
  dump(): Promise<Record<string, unknown[]>>;
  /** Empties the store (before a rebuild). */
  clear(): Promise<void>;
  close(): Promise<void>;
}

/** Which searches and cases a demand question is about. */
export interface DemandSlice {
  regionPrefix?: string;
  from?: string;
  to?: string;
}

/** A query with its counts: searches, distinct people (or sessions), and the figure of its list. */
export interface QuerySums {
  query: string;
  searches: number;
  people: number;
  /** zero-result list: searches that found nothing; no-click: searches with results and no click; led-to-application: searches followed by a case. */
  count: number;
}

export interface DemandSums {
  totals: { searches: number; people: number; zeroResult: number; clicked: number; ledToApplication: number };
  top: QuerySums[];
  zeroResult: QuerySums[];
  noClick: QuerySums[];
  ledToApplication: QuerySums[];
  /** Items opened from searches, with how many online applications they had in the period. */
  viewedNotApplied: { itemCode: string; itemName: string | null; views: number; people: number; online: number }[];
  /** Cases whose implementation is in another county than the applicant's household one. */
  travel: { fromRegion: string; toRegion: string; cases: number; people: number }[];
}
