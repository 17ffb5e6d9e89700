/**
 * Reading cases (审批服务系统): statuses, my cases, a case with its tasks and history, public
 * tracking (全程一码), the workbench queues and the combined progress of a theme (一件事). Shared by
 * the server's route schemas and the pages (`Wire<T>` for what the pages receive).
 */
import { z } from 'zod';
import { TrackedBundle } from './bundles.js';
import { contract } from './http.js';
import { Explanation } from './proactive.js';

export const CASE_STATUSES = [
  'waiting',
  'submitted',
  'awaiting_supplement',
  'in_progress',
  'suspended',
  'approved',
  'refused',
  'not_accepted',
  'withdrawn',
  'terminated',
] as const;
/** A case's status; `terminated` (终止) when the applicant died or the enterprise was deregistered. */
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const TaskStatus = z.enum(['open', 'approved', 'returned', 'refused', 'cancelled']);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** The applicant's steps and the staff's steps return the case's id, tracking code and status. */
export const CaseSubmitted = contract(z.object({ caseId: z.uuid(), trackingCode: z.string(), status: CaseStatus }));
export type CaseSubmitted = z.infer<typeof CaseSubmitted>;

/** 我的办件: a line of the applicant's list. */
export const CaseSummary = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  itemName: z.string(),
  status: CaseStatus,
  submittedAt: z.date(),
  dueOn: z.string().nullable(),
  decidedAt: z.date().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
export const MyCases = contract(z.object({ cases: z.array(CaseSummary) }));

export const CaseTask = z.object({
  id: z.uuid(),
  stage: z.string(),
  /** 环节名称 of the stage (the key above is for programs). */
  stageName: z.string().nullable(),
  name: z.string(),
  departmentId: z.string(),
  status: TaskStatus,
  version: z.number().int(),
  assigneeId: z.string().nullable(),
  openedOn: z.string(),
  dueOn: z.string(),
  remainingWorkingDays: z.number().int().nullable(),
  opinion: z.string().nullable(),
  completedAt: z.date().nullable(),
});
export type CaseTask = z.infer<typeof CaseTask>;

/** A step in the case's history (办理记录). */
export const CaseEvent = z.object({
  at: z.date(),
  type: z.string(),
  by: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  taskId: z.string().nullable(),
  /** What the step recorded: the notice items of 一次性告知, notes, reasons, opinions. */
  detail: z.looseObject({ items: z.array(z.string()).optional(), note: z.string().optional() }),
});
export type CaseEvent = z.infer<typeof CaseEvent>;

/** A field of the item's application form: what labels a value of the filed form. */
export const CaseFormField = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(['string', 'text', 'number', 'date', 'boolean', 'choice', 'idNumber', 'creditCode', 'phone', 'region']),
  help: z.string().optional(),
  options: z.array(z.string()).optional(),
});
export type CaseFormField = z.infer<typeof CaseFormField>;

/** An e-licence the case produced (证照结果). */
export const CaseLicence = z.object({
  id: z.uuid(),
  number: z.string(),
  typeName: z.string(),
  status: z.string(),
  validUntil: z.string().nullable(),
});
export type CaseLicence = z.infer<typeof CaseLicence>;

/** 办件详情: for the applicant, and for staff in scope (ID and mobile numbers masked in the form). */
export const CaseDetail = contract(
  z.object({
    id: z.uuid(),
    trackingCode: z.string(),
    itemCode: z.string(),
    itemName: z.string(),
    regionCode: z.string(),
    filingRegionCode: z.string().nullable(),
    applicantName: z.string(),
    actingForEnterprise: z.boolean(),
    channel: z.enum(['online', 'window']),
    status: CaseStatus,
    statusName: z.string(),
    /** The form as filed; to staff, ID and mobile numbers come masked. */
    form: z.record(z.string(), z.unknown()),
    /** The item's application form: what labels the values. */
    formFields: z.array(CaseFormField),
    version: z.number().int(),
    submittedAt: z.date(),
    acceptedOn: z.string().nullable(),
    dueOn: z.string().nullable(),
    remainingWorkingDays: z.number().int().nullable(),
    decidedAt: z.date().nullable(),
    decisionNote: z.string().nullable(),
    /** 决定书文号, once decided. */
    decisionNo: z.string().nullable(),
    /** 秒批: the rule engine's explanation of the system's approval, each rule with the registry value it read. */
    autoDecision: Explanation.nullable(),
    /** 免申即享: the system opened the case itself — no application form was filled, no material is owed. */
    filedBySystem: z.boolean(),
    stage: z.string().nullable(),
    tasks: z.array(CaseTask),
    events: z.array(CaseEvent),
    /** The e-licences the case produced. */
    licenses: z.array(CaseLicence),
  }),
);
export type CaseDetail = z.infer<typeof CaseDetail>;

/** 全程一码: progress by tracking code, never who or what was filed; the case id for its applicant. */
export const Tracking = contract(
  z.object({
    kind: z.literal('case'),
    trackingCode: z.string(),
    itemName: z.string(),
    status: CaseStatus,
    statusName: z.string(),
    submittedOn: z.string(),
    acceptedOn: z.string().nullable(),
    dueOn: z.string().nullable(),
    decidedOn: z.string().nullable(),
    steps: z.array(z.object({ on: z.string(), step: z.string() })),
    caseId: z.uuid().nullable(),
  }),
);
export type Tracking = z.infer<typeof Tracking>;

/** What a tracking code answers: one case, or a 一件事 bundle with every case inside it. */
export const TrackAnswer = contract(z.discriminatedUnion('kind', [Tracking, TrackedBundle]));
export type TrackAnswer = z.infer<typeof TrackAnswer>;

/** An open task in the workbench queue (我的任务), most urgent first. */
export const QueueTask = z.object({
  id: z.uuid(),
  name: z.string(),
  stageKey: z.string(),
  dueOn: z.string(),
  openedOn: z.string(),
  version: z.number().int(),
  role: z.string(),
  departmentId: z.string(),
  assigneeId: z.string().nullable(),
  caseId: z.uuid(),
  trackingCode: z.string(),
  itemName: z.string(),
  caseStatus: CaseStatus,
  caseDueOn: z.string().nullable(),
  remainingWorkingDays: z.number().int(),
});
export type QueueTask = z.infer<typeof QueueTask>;

/** A case waiting at the window (待受理, 待补正). */
export const WindowCase = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  status: CaseStatus,
  submittedAt: z.date(),
  version: z.number().int(),
});
export type WindowCase = z.infer<typeof WindowCase>;

/** The workbench queue: open tasks (queue=tasks) or the cases at the window (queue=window). */
export const WorkQueue = contract(z.object({ items: z.union([z.array(QueueTask), z.array(WindowCase)]) }));

export const WorkQueueQuery = z.object({
  queue: z.enum(['tasks', 'window']).default('tasks'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** 一件事进度: the combined progress of a theme application, for its applicant. */
export const BundleProgress = contract(
  z.object({
    id: z.uuid(),
    trackingCode: z.string(),
    theme: z.string(),
    createdAt: z.date(),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    cases: z.array(
      z.object({
        id: z.uuid(),
        trackingCode: z.string(),
        itemCode: z.string(),
        itemName: z.string(),
        status: CaseStatus,
        statusName: z.string(),
        waitsFor: z.array(z.string()),
        dueOn: z.string().nullable(),
        decidedAt: z.date().nullable(),
      }),
    ),
  }),
);
export type BundleProgress = z.infer<typeof BundleProgress>;
