/**
 * Typed calls to the case-handling API (审批服务系统): my cases, a case with its tasks and history,
 * the materials bag, public tracking (全程一码), the workbench queues and every window and task
 * step. The shapes are the server's contracts (contracts/case-*.ts) as they arrive: `Wire<T>`, dates
 * as ISO strings.
 */
import { getJson, sendJson } from '../../app/http';
import type { Wire } from '../../../../contracts/wire';
import type * as Views from '../../../../contracts/case-views';
import type * as Materials from '../../../../contracts/case-materials';
import type * as Results from '../../../../contracts/case-results';
import type { DeliveryChoice, FeeRequest } from '../../../../contracts/case-results';
import type { RejectRequest, SuspendKind, SupplementNoticeRequest } from '../../../../contracts/case-steps';

export { CASE_STATUSES } from '../../../../contracts/case-views';
export { SUSPEND_KINDS } from '../../../../contracts/case-steps';
export { DELIVERY_METHODS } from '../../../../contracts/case-results';
export type { CaseStatus, TaskStatus } from '../../../../contracts/case-views';
export type { SuspendKind } from '../../../../contracts/case-steps';
export type { DeliveryChoice, DeliveryMethod, DeliveryStatus, FeeStatus } from '../../../../contracts/case-results';
export type CaseSummary = Wire<Views.CaseSummary>;
export type CaseTask = Wire<Views.CaseTask>;
export type CaseEvent = Wire<Views.CaseEvent>;
export type CaseDetail = Wire<Views.CaseDetail>;
export type CaseFormField = Views.CaseFormField;
export type CaseLicence = Views.CaseLicence;
export type CaseMaterial = Wire<Materials.CaseMaterial>;
export type MaterialsBag = Wire<Materials.MaterialsBag>;
export type Tracking = Views.Tracking;
export type QueueTask = Views.QueueTask;
export type WindowCase = Wire<Views.WindowCase>;
/** Masked for staff unless the window asked for the label (`full`). */
export type Delivery = Wire<Results.Delivery>;
export type Fee = Wire<Results.Fee>;

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
  getJson<Views.TrackAnswer>(`/api/track/${encodeURIComponent(normaliseCode(code))}`, undefined, signal);
export const qrUrl = (code: string) => `/api/track/${encodeURIComponent(normaliseCode(code))}/qr.svg`;

// The applicant's steps.
export const supplement = (id: string, note: string) => sendJson<void>('POST', `${caseUrl(id)}/supplement`, { note });
export const withdraw = (id: string, reason: string) => sendJson<void>('POST', `${caseUrl(id)}/withdraw`, { reason });

// The window (综合窗口).
export async function windowQueue(signal?: AbortSignal): Promise<WindowCase[]> {
  return (await getJson<{ items: WindowCase[] }>('/api/tasks', { queue: 'window', limit: 200 }, signal)).items;
}
export const accept = (id: string, note: string) => sendJson<void>('POST', `${caseUrl(id)}/accept`, { note });
export const rejectCase = (id: string, input: RejectRequest) => sendJson<void>('POST', `${caseUrl(id)}/reject`, input);
export const requestSupplement = (id: string, input: SupplementNoticeRequest) =>
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

// Results: the decision document, delivery (送达) and fees (收费).
export const DECIDED: readonly Views.CaseStatus[] = ['approved', 'refused', 'not_accepted'];
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
  getJson<Wire<Results.CaseFees>>(`${caseUrl(id)}/fees`, undefined, signal);
export const setFee = (id: string, fee: FeeRequest) => sendJson<{ id: string }>('POST', `${caseUrl(id)}/fees`, fee);
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
