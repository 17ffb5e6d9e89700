/**
 * The steps taken on a case: the window's (受理, 不予受理, 一次性告知补正), the applicant's (补正,
 * 撤回), and the departments' on their tasks (同意, 退回, 不予许可, 特别程序, 认领, 转办, 意见, 延期).
 * Task steps name the version of the task they were decided on (409 CASES.TASK_CHANGED otherwise).
 */
import { z } from 'zod';
import { contract } from './http.js';
import { Form } from './case-apply.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const CaseIdParams = z.object({ id: z.uuid() });

export const AcceptRequest = z.object({ note: z.string().max(1000).default('') });
export const RejectRequest = z.object({ legalBasis: Text(500), explanation: Text(2000) });
export type RejectRequest = z.infer<typeof RejectRequest>;
export const SupplementNoticeRequest = z.object({
  items: z.array(Text(200)).min(1).max(50),
  note: z.string().max(2000).default(''),
});
export type SupplementNoticeRequest = z.infer<typeof SupplementNoticeRequest>;
export const AnotherNoticeRequest = z.object({ reason: Text(1000) });
export const SupplementRequest = z.object({ form: Form.optional(), note: z.string().max(2000).default('') });
export const WithdrawRequest = z.object({ reason: z.string().max(1000).default('') });

export const TaskStepRequest = z.object({ version: z.number().int().min(1), opinion: Text(2000) });
export type TaskStepRequest = z.infer<typeof TaskStepRequest>;
export const RefuseTaskRequest = TaskStepRequest.extend({ legalBasis: Text(500) });

export const SUSPEND_KINDS = ['hearing', 'expert_review', 'inspection', 'public_notice', 'other'] as const;
export const SuspendKind = z.enum(SUSPEND_KINDS);
export type SuspendKind = z.infer<typeof SuspendKind>;
export const SuspendRequest = z.object({ version: z.number().int().min(1), kind: SuspendKind, reason: Text(1000) });
export const ClaimRequest = z.object({ version: z.number().int().min(1) });
export const ReassignRequest = z.object({
  version: z.number().int().min(1),
  assigneeId: z.uuid(),
  note: z.string().max(1000).default(''),
});
export const OpinionRequest = z.object({ text: Text(2000) });
export const ExtensionRequest = z.object({ days: z.number().int().min(1).max(30), reason: Text(1000) });

/** Resuming after a special procedure: the case's new due date. */
export const Resumed = contract(z.object({ dueOn: z.string() }));
/** A decided extension: the case's due date now (none when it has none). */
export const ExtensionDecided = contract(z.object({ dueOn: z.string().nullable() }));
export const ExtensionRequested = contract(z.object({ extensionId: z.uuid() }));

/** A process definition saved (or imported from BPMN) as a new active version. */
export const DefinitionSaved = contract(z.object({ version: z.number() }));
