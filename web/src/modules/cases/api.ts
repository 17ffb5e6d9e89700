/**
 * Typed calls to the case-handling API (审批服务系统): my cases, a case with its tasks and history,
 * the materials bag, public tracking (全程一码), the workbench queues and every window and task
 * step. Shapes follow server/src/modules/cases (read.service, materials.service); dates arrive as
 * ISO strings.
 */
import type { TrackedBundle } from '../../../../contracts/bundles';
import { getJson, sendJson } from '../../app/http';

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
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type TaskStatus = 'open' | 'approved' | 'returned' | 'refused' | 'cancelled';
export const SUSPEND_KINDS = ['hearing', 'expert_review', 'inspection', 'public_notice', 'other'] as const;
export type SuspendKind = (typeof SUSPEND_KINDS)[number];

export interface CaseSummary {
  id: string;
  trackingCode: string;
  itemName: string;
  status: CaseStatus;
  submittedAt: string;
  dueOn: string | null;
  decidedAt: string | null;
}

export interface CaseTask {
  id: string;
  stage: string;
  /** 环节名称 of the stage (the key above is for programs). */
  stageName: string | null;
  name: string;
  departmentId: string;
  status: TaskStatus;
  version: number;
  openedOn: string;
  dueOn: string;
  remainingWorkingDays: number | null;
  opinion: string | null;
  completedAt: string | null;
}

export interface CaseEvent {
  at: string;
  type: string;
  by: string;
  from: CaseStatus | null;
  to: CaseStatus | null;
  taskId: string | null;
  /** What the step recorded: the notice items of 一次性告知, reasons, opinions. */
  detail?: { items?: string[]; note?: string } & Record<string, unknown>;
}

export interface CaseDetail {
  id: string;
  trackingCode: string;
  itemCode: string;
  itemName: string;
  regionCode: string;
  applicantName: string;
  actingForEnterprise: boolean;
  channel: string;
  status: CaseStatus;
  statusName: string;
  /** The form as filed; to staff, ID and mobile numbers come masked. */
  form: Record<string, unknown>;
  /** The item's application form: what labels the values. */
  formFields: CaseFormField[];
  version: number;
  submittedAt: string;
  acceptedOn: string | null;
  dueOn: string | null;
  remainingWorkingDays: number | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** 决定书文号, once decided. */
  decisionNo?: string | null;
  stage: string | null;
  tasks: CaseTask[];
  events: CaseEvent[];
  /** The e-licences the case produced. */
  licenses: CaseLicence[];
}

export interface CaseFormField {
  key: string;
  label: string;
  type: 'string' | 'text' | 'number' | 'date' | 'boolean' | 'choice' | 'idNumber' | 'creditCode' | 'phone' | 'region';
  help?: string;
  options?: string[];
}

export interface CaseLicence {
  id: string;
  number: string;
  typeName: string;
  status: string;
  validUntil: string | null;
}

export interface CaseMaterial {
  index: number;
  name: string;
  necessity: string;
  form: string;
  provided: {
    id: string;
    kind: 'upload' | 'promise' | string;
    contentType: string | null;
    size: number | null;
    promise: string | null;
    addedAt: string;
  } | null;
}

export interface MaterialsBag {
  materials: CaseMaterial[];
  missingRequired: string[];
}

export interface Tracking {
  kind: 'case';
  trackingCode: string;
  itemName: string;
  status: CaseStatus;
  statusName: string;
  submittedOn: string;
  acceptedOn: string | null;
  dueOn: string | null;
  decidedOn: string | null;
  steps: { on: string; step: string }[];
  caseId: string | null;
}

export interface QueueTask {
  id: string;
  name: string;
  stageKey: string;
  dueOn: string;
  openedOn: string;
  version: number;
  role: string;
  departmentId: string;
  caseId: string;
  trackingCode: string;
  itemName: string;
  caseStatus: CaseStatus;
  caseDueOn: string | null;
  remainingWorkingDays: number;
}

export interface WindowCase {
  id: string;
  trackingCode: string;
  itemName: string;
  applicantName: string;
  status: CaseStatus;
  submittedAt: string;
  version: number;
}

const caseUrl = (id: string) => `/api/cases/${encodeURIComponent(id)}`;
const taskUrl = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;

export async function listMyCases(signal?: AbortSignal): Promise<CaseSummary[]> {
  return (await getJson<{ cases: CaseSummary[] }>('/api/cases', undefined, signal)).cases;
}

export const getCase = (id: string, signal?: AbortSignal) => getJson<CaseDetail>(caseUrl(id), undefined, signal);
export const getMaterials = (id: string, signal?: AbortSignal) =>
  getJson<MaterialsBag>(`${caseUrl(id)}/materials`, undefined, signal);
export const materialFileUrl = (caseId: string, materialId: string) =>
  `${caseUrl(caseId)}/materials/${encodeURIComponent(materialId)}/file`;

/** Tracking codes are read case-insensitively by the server; spaces and dashes typed by hand are kept to the server's rule. */
export const normaliseCode = (raw: string) => raw.trim().toUpperCase().replace(/\s+/g, '');
export const track = (code: string, signal?: AbortSignal) =>
  getJson<Tracking | TrackedBundle>(`/api/track/${encodeURIComponent(normaliseCode(code))}`, undefined, signal);
export const qrUrl = (code: string) => `/api/track/${encodeURIComponent(normaliseCode(code))}/qr.svg`;

// The applicant's steps.
export const supplement = (id: string, note: string) => sendJson<void>('POST', `${caseUrl(id)}/supplement`, { note });
export const withdraw = (id: string, reason: string) => sendJson<void>('POST', `${caseUrl(id)}/withdraw`, { reason });

// The window (综合窗口).
export async function windowQueue(signal?: AbortSignal): Promise<WindowCase[]> {
  return (await getJson<{ items: WindowCase[] }>('/api/tasks', { queue: 'window', limit: 200 }, signal)).items;
}
export const accept = (id: string, note: string) => sendJson<void>('POST', `${caseUrl(id)}/accept`, { note });
export const rejectCase = (id: string, input: { legalBasis: string; explanation: string }) =>
  sendJson<void>('POST', `${caseUrl(id)}/reject`, input);
export const requestSupplement = (id: string, input: { items: string[]; note: string }) =>
  sendJson<void>('POST', `${caseUrl(id)}/request-supplement`, input);

// Tasks (我的任务).
export async function taskQueue(signal?: AbortSignal): Promise<QueueTask[]> {
  return (await getJson<{ items: QueueTask[] }>('/api/tasks', { queue: 'tasks', limit: 200 }, signal)).items;
}

export type TaskAction =
  | { kind: 'claim'; version: number }
  | { kind: 'approve'; version: number; opinion: string }
  | { kind: 'return'; version: number; opinion: string }
  | { kind: 'refuse'; version: number; opinion: string; legalBasis: string }
  | { kind: 'suspend'; version: number; suspendKind: SuspendKind; reason: string }
  | { kind: 'extend'; version: number; days: number; reason: string }
  | { kind: 'opinion'; version: number; text: string };

/**
 * One task step. Every step names the version of the task it was decided on; the server checks it
 * on claim, approve, return, refuse and suspend (409 CASES.TASK_CHANGED), and today ignores it on
 * opinions and extensions, whose request bodies have no version.
 */
export function taskStep(taskId: string, action: TaskAction): Promise<unknown> {
  const url = taskUrl(taskId);
  switch (action.kind) {
    case 'claim':
      return sendJson('POST', `${url}/claim`, { version: action.version });
    case 'approve':
      return sendJson('POST', `${url}/approve`, { version: action.version, opinion: action.opinion });
    case 'return':
      return sendJson('POST', `${url}/return`, { version: action.version, opinion: action.opinion });
    case 'refuse':
      return sendJson('POST', `${url}/refuse`, {
        version: action.version,
        opinion: action.opinion,
        legalBasis: action.legalBasis,
      });
    case 'suspend':
      return sendJson('POST', `${url}/suspend`, {
        version: action.version,
        kind: action.suspendKind,
        reason: action.reason,
      });
    case 'extend':
      return sendJson('POST', `${url}/extend`, { version: action.version, days: action.days, reason: action.reason });
    case 'opinion':
      return sendJson('POST', `${url}/opinions`, { version: action.version, text: action.text });
  }
}

export const resume = (caseId: string) => sendJson<{ dueOn: string }>('POST', `${caseUrl(caseId)}/resume`);

// Results (results.routes.ts): the decision document, delivery (送达) and fees (收费).
export const DECIDED: readonly CaseStatus[] = ['approved', 'refused', 'not_accepted'];
export const DELIVERY_METHODS = ['pickup', 'post', 'online'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export type DeliveryStatus = 'pending' | 'dispatched' | 'delivered' | 'collected';
export type DeliveryChoice =
  | { method: 'pickup' | 'online' }
  | { method: 'post'; recipient: string; phone: string; address: string; regionCode: string };

/** Masked for staff unless the window asked for the label (`full`). */
export interface Delivery {
  method: DeliveryMethod;
  status: DeliveryStatus;
  recipient: string | null;
  phone: string | null;
  address: string | null;
  regionCode: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  dispatchedAt: string | null;
  completedAt: string | null;
}

export type FeeStatus = 'due' | 'paid' | 'waived';
export interface Fee {
  id: string;
  name: string;
  basis: string;
  amountFen: number;
  status: FeeStatus;
  paymentRef: string | null;
  setAt: string;
  settledAt: string | null;
}

export const decisionPdfUrl = (id: string) => `${caseUrl(id)}/decision.pdf`;
export const acceptanceReceiptUrl = (id: string) => `${caseUrl(id)}/acceptance-receipt.pdf`;
export async function getDelivery(id: string, full = false, signal?: AbortSignal): Promise<Delivery | null> {
  return (
    await getJson<{ delivery: Delivery | null }>(`${caseUrl(id)}/delivery`, full ? { full: 'true' } : undefined, signal)
  ).delivery;
}
export const chooseDelivery = (id: string, choice: DeliveryChoice) =>
  sendJson<void>('PUT', `${caseUrl(id)}/delivery`, choice);
export type DeliveryStep =
  | { kind: 'dispatch'; carrier: string; trackingNumber: string }
  | { kind: 'delivered' }
  | { kind: 'collected' };
export function deliveryStep(id: string, step: DeliveryStep): Promise<void> {
  const { kind, ...body } = step;
  return sendJson<void>('POST', `${caseUrl(id)}/delivery/${kind}`, kind === 'dispatch' ? body : undefined);
}

export const getFees = (id: string, signal?: AbortSignal) =>
  getJson<{ fees: Fee[]; dueFen: number }>(`${caseUrl(id)}/fees`, undefined, signal);
export const setFee = (id: string, fee: { name: string; basis: string; amountFen: number }) =>
  sendJson<{ id: string }>('POST', `${caseUrl(id)}/fees`, fee);
export type FeeStep = { kind: 'paid'; paymentRef: string } | { kind: 'waive'; reason: string };
export function settleFee(id: string, feeId: string, step: FeeStep): Promise<void> {
  const url = `${caseUrl(id)}/fees/${encodeURIComponent(feeId)}`;
  return step.kind === 'paid'
    ? sendJson<void>('POST', `${url}/paid`, { paymentRef: step.paymentRef })
    : sendJson<void>('POST', `${url}/waive`, { reason: step.reason });
}

// 好差评 (evaluation.routes.ts).
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export type RectificationStatus = 'open' | 'called_back' | 'resolved' | 'withdrawn';
export const RESOLUTIONS = ['immediate', 'deadline', 'explained'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export interface Rating {
  id: string;
  level: RatingLevel;
  levelName: string;
  comment: string;
  channel: string;
  status: 'valid' | 'under_appeal' | 'removed';
  ratedAt: string;
  rectification: {
    id: string;
    status: RectificationStatus;
    callBackDue: string;
    rectifyDue: string;
    resolution: Resolution | null;
    resolutionNote: string | null;
    resolvedAt: string | null;
    followUpLevel: number | null;
  } | null;
}

export interface Rectification {
  id: string;
  status: RectificationStatus;
  callBackDue: string;
  rectifyDue: string;
  resolution: Resolution | null;
  version: number;
  trackingCode: string;
  itemName: string;
  level: RatingLevel;
  comment: string;
  ratedAt: string;
  caseId: string;
  callBackOverdue: boolean;
  rectifyOverdue: boolean;
}

export async function getRating(id: string, signal?: AbortSignal): Promise<Rating | null> {
  return (await getJson<{ rating: Rating | null }>(`${caseUrl(id)}/rating`, undefined, signal)).rating;
}
export const rateCase = (id: string, input: { level: number; comment: string }) =>
  sendJson<{ ratingId: string; rectificationId: string | null }>('POST', `${caseUrl(id)}/rating`, {
    ...input,
    channel: 'pc',
  });
export const rateFollowUp = (id: string, level: number) =>
  sendJson<void>('POST', `${caseUrl(id)}/rating/follow-up`, { level });

export async function listRectifications(signal?: AbortSignal): Promise<Rectification[]> {
  return (await getJson<{ items: Rectification[] }>('/api/evaluation/rectifications', undefined, signal)).items;
}
export type RectificationStep =
  | { kind: 'call-back'; version: number; note: string }
  | { kind: 'resolve'; version: number; resolution: Resolution; note: string };
export function rectificationStep(id: string, step: RectificationStep): Promise<void> {
  const { kind, ...body } = step;
  return sendJson<void>('POST', `/api/evaluation/rectifications/${encodeURIComponent(id)}/${kind}`, body);
}
