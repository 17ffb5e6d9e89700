import type {
  Complaint as ComplaintShape,
  ComplaintFiled,
  ComplaintKind,
  NewComplaintInput,
  QueuedComplaint as QueuedComplaintShape,
} from '../../../../contracts/complaints';
import type { Wire } from '../../../../contracts/wire';
import { getJson, sendJson } from '../../app/http';

export type { ComplaintKind } from '../../../../contracts/complaints';
export type Complaint = Wire<ComplaintShape>;
export type QueuedComplaint = Wire<QueuedComplaintShape>;
export const KINDS: ComplaintKind[] = ['complaint', 'report', 'suggestion'];

export const myComplaints = (signal?: AbortSignal) =>
  getJson<{ complaints: Complaint[] }>('/api/me/complaints', undefined, signal).then((r) => r.complaints);
export const fileComplaint = (input: NewComplaintInput) => sendJson<ComplaintFiled>('POST', '/api/complaints', input);
export const closeComplaint = (id: string, satisfaction: number) =>
  sendJson<void>('POST', `/api/me/complaints/${id}/close`, { satisfaction });
export const complaintQueue = (signal?: AbortSignal) =>
  getJson<{ complaints: QueuedComplaint[] }>('/api/supervision/complaints', undefined, signal).then(
    (r) => r.complaints,
  );
export const answerComplaint = (id: string, version: number, reply: string) =>
  sendJson<void>('POST', `/api/supervision/complaints/${id}/answer`, { version, reply });
