import { getJson, sendJson } from '../../app/http';

export type ComplaintKind = 'complaint' | 'report' | 'suggestion';
export const KINDS: ComplaintKind[] = ['complaint', 'report', 'suggestion'];

export interface Complaint {
  id: string;
  reference: string;
  kind: ComplaintKind;
  subject: string;
  content: string;
  caseId: string | null;
  departmentId: string;
  status: 'open' | 'answered' | 'closed';
  dueOn: string;
  reply: string | null;
  repliedAt: string | null;
  satisfaction: number | null;
  createdAt: string;
  version: number;
}
export type QueuedComplaint = Complaint & { complainant: string | null; overdue: boolean };

export const myComplaints = (signal?: AbortSignal) =>
  getJson<{ complaints: Complaint[] }>('/api/me/complaints', undefined, signal).then((r) => r.complaints);
export const fileComplaint = (input: {
  kind: ComplaintKind;
  subject: string;
  content: string;
  caseId?: string;
  departmentId?: string;
  hideIdentity: boolean;
}) => sendJson<{ id: string; reference: string; dueOn: string }>('POST', '/api/complaints', input);
export const closeComplaint = (id: string, satisfaction: number) =>
  sendJson<void>('POST', `/api/me/complaints/${id}/close`, { satisfaction });
export const complaintQueue = (signal?: AbortSignal) =>
  getJson<{ complaints: QueuedComplaint[] }>('/api/supervision/complaints', undefined, signal).then(
    (r) => r.complaints,
  );
export const answerComplaint = (id: string, version: number, reply: string) =>
  sendJson<void>('POST', `/api/supervision/complaints/${id}/answer`, { version, reply });
