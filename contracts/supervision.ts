/**
 * 电子监察 contracts (监管服务系统): the console's overview, the clocks behind each number, 督办
 * orders and 异常监察 findings — shared by the server's route schemas and the web console.
 */
import { z } from 'zod';
import { contract } from './http.js';
import { WarningView } from './supervision-warnings.js';

export const ClockState = z.enum(['running', 'paused', 'yellow', 'red', 'stopped']);
export type ClockState = z.infer<typeof ClockState>;

export const ClockKind = z.enum([
  'acceptance',
  'task',
  'case_promised',
  'case_legal',
  'supplement',
  'promise',
  'complaint',
  'return_visit',
  'rectification',
  'sharing_request',
  'order',
]);
export type ClockKind = z.infer<typeof ClockKind>;

const Figures = z.object({
  open: z.number().int(),
  yellow: z.number().int(),
  red: z.number().int(),
  paused: z.number().int(),
  /** Red clocks over open clocks, 0–1. */
  overdueRate: z.number(),
  /** Calendar days to the due date, on average over running clocks (negative: overdue on average). */
  avgDaysLeft: z.number().nullable(),
});

export const Overview = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: z.number().int() }),
  /** What the drill-down lists below the region: regions one level down, or (from a county) departments. */
  childrenAre: z.enum(['regions', 'departments']),
  totals: Figures,
  children: z.array(Figures.extend({ code: z.string(), name: z.string() })),
  byDepartment: z.array(
    z.object({ departmentId: z.string(), name: z.string(), yellow: z.number().int(), red: z.number().int() }),
  ),
  /** Warnings raised per Beijing day over the last 30 days. */
  trend: z.array(z.object({ day: z.string(), yellow: z.number().int(), red: z.number().int() })),
  irregularities: z.number().int(),
  orders: z.object({ open: z.number().int(), overdue: z.number().int(), answered: z.number().int() }),
});
export type Overview = z.infer<typeof Overview>;
/** The overview as the route answers it. */
export const OverviewAnswer = contract(Overview);

export const ClockQuery = z.object({
  state: z.enum(['running', 'paused', 'yellow', 'red']).optional(),
  region: z
    .string()
    .regex(/^\d{2,12}$/)
    .optional(),
  department: z.uuid().optional(),
});

export const Clock = z.object({
  id: z.uuid(),
  kind: ClockKind,
  reference: z.string(),
  title: z.string(),
  regionCode: z.string(),
  departmentId: z.uuid().nullable(),
  department: z.string().nullable(),
  state: ClockState,
  startedOn: z.string(),
  limitDays: z.number().int(),
  dueOn: z.string(),
  pausedSince: z.string().nullable(),
  /** Working days left until the due date (negative: overdue). */
  workingDaysLeft: z.number().int(),
  /** What a 督办 order about this clock is issued on (none for an order's own clock). */
  orderOn: z
    .object({ subjectType: z.enum(['case', 'task', 'department', 'complaint']), subjectId: z.uuid() })
    .nullable(),
  /** Its open 黄牌/红牌 and who has seen it (none while it runs clear). */
  warning: WarningView.nullable(),
});
export type Clock = z.infer<typeof Clock>;

export const OrderSubjectType = z.enum(['case', 'task', 'department', 'complaint']);

export const NewOrder = z.object({
  subjectType: OrderSubjectType,
  subjectId: z.uuid(),
  instruction: z.string().trim().min(1).max(2000),
  respondDays: z.number().int().min(1).max(30),
});
export type NewOrder = z.infer<typeof NewOrder>;

export const Order = z.object({
  id: z.uuid(),
  reference: z.string(),
  subjectType: OrderSubjectType,
  subjectId: z.uuid(),
  subjectLabel: z.string(),
  regionCode: z.string(),
  departmentId: z.uuid(),
  instruction: z.string(),
  respondDays: z.number().int(),
  dueOn: z.string(),
  status: z.enum(['open', 'answered']),
  issuedAt: z.date(),
  answer: z.string().nullable(),
  answeredAt: z.date().nullable(),
  escalatedAt: z.date().nullable(),
  overdue: z.boolean(),
});
export type Order = z.infer<typeof Order>;

export const Irregularity = z.object({
  id: z.uuid(),
  rule: z.string(),
  caseId: z.uuid().nullable(),
  reference: z.string(),
  regionCode: z.string(),
  departmentId: z.uuid().nullable(),
  explanation: z.object({ zh: z.string(), en: z.string() }),
  facts: z.record(z.string(), z.unknown()),
  detectedAt: z.date(),
  status: z.enum(['open', 'dismissed']),
  dismissedAt: z.date().nullable(),
  dismissReason: z.string().nullable(),
});
export type Irregularity = z.infer<typeof Irregularity>;

/** The lists behind the console's numbers, and an order as issued. */
export const ClockList = contract(z.object({ clocks: z.array(Clock) }));
export const OrderList = contract(z.object({ orders: z.array(Order) }));
export const OrderCreated = contract(z.object({ id: z.uuid(), reference: z.string(), dueOn: z.string() }));
export const IrregularityList = contract(z.object({ irregularities: z.array(Irregularity) }));
