/**
 * One case of the demo history, step by step, through the same use cases the routes call: filed
 * online (with 免提交 by consent, the rest uploaded) or at the window (窗口代录, accepted at once),
 * 一次性告知 and 补正, 受理 or 不予受理, each stage's department tasks approved (a return, a special
 * procedure, 不予许可 where the plan says so), then 好差评 and the rectification of a bad review; some
 * applicants complain (投诉, `complaint-script.ts`, on steps of its own beside the case's).
 * Each step runs at the moment the script yields, on the simulated clock.
 */
import type { Actor } from '../../platform/context.js';
import type { WorkingCalendar } from '../../platform/calendar/working-calendar.js';
import { beijingDate } from '../../platform/calendar/beijing.js';
import { Rng } from '../../platform/random/rng.js';
import type { Item } from '../../../../contracts/catalog.js';
import {
  acceptCase,
  approveTask,
  fileForResident,
  listMaterials,
  openTasksOfCase,
  refuseTask,
  refuseToAccept,
  requestSupplement,
  resumeCase,
  returnTask,
  submitApplication,
  supplementCase,
  suspendCase,
  uploadMaterial,
  type CasesDeps,
} from '../../modules/cases/index.js';
import { callBack, rateCase, resolveRectification, type EvaluationDeps } from '../../modules/evaluation/index.js';
import { sampleValues } from '../../modules/catalog/index.js';
import type { HistoryApplicant } from '../../modules/identity/index.js';
import type { Script, SimulatedClock } from './agenda.js';
import type { HistoryStaff } from './staff.js';
import { beijingAt, officeMinute, type PlannedCase } from './plan.js';
import {
  complaintScript,
  type ComplaintContext,
  type ComplaintReason,
  type ComplaintTally,
} from './complaint-script.js';

/** What the history did, counted as each step succeeds. */
export interface Tally extends ComplaintTally {
  filed: number;
  online: number;
  window: number;
  accepted: number;
  notAccepted: number;
  supplementRounds: number;
  returns: number;
  suspensions: number;
  approved: number;
  refused: number;
  /** Decided the day they were accepted (即办). */
  sameDay: number;
  ratings: number;
  badReviews: number;
  /** Cases whose step failed (logged): each stays as its last successful step left it. */
  failed: number;
}

export const emptyTally = (): Tally => ({
  filed: 0,
  online: 0,
  window: 0,
  accepted: 0,
  notAccepted: 0,
  supplementRounds: 0,
  returns: 0,
  suspensions: 0,
  approved: 0,
  refused: 0,
  sameDay: 0,
  ratings: 0,
  badReviews: 0,
  failed: 0,
  complaints: 0,
  complaintsAnswered: 0,
  complaintsAnsweredLate: 0,
});

export interface ScriptContext {
  seed: number;
  cases: CasesDeps;
  evaluation: EvaluationDeps;
  clock: SimulatedClock;
  calendar: WorkingCalendar;
  staff: HistoryStaff;
  applicants: readonly { applicant: HistoryApplicant; actor: Actor & { id: string } }[];
  tally: Tally;
  /** Complaints run beside the case, on their own steps. */
  complaints: ComplaintContext;
  /** Puts another script of case `key` (a complaint) on the agenda at `at`. */
  spawn: (at: Date, key: number, script: Script) => void;
  /** Hears each case filed (the searches count what they led to). */
  filed?: (accountId: string, itemCode: string) => void;
}

/** The file uploaded for a material: a small PDF (stored once: files are kept by their hash). */
const MATERIAL_PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n% 通办演示材料 Tongban demo material\n', 'utf8'),
  Buffer.alloc(200, 0x20),
  Buffer.from('\n%%EOF\n'),
]);

const COMMENTS: Record<number, readonly string[]> = {
  5: ['办事效率高，工作人员态度好', '网上提交就办好了，不用跑腿', '一次就办成了，点赞', ''],
  4: ['整体满意，等待时间稍长', '办得挺快', ''],
  3: ['办事指南里的材料要求可以再写清楚些', ''],
  2: ['补正通知不够清楚，多跑了一趟'],
  1: ['办理时间太长，进度一直没有更新'],
};

const NOT_ACCEPTED = [
  {
    legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
    explanation: '申请事项依法不属于本机关职权范围',
  },
  {
    legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（一）项',
    explanation: '申请事项依法不需要取得行政许可',
  },
];

const PAUSES = [
  { kind: 'inspection', reason: '需组织现场核查' },
  { kind: 'expert_review', reason: '需组织专家评审' },
  { kind: 'public_notice', reason: '依法需公示' },
] as const;

/** The form as the applicant filled it: the guide's sample values, with their own name, number and enterprise. */
function formFor(item: Item, who: HistoryApplicant, enterprise: Actor['actingFor']): Record<string, unknown> {
  if (item.form.length === 0) return {};
  const form = sampleValues(item.form);
  const own: Record<string, unknown> = {
    applicantName: who.name,
    idNumber: who.idNumber,
    legalRepName: who.name,
    ...(enterprise
      ? { companyName: enterprise.name, operatorName: enterprise.name, creditCode: enterprise.creditCode }
      : {}),
  };
  for (const f of item.form) if (f.key in own && own[f.key] !== undefined) form[f.key] = own[f.key];
  return form;
}

/** The materials a guide asks for (not the optional ones): what a walk-in resident hands over. */
const requiredMaterials = (item: Item) =>
  item.materials.flatMap((m, index) => (m.necessity === 'optional' ? [] : [index]));

export async function* caseScript(ctx: ScriptContext, c: PlannedCase): Script {
  const { cases, clock, calendar, staff, tally } = ctx;
  const rng = new Rng((ctx.seed ^ (c.n * 2_654_435_761)) >>> 0);
  // The complaints' own draws, so that they leave the case's as they were.
  const grievance = new Rng((ctx.seed ^ (c.n * 40_503) ^ 0x5bd1e995) >>> 0);
  const { applicant, actor: who } = ctx.applicants[c.applicant]!;
  const { item, definition } = await cases.processes.get(c.itemCode);
  const clerk = await staff.clerk(item.region.code);
  const key = `demo-history-${ctx.seed}-${c.n}`;
  const form = formFor(item, applicant, who.actingFor);
  const now = () => clock.now();

  /** A moment on the working day `n` working days after `day` (0: that day, later than now), in office hours. */
  const onWorkingDay = (day: string, n: number): Date => {
    let d = n === 0 ? day : calendar.addWorkingDays(day, n).due;
    while (!calendar.isWorkingDay(d)) d = calendar.addWorkingDays(d, 1).due;
    const at = beijingAt(d, officeMinute(rng));
    return at > now() ? at : new Date(now().getTime() + rng.int(5, 45) * 60_000);
  };
  /**
   * When the window gets to an online application: the next working day as a rule (次日受理), the
   * same day for some filed in the morning, later for a few.
   */
  const windowTurn = (): Date => {
    const today = beijingDate(now());
    const morning = calendar.isWorkingDay(today) && now() < beijingAt(today, 11 * 60);
    return onWorkingDay(
      today,
      morning && rng.chance(0.5)
        ? 0
        : rng.weighted([
            [1, 70],
            [2, 22],
            [3, 8],
          ] as const),
    );
  };
  /** 投诉: the applicant complains about this case at `at`, beside its own steps. */
  const complain = (why: ComplaintReason, at: Date) =>
    ctx.spawn(
      at,
      c.n,
      complaintScript(ctx.complaints, grievance, {
        caseId,
        who,
        departmentId: item.department.id,
        itemName: item.name,
        why,
      }),
    );
  /** When a person does something online: `days` calendar days later, in the day or evening. */
  const personLater = (days: number): Date => {
    const at = beijingAt(beijingDate(new Date(now().getTime() + days * 86_400_000)), rng.int(8 * 60, 22 * 60));
    return at > now() ? at : new Date(now().getTime() + rng.int(20, 120) * 60_000);
  };

  let caseId: string;
  if (c.channel === 'window') {
    const filed = await fileForResident(cases, clerk, {
      input: {
        idNumber: applicant.idNumber,
        name: applicant.name,
        itemCode: item.code,
        form,
        acceptNow: true,
        received: requiredMaterials(item),
      },
      idempotencyKey: key,
      meta: { ip: '127.0.0.1' },
    });
    if (!filed.created) return;
    caseId = filed.caseId;
    tally.filed++;
    tally.window++;
    ctx.filed?.(who.id, item.code);
    tally.accepted++;
  } else {
    const filed = await submitApplication(cases, who, {
      itemCode: item.code,
      form,
      reuseConsent: true,
      idempotencyKey: key,
    });
    if (!filed.created) return;
    caseId = filed.caseId;
    tally.filed++;
    tally.online++;
    ctx.filed?.(who.id, item.code);
    yield new Date(now().getTime() + rng.int(2, 15) * 60_000);
    // 申办一袋: what no licence or shared data stands in for, uploaded.
    const bag = await listMaterials(cases, who, caseId);
    const uploaded: number[] = [];
    for (const m of bag.materials)
      if (!m.provided && m.necessity !== 'optional') {
        await uploadMaterial(cases, who, {
          caseId,
          index: m.index,
          bytes: MATERIAL_PDF,
          declaredType: 'application/pdf',
        });
        uploaded.push(m.index);
      }
    yield windowTurn();
    if (c.fate.supplement) {
      const asked = (uploaded.length ? uploaded : requiredMaterials(item))
        .slice(0, 2)
        .map((i) => item.materials[i]!.name);
      await requestSupplement(cases, clerk, {
        caseId,
        notice: { items: asked.length ? asked : ['申请表'], note: '请按一次性告知补正后重新提交' },
      });
      tally.supplementRounds++;
      // A few find the 补正 notice unclear and complain.
      if (grievance.chance(0.1)) complain('supplement', new Date(now().getTime() + grievance.int(2, 30) * 3_600_000));
      yield personLater(rng.int(0, 4));
      if (uploaded.length)
        await uploadMaterial(cases, who, {
          caseId,
          index: uploaded[0]!,
          bytes: MATERIAL_PDF,
          declaredType: 'application/pdf',
        });
      await supplementCase(cases, who, { caseId, input: { note: '已按告知补正' } });
      yield windowTurn();
    }
    if (c.fate.notAccepted) {
      await refuseToAccept(cases, clerk, { caseId, reason: rng.pick(NOT_ACCEPTED) });
      tally.notAccepted++;
      if (grievance.chance(0.25)) complain('notAccepted', new Date(now().getTime() + grievance.int(3, 48) * 3_600_000));
      yield* rate(ctx, c, rng, grievance, caseId, who, item, personLater, complain);
      return;
    }
    await acceptCase(cases, clerk, { caseId, note: '材料齐全，予以受理' });
    tally.accepted++;
  }

  // The departments' stages: each ends on its share of the working days the case takes.
  const acceptedOn = beijingDate(now());
  const promised = definition.promisedLimitDays;
  const instant = promised === 0;
  const days = instant ? 0 : c.fate.late ? promised + rng.int(1, 5) : Math.max(1, Math.ceil(promised * c.fate.pace));
  // 投诉: some applicants whose case runs past its promised date complain a day or three after it.
  if (c.fate.late && !instant && grievance.chance(0.4)) {
    const due = calendar.addWorkingDays(acceptedOn, promised).due;
    const at = beijingAt(due, grievance.int(9 * 60, 21 * 60));
    complain('slow', new Date(Math.max(at.getTime() + grievance.int(1, 3) * 86_400_000, now().getTime() + 3_600_000)));
  }
  const stageCount = Math.max(1, definition.stages.length);
  let extra = 0;
  let returned = false;
  let suspended = false;
  let approvals = 0;
  for (let round = 0; round < 12; round++) {
    // Nothing else touches this case's tasks between its steps: what is read here is what the step names.
    const tasks = await openTasksOfCase(cases.db, caseId);
    if (tasks.length === 0) {
      if (approvals > 0) {
        tally.approved++;
        if (beijingDate(now()) === acceptedOn) tally.sameDay++;
      }
      break;
    }
    const first = tasks[0]!;
    const last = first.stageIndex >= stageCount - 1;
    if (c.fate.suspended && !suspended && !instant && promised >= 3) {
      suspended = true;
      yield onWorkingDay(acceptedOn, Math.max(0, Math.floor(days / 2)));
      const pause = rng.pick(PAUSES);
      const approver = await staff.approver(first.departmentId);
      await suspendCase(cases, approver, {
        taskId: first.id,
        input: { version: first.version, kind: pause.kind, reason: pause.reason },
      });
      tally.suspensions++;
      const paused = rng.int(2, 6);
      extra += paused;
      yield onWorkingDay(beijingDate(now()), paused);
      await resumeCase(cases, approver, caseId);
      continue;
    }
    yield onWorkingDay(acceptedOn, instant ? 0 : Math.round((days * (first.stageIndex + 1)) / stageCount) + extra);
    if (last && stageCount > 1 && c.fate.returned && !returned) {
      // 退回: the decision stage finds the joint check incomplete and sends it back.
      returned = true;
      await returnTask(cases, await staff.approver(first.departmentId), {
        taskId: first.id,
        input: { version: first.version, opinion: '现场核查记录不完整，退回重新核查' },
      });
      tally.returns++;
      extra += 2;
      continue;
    }
    if (last && c.fate.refused) {
      await refuseTask(cases, await staff.approver(first.departmentId), {
        taskId: first.id,
        input: {
          version: first.version,
          opinion: '经审查，申请人不符合法定条件',
          legalBasis: '《中华人民共和国行政许可法》第三十八条第二款',
        },
      });
      tally.refused++;
      if (grievance.chance(0.15)) complain('refused', new Date(now().getTime() + grievance.int(3, 72) * 3_600_000));
      break;
    }
    for (const [i, t] of tasks.entries()) {
      if (i > 0) yield new Date(now().getTime() + rng.int(10, 90) * 60_000);
      await approveTask(cases, await staff.approver(t.departmentId), {
        taskId: t.id,
        input: { version: t.version, opinion: '同意' },
      });
      approvals++;
    }
  }
  yield* rate(ctx, c, rng, grievance, caseId, who, item, personLater, complain);
}

/** 好差评 after the decision, as planned; a bad review is called back and resolved by the department's head. */
async function* rate(
  ctx: ScriptContext,
  c: PlannedCase,
  rng: Rng,
  grievance: Rng,
  caseId: string,
  who: Actor & { id: string },
  item: Item,
  personLater: (days: number) => Date,
  complain: (why: ComplaintReason, at: Date) => void,
): Script {
  const level = c.fate.rating;
  if (!level) return;
  yield personLater(rng.int(0, 3));
  const { rectificationId } = await rateCase(ctx.evaluation, who, caseId, {
    level,
    comment: rng.pick(COMMENTS[level]!),
    channel: c.channel === 'window' ? 'pad' : rng.chance(0.6) ? 'mobile' : 'pc',
  });
  ctx.tally.ratings++;
  // Most of those who gave a bad review (1 or 2) complain about the case too.
  if (level <= 2 && grievance.chance(0.6))
    complain('review', new Date(ctx.clock.now().getTime() + grievance.int(2, 48) * 3_600_000));
  if (!rectificationId) return;
  ctx.tally.badReviews++;
  const head = await ctx.staff.head(item.department.id);
  const day = () => beijingDate(ctx.clock.now());
  const working = (n: number) => {
    let d = ctx.calendar.addWorkingDays(day(), n).due;
    while (!ctx.calendar.isWorkingDay(d)) d = ctx.calendar.addWorkingDays(d, 1).due;
    return beijingAt(d, 9 * 60 + rng.int(30, 7 * 60));
  };
  yield working(1);
  await callBack(ctx.evaluation, head, rectificationId, { version: 1, note: '已电话回访申请人，了解情况' });
  yield working(rng.int(2, 6));
  await resolveRectification(ctx.evaluation, head, rectificationId, {
    version: 2,
    resolution: rng.chance(0.5) ? 'explained' : 'immediate',
    note: '已向申请人解释说明并改进告知方式',
  });
}
