/**
 * Typed calls to the case-handling API (审批服务系统): my cases, a case with its tasks and history,
 * the materials bag, public tracking (全程一码), the workbench queues and every window and task
 * step. Shapes follow server/src/modules/cases (read.service, materials.service); dates arrive as
 * ISO strings.
 */
import { getJson, sendJson } from '../../app/http';

export const CASE_STATUSES = ['waiting', 'submitted', 'awaiting_supplement', 'in_progress', 'suspended', 'approved', 'refused', 'not_accepted', 'withdrawn'] as const;
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
  form: Record<string, unknown>;
  version: number;
  submittedAt: string;
  acceptedOn: string | null;
  dueOn: string | null;
  remainingWorkingDays: number | null;
  decidedAt: string | null;
  decisionNote: string | null;
  stage: string | null;
  tasks: CaseTask[];
  events: CaseEvent[];
}

export interface CaseMaterial {
  index: number;
  name: string;
  necessity: string;
  form: string;
  provided: { id: string; kind: 'upload' | 'promise' | string; contentType: string | null; size: number | null; promise: string | null; addedAt: string } | null;
}

export interface MaterialsBag {
  materials: CaseMaterial[];
  missingRequired: string[];
}

export interface Tracking {
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
export const getMaterials = (id: string, signal?: AbortSignal) => getJson<MaterialsBag>(`${caseUrl(id)}/materials`, undefined, signal);
export const materialFileUrl = (caseId: string, materialId: string) => `${caseUrl(caseId)}/materials/${encodeURIComponent(materialId)}/file`;

/** Tracking codes are read case-insensitively by the server; spaces and dashes typed by hand are kept to the server's rule. */
export const normaliseCode = (raw: string) => raw.trim().toUpperCase().replace(/\s+/g, '');
export const track = (code: string, signal?: AbortSignal) => getJson<Tracking>(`/api/track/${encodeURIComponent(normaliseCode(code))}`, undefined, signal);
export const qrUrl = (code: string) => `/api/track/${encodeURIComponent(normaliseCode(code))}/qr.svg`;

// The applicant's steps.
export const supplement = (id: string, note: string) => sendJson<void>('POST', `${caseUrl(id)}/supplement`, { note });
export const withdraw = (id: string, reason: string) => sendJson<void>('POST', `${caseUrl(id)}/withdraw`, { reason });

// The window (综合窗口).
export async function windowQueue(signal?: AbortSignal): Promise<WindowCase[]> {
  return (await getJson<{ items: WindowCase[] }>('/api/tasks', { queue: 'window', limit: 200 }, signal)).items;
}
export const accept = (id: string, note: string) => sendJson<void>('POST', `${caseUrl(id)}/accept`, { note });
export const rejectCase = (id: string, input: { legalBasis: string; explanation: string }) => sendJson<void>('POST', `${caseUrl(id)}/reject`, input);
export const requestSupplement = (id: string, input: { items: string[]; note: string }) => sendJson<void>('POST', `${caseUrl(id)}/request-supplement`, input);

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
      return sendJson('POST', `${url}/refuse`, { version: action.version, opinion: action.opinion, legalBasis: action.legalBasis });
    case 'suspend':
      return sendJson('POST', `${url}/suspend`, { version: action.version, kind: action.suspendKind, reason: action.reason });
    case 'extend':
      return sendJson('POST', `${url}/extend`, { version: action.version, days: action.days, reason: action.reason });
    case 'opinion':
      return sendJson('POST', `${url}/opinions`, { version: action.version, text: action.text });
  }
}

export const resume = (caseId: string) => sendJson<{ dueOn: string }>('POST', `${caseUrl(caseId)}/resume`);
