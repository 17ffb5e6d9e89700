import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.js';

export interface ComplaintTable {
  id: string;
  /** 投诉编号, e.g. TS261123-7K2M9Q */
  reference: string;
  /** 投诉, 举报, 建议 */
  kind: 'complaint' | 'report' | 'suggestion';
  /** The resident who complained; null when an API client filed it (Open311). */
  complainantPersonId: string | null;
  /** The API client (OAuth client id) that filed it through Open311. */
  filedByClient: string | null;
  /** The department does not see who wrote it (a report's protection of the reporter). */
  hideIdentity: boolean;
  caseId: string | null;
  departmentId: string;
  regionCode: string;
  subject: string;
  contentEnc: string;
  status: 'open' | 'answered' | 'closed';
  dueOn: string;
  reply: string | null;
  repliedBy: string | null;
  repliedAt: Date | null;
  satisfaction: number | null;
  closedAt: Date | null;
  createdAt: Date;
  version: Generated<number>;
}

export type ClockKind =
  | 'acceptance'
  | 'task'
  | 'case_promised'
  | 'case_legal'
  | 'supplement'
  | 'promise'
  | 'complaint'
  | 'return_visit'
  | 'rectification'
  | 'sharing_request'
  | 'order';
/** What a clock's row stores: its life. Yellow and red are read from its moments (`clockStateAt`). */
export type ClockLife = 'running' | 'paused' | 'stopped';
/** What a person reads: a running clock past a moment is yellow or red. */
export type ClockState = ClockLife | 'yellow' | 'red';

/** One legal clock under 电子监察: owner, due date by the working-day calendar, pause, state. */
export interface ClockTable {
  id: string;
  kind: ClockKind;
  /** The task, case, complaint, order… the clock belongs to (one clock per kind and subject). */
  subjectId: string;
  caseId: string | null;
  /** What a person reads: tracking code, complaint or order reference. */
  reference: string;
  title: string;
  itemType: string | null;
  regionCode: string;
  departmentId: string | null;
  ownerStaffId: string | null;
  startedOn: string;
  limitDays: number;
  dueOn: string;
  pausedSince: string | null;
  yellowAt: Date;
  redAt: Date;
  state: ClockLife;
  /** Saved with a moment the sweep had already passed: the next sweep looks at it. */
  recheck: Generated<boolean>;
  stoppedAt: Date | null;
  updatedAt: Date;
}

/** 黄牌/红牌: raised once per clock, level and due date; seen by whom and when; cleared when the clock stops or moves. */
export interface WarningTable {
  id: string;
  clockId: string;
  level: 'yellow' | 'red';
  dueOn: string;
  regionCode: string;
  departmentId: string | null;
  /** A red warning goes up to the supervising unit of the region above. */
  escalatedToRegion: string | null;
  raisedAt: Date;
  seenBy: string | null;
  seenAt: Date | null;
  clearedAt: Date | null;
}

export interface ThresholdTable {
  /** 事项类型 code, or `*` for every type without its own. */
  itemType: string;
  yellowDays: number;
  yellowShare: string | number;
  updatedBy: string | null;
  updatedAt: Generated<Date>;
}

/** 督办: an order with a response deadline to the head of the department concerned. */
export interface OrderTable {
  id: string;
  reference: string;
  subjectType: 'case' | 'task' | 'department' | 'complaint';
  subjectId: string;
  subjectLabel: string;
  regionCode: string;
  departmentId: string;
  instruction: string;
  respondDays: number;
  dueOn: string;
  status: 'open' | 'answered';
  issuedBy: string;
  issuedAt: Date;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  escalatedAt: Date | null;
  idempotencyKey: string | null;
}

/** 异常监察: a rule's finding over the case event log, with its explanation; dismissed only with a reason. */
export interface IrregularityTable {
  id: string;
  rule: string;
  /** What the finding is about (one open finding per rule and subject). */
  subjectKey: string;
  caseId: string | null;
  reference: string;
  regionCode: string;
  departmentId: string | null;
  staffId: string | null;
  explanation: ColumnType<Record<string, unknown>, string, string>;
  detectedAt: Date;
  status: 'open' | 'dismissed';
  dismissedBy: string | null;
  dismissedAt: Date | null;
  dismissReason: string | null;
}

export type SupervisionTables = {
  'supervision.complaint': ComplaintTable;
  'supervision.clock': ClockTable;
  'supervision.warning': WarningTable;
  'supervision.threshold': ThresholdTable;
  'supervision.order': OrderTable;
  'supervision.irregularity': IrregularityTable;
  'supervision.sweep_mark': { id: number; sweptTo: Date };
};

export const svq = (db: Db): Kysely<SupervisionTables> =>
  db.withTables<SupervisionTables>() as unknown as Kysely<SupervisionTables>;
