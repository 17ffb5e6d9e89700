/**
 * A complaint (投诉) of the demo history, through the supervision module's own use cases: an
 * applicant complains about their case — slow past its promised date, an unclear 补正 notice, or after a bad review — the
 * department's head answers within `COMPLAINT_ANSWER_DAYS` working days (a few late), and most
 * complainants close it saying how satisfied they are. Each step on the simulated clock.
 */
import type { Actor } from '../../platform/context.js';
import type { WorkingCalendar } from '../../platform/calendar/working-calendar.js';
import { beijingDate } from '../../platform/calendar/beijing.js';
import type { Rng } from '../../platform/random/rng.js';
import {
  answerComplaint,
  closeComplaint,
  fileComplaint,
  type SupervisionDeps,
} from '../../modules/supervision/index.js';
import type { Script, SimulatedClock } from './agenda.js';
import type { HistoryStaff } from './staff.js';
import { beijingAt, officeMinute } from './plan.js';

/** What the complaints of the history came to, counted as each step succeeds. */
export interface ComplaintTally {
  complaints: number;
  complaintsAnswered: number;
  /** Answered after their due day. */
  complaintsAnsweredLate: number;
}

export interface ComplaintContext {
  supervision: SupervisionDeps;
  clock: SimulatedClock;
  calendar: WorkingCalendar;
  staff: HistoryStaff;
  tally: ComplaintTally;
}

const WORDS = {
  slow: {
    subject: (item: string) => `${item}超过承诺时限仍未办结`,
    content: '申请已超过办事指南承诺的办理时限，至今没有结果，也没有人告知原因，请尽快处理并说明情况。',
    reply:
      '经核查，该件因部门间核验耗时超出承诺时限。已督促承办科室优先办理，并对承办人员进行提醒，对给您带来的不便表示歉意。',
  },
  supplement: {
    subject: (item: string) => `${item}补正告知不清楚`,
    content: '补正通知只写了材料名称，没有说明具体哪里不符合要求，按通知补交后又被告知需要重新准备。',
    reply: '已核实，补正告知未写明具体要求。已要求承办人员一次性告知需补正的内容和标准，并当面向您说明。',
  },
  notAccepted: {
    subject: (item: string) => `${item}不予受理理由不清楚`,
    content: '网上提交的申请被告知不予受理，但没有说明应当向哪个部门申请，也无法联系到经办人员。',
    reply: '已核实，该申请事项依法不属于本机关职权范围。已电话告知您应向哪个部门申请，并完善了不予受理告知书的内容。',
  },
  refused: {
    subject: (item: string) => `对${item}不予许可决定有异议`,
    content: '认为自己符合申请条件，不予许可决定书中的理由说明不够具体，希望重新审查。',
    reply:
      '经复核，原决定认定事实清楚、依据充分。已向您逐条说明不符合的法定条件，并告知依法申请行政复议或提起行政诉讼的途径和期限。',
  },
  review: {
    subject: (item: string) => `对${item}的办理服务不满意`,
    content: '办理过程中告知不清楚，进度长时间没有更新，多次咨询也没有明确答复。',
    reply: '已核实情况并联系您说明。针对告知不清楚的问题，已要求窗口一次性告知所需材料并及时更新办理进度。',
  },
} as const;

export type ComplaintReason = keyof typeof WORDS;

/** Complains about `caseId` now; the head answers on a working day, on time as a rule. */
export async function* complaintScript(
  ctx: ComplaintContext,
  rng: Rng,
  about: { caseId: string; who: Actor & { id: string }; departmentId: string; itemName: string; why: ComplaintReason },
): Script {
  const { calendar, clock } = ctx;
  const words = WORDS[about.why];
  const filed = await fileComplaint(ctx.supervision, about.who, {
    kind: 'complaint',
    subject: words.subject(about.itemName).slice(0, 100),
    content: words.content,
    caseId: about.caseId,
    hideIdentity: false,
  });
  ctx.tally.complaints++;

  // Answered within the limit, mostly well before it; about one in eight after the due day.
  const late = rng.chance(0.12);
  const today = beijingDate(clock.now());
  let day = late
    ? calendar.addWorkingDays(filed.dueOn, rng.int(1, 4)).due
    : calendar.addWorkingDays(today, rng.int(1, Math.max(1, Math.min(10, ctx.supervision.answerDays)))).due;
  if (!late && day > filed.dueOn) day = filed.dueOn;
  while (!calendar.isWorkingDay(day)) day = calendar.addWorkingDays(day, 1).due;
  const at = beijingAt(day, officeMinute(rng));
  yield at > clock.now() ? at : new Date(clock.now().getTime() + rng.int(30, 120) * 60_000);
  const head = await ctx.staff.head(about.departmentId);
  await answerComplaint(ctx.supervision, head, filed.id, { version: 1, reply: words.reply });
  ctx.tally.complaintsAnswered++;
  if (beijingDate(clock.now()) > filed.dueOn) ctx.tally.complaintsAnsweredLate++;

  // Most complainants read the answer within days and close it.
  if (!rng.chance(0.7)) return;
  yield beijingAt(
    beijingDate(new Date(clock.now().getTime() + rng.int(0, 3) * 86_400_000)),
    rng.int(19 * 60, 22 * 60 + 30),
  );
  await closeComplaint(ctx.supervision, about.who, filed.id, late ? rng.int(2, 3) : rng.int(3, 5));
}
