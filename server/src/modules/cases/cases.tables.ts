import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.js';
import type { ProcessDefinition } from '../../../../contracts/cases.js';
import type { ItemTypeCode } from '../../../../contracts/catalog-codes.js';

type Json<T> = ColumnType<T, string, string>;

export type CaseStatus =
  | 'waiting'
  | 'submitted'
  | 'awaiting_supplement'
  | 'in_progress'
  | 'suspended'
  | 'approved'
  | 'refused'
  | 'not_accepted'
  | 'withdrawn'
  | 'terminated';
export type TaskStatus = 'open' | 'approved' | 'returned' | 'refused' | 'cancelled';
export type PauseKind = 'supplement' | 'hearing' | 'expert_review' | 'inspection' | 'public_notice' | 'other';

export interface ProcessDefinitionTable {
  id: string;
  itemCode: string;
  version: number;
  definition: Json<ProcessDefinition>;
  active: Generated<boolean>;
  createdBy: string;
  createdAt: Generated<Date>;
}
export interface BundleTable {
  id: string;
  trackingCode: string;
  themeSlug: string;
  themeName: string;
  applicantPersonId: string;
  applicantEnterpriseId: string | null;
  /** The shared form's non-personal fields; the rest is sealed in `formEnc` (handling/form-store.ts). */
  form: Json<Record<string, unknown>>;
  formEnc: string | null;
  createdAt: Generated<Date>;
}
export interface CaseTable {
  id: string;
  bundleId: string | null;
  basicCode: string;
  /** Basic codes of the bundle's items that must be approved before this case goes to the window (联动). */
  waitsFor: string[];
  trackingCode: string;
  itemCode: string;
  itemName: string;
  /** 事项类型 (GB/T 39046 code, `01` 行政许可) as published when the case was filed; decides the kind of its decision document. */
  itemType: Generated<ItemTypeCode | null>;
  regionCode: string;
  departmentId: string;
  definition: Json<ProcessDefinition>;
  definitionVersion: number;
  applicantPersonId: string;
  applicantEnterpriseId: string | null;
  applicantName: string;
  channel: 'online' | 'window';
  filedBy: string | null;
  /** 收件地: the region of the window that filed it for a walk-in resident (null when filed online). */
  filingRegionCode: Generated<string | null>;
  /** The form's non-personal fields (what process conditions read); the personal ones are sealed in `formEnc`. */
  form: Json<Record<string, unknown>>;
  formEnc: string | null;
  status: CaseStatus;
  stageIndex: number | null;
  promisedDays: number;
  /** 法定办结时限 of the item when filed (working days); null for a case filed before it was kept (0055). */
  legalDays: Generated<number | null>;
  submittedAt: Date;
  acceptedOn: string | null;
  dueOn: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  decisionNo: Generated<string | null>;
  /** 免提交: materials the applicant did not have to bring, and visits that saved. */
  materialsSaved: Generated<number>;
  visitsSaved: Generated<number>;
  version: Generated<number>;
  updatedAt: Generated<Date>;
}
export interface TaskTable {
  id: string;
  caseId: string;
  stageIndex: number;
  stageKey: string;
  taskKey: string;
  name: string;
  departmentId: string;
  regionCode: string;
  role: string;
  status: TaskStatus;
  assigneeId: string | null;
  limitDays: number;
  openedOn: string;
  dueOn: string;
  completedAt: Date | null;
  opinion: string | null;
  version: Generated<number>;
}
export interface PauseTable {
  id: string;
  caseId: string;
  kind: PauseKind;
  reason: string;
  startedOn: string;
  endedOn: string | null;
}
export interface MaterialTable {
  id: string;
  caseId: string;
  materialIndex: number;
  name: string;
  /** `paper`: an original the window received at the counter (窗口代录). */
  kind: 'upload' | 'license' | 'shared_data' | 'promise' | 'paper';
  fileKey: string | null;
  contentType: string | null;
  size: number | null;
  reference: string | null;
  addedBy: string;
  addedAt: Date;
  /** When a newer file (or the promised material) took this one's place: kept as history. */
  supersededAt: Generated<Date | null>;
  /** 容缺: the day a promised material is due, set at acceptance. */
  dueOn: Generated<string | null>;
}
export interface DecisionSeqTable {
  departmentId: string;
  year: number;
  last: number;
}
export interface DraftTable {
  id: string;
  applicantPersonId: string;
  applicantEnterpriseId: string | null;
  itemCode: string;
  form: Json<Record<string, unknown>>;
  formEnc: string | null;
  updatedAt: Date;
}
export interface ExtensionTable {
  id: string;
  caseId: string;
  taskId: string;
  days: number;
  reason: string;
  status: 'pending' | 'approved' | 'refused';
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
}
export interface IdempotencyTable {
  actorId: string;
  key: string;
  requestHash: string;
  caseId: string;
  createdAt: Generated<Date>;
}
export interface EventTable {
  id: Generated<number>;
  caseId: string;
  at: Date;
  actorId: string | null;
  actorKind: string;
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  taskId: string | null;
  detail: Json<Record<string, unknown>>;
}

export type CasesTables = {
  'cases.processDefinition': ProcessDefinitionTable;
  'cases.bundle': BundleTable;
  'cases.case': CaseTable;
  'cases.task': TaskTable;
  'cases.pause': PauseTable;
  'cases.draft': DraftTable;
  'cases.decisionSeq': DecisionSeqTable;
  'cases.material': MaterialTable;
  'cases.extension': ExtensionTable;
  'cases.idempotency': IdempotencyTable;
  'cases.event': EventTable;
  'cases.delivery': DeliveryTable;
  'cases.fee': FeeTable;
};

/** 送达: how the result reaches the applicant; recipient, phone and address encrypted. */
export interface DeliveryTable {
  caseId: string;
  method: 'pickup' | 'post' | 'online';
  recipientEnc: string | null;
  phoneEnc: string | null;
  addressEnc: string | null;
  regionCode: string | null;
  status: 'pending' | 'dispatched' | 'delivered' | 'collected';
  carrier: string | null;
  trackingNumber: string | null;
  dispatchedAt: Date | null;
  completedAt: Date | null;
  updatedAt: Date;
}

/** 收费: a fee due on a case, and its payment (the 非税收入缴款书 number) or waiver. */
export interface FeeTable {
  id: string;
  caseId: string;
  name: string;
  basis: string;
  amountFen: number;
  status: 'due' | 'paid' | 'waived';
  paymentRef: string | null;
  setBy: string;
  setAt: Date;
  settledBy: string | null;
  settledAt: Date | null;
}

/** The cases module's view of the database: its own tables only. */
export const kq = (db: Db): Kysely<CasesTables> => db.withTables<CasesTables>() as unknown as Kysely<CasesTables>;
