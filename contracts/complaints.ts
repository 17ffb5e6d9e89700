/**
 * 投诉举报 (supervision): complaints, reports and suggestions of residents, and the queue of those
 * who answer them. Server schemas speak of `Date`s; pages read them as `Wire<…>`.
 */
import { z } from 'zod';
import { contract } from './http.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

/** 投诉 complaint, 举报 report of misconduct, 建议 suggestion. */
export const ComplaintKind = z.enum(['complaint', 'report', 'suggestion']);
export type ComplaintKind = z.infer<typeof ComplaintKind>;
export const COMPLAINT_KINDS = ComplaintKind.options;

export const ComplaintStatus = z.enum(['open', 'answered', 'closed']);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

export const Complaint = z.object({
  id: z.uuid(),
  /** 投诉编号, what the resident quotes. */
  reference: z.string(),
  kind: ComplaintKind,
  subject: z.string(),
  content: z.string(),
  caseId: z.uuid().nullable(),
  departmentId: z.uuid(),
  status: ComplaintStatus,
  /** 答复期限 (working days from filing). */
  dueOn: z.string(),
  reply: z.string().nullable(),
  repliedAt: z.date().nullable(),
  satisfaction: z.number().int().nullable(),
  createdAt: z.date(),
  version: z.number().int(),
});
export type Complaint = z.infer<typeof Complaint>;

/** A complaint in the queue of a department head or supervisor: who filed it (masked, or hidden) and whether it is late. */
export const QueuedComplaint = Complaint.extend({ complainant: z.string().nullable(), overdue: z.boolean() });
export type QueuedComplaint = z.infer<typeof QueuedComplaint>;

export const NewComplaint = z.object({
  kind: ComplaintKind,
  subject: Text(100),
  content: Text(4000),
  caseId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  /** 举报 without the department learning who reported. */
  hideIdentity: z.boolean().default(false),
});
export type NewComplaint = z.infer<typeof NewComplaint>;
export type NewComplaintInput = z.input<typeof NewComplaint>;

export const ComplaintFiled = contract(z.object({ id: z.uuid(), reference: z.string(), dueOn: z.string() }));
export type ComplaintFiled = z.infer<typeof ComplaintFiled>;

export const MyComplaints = contract(z.object({ complaints: z.array(Complaint) }));
export const ComplaintQueue = contract(z.object({ complaints: z.array(QueuedComplaint) }));
export const ComplaintQueueQuery = z.object({ status: ComplaintStatus.optional() });

export const CloseComplaint = z.object({ satisfaction: z.number().int().min(1).max(5) });
export const AnswerComplaint = z.object({ version: z.number().int().min(1), reply: Text(4000) });
