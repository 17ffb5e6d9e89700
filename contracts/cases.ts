/**
 * Case-handling contracts (审批服务系统): process definitions of service items. A process is a
 * sequence of stages; each stage holds one or more department tasks that run in parallel
 * (并联审批) and join before the next stage; a stage may apply only when a condition on the form
 * data holds (an exclusive branch: otherwise it is skipped). Items whose conditions can be checked
 * entirely from verified data may be decided automatically (秒批).
 */
import { z } from 'zod';
import { contract } from './http.js';

const Key = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, '小写字母开头，仅含小写字母、数字、_ 和 - lower-case key');

/** A condition on one form field (path into the form data, e.g. `business.area`). */
export const Condition = z.object({
  field: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/),
  op: z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'truthy', 'falsy']),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]).optional(),
});
export type Condition = z.infer<typeof Condition>;

export const TaskDefinition = z.object({
  key: Key,
  /** 环节名称, e.g. 现场核查, 审查决定. */
  name: z.string().trim().min(1).max(100),
  /** The department that handles it (UUID of a catalogue department). */
  departmentId: z.uuid(),
  /** The staff role that works on it. */
  role: z.enum(['approver', 'department_head', 'window_clerk']).default('approver'),
  /** Working days allowed for this task. */
  limitDays: z.number().int().min(0).max(365),
});
export type TaskDefinition = z.infer<typeof TaskDefinition>;

export const StageDefinition = z.object({
  key: Key,
  name: z.string().trim().min(1).max(100),
  /** Tasks run in parallel; the stage ends when all are approved. */
  tasks: z.array(TaskDefinition).min(1).max(20),
  /** The stage applies only when all conditions hold (otherwise it is skipped). */
  when: z.array(Condition).max(10).default([]),
});
export type StageDefinition = z.infer<typeof StageDefinition>;

/** 秒批: every rule must hold on verified data for the case to be approved without a person. */
export const AutoApproval = z.object({
  rules: z.array(Condition).min(1).max(20),
});

export const ProcessDefinition = z.object({
  stages: z.array(StageDefinition).min(1).max(20),
  /** 承诺时限 in working days for the whole case. */
  promisedLimitDays: z.number().int().min(0).max(365),
  autoApproval: AutoApproval.optional(),
});
export type ProcessDefinition = z.infer<typeof ProcessDefinition>;

/** The active process of an item and its version (a default one when none is modelled). */
export const ActiveDefinition = contract(z.object({ version: z.number(), definition: ProcessDefinition }));
