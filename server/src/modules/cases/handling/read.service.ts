/**
 * Reading cases: the detail (with tasks, the event history and the days left) for the applicant and
 * for staff in scope; the public progress behind a tracking code (全程一码) with no personal data;
 * the workbench queue of open tasks, most urgent first.
 */
import QRCode from 'qrcode';
import type { Actor } from '../../../platform/context.js';
import type { CasesDeps } from '../cases.deps.js';
import {
  findBundle,
  findTrackedCase,
  listApplicantCases,
  listBundleCases,
  listCaseEvents,
  listCaseTasks,
  listOpenTasks,
  listWindowCases,
} from '../cases.repository.js';
import { beijingDate, remainingWorkingDays } from '../process/clock.js';
import { normaliseTrackingCode } from '../process/tracking-code.js';
import { canSee, caseNotFound } from './access.js';
import { findVisibleCase, STATUS_ZH } from './load.js';
import { AppError, invalid, notFound, unauthorized } from '../../../platform/errors.js';
import { appendAudit } from '../../../platform/audit/index.js';
import { formFor } from './form-store.js';
import { formForReader } from './form-view.js';
import { trackBundle } from './track-bundle.js';
import { isFiledBySystem } from './filed-by-system.js';
import { Explanation } from '../../../../../contracts/proactive.js';

/** The explanation a 秒批 approval kept (the system's `approved` step). */
function autoDecisionOf(events: { type: string; actorKind: string; detail: unknown }[]): Explanation | null {
  const approved = events.find((e) => e.type === 'approved' && e.actorKind === 'system');
  return Explanation.safeParse((approved?.detail as { explanation?: unknown } | null)?.explanation).data ?? null;
}

export async function getCase(
  deps: CasesDeps,
  actor: Actor,
  { caseId, meta = {} }: { caseId: string; meta?: { ip?: string } },
) {
  const c = await findVisibleCase(deps.db, actor, caseId);
  const tasks = await listCaseTasks(deps.db, c.id);
  const events = await listCaseEvents(deps.db, c.id);
  const { form, disclosed } = formFor(deps.cipher, actor, c);
  // Staff reading an applicant's personal data is on the record, as reading a material file is.
  if (disclosed && actor.kind === 'staff') {
    await appendAudit(
      deps.db,
      {
        at: deps.now(),
        actorId: actor.id,
        actorKind: actor.kind,
        onBehalfOf: null,
        action: 'cases.form-read',
        targetType: 'case',
        targetId: c.id,
        ip: meta.ip ?? null,
        reason: null,
        detail: {},
      },
      deps.auditKey,
    );
  }
  const calendar = await deps.calendar.calendar();
  const today = beijingDate(deps.now());
  const open = c.status === 'in_progress';
  // The item's form labels what was filed; an item no longer published leaves the values unlabelled.
  const fields = await deps.processes.get(c.itemCode).then(
    (p) => p.item.form,
    (e: unknown) => {
      if (e instanceof AppError && e.kind === 'NotFound') return [];
      throw e;
    },
  );
  const stageNames = new Map(c.definition.stages.map((s) => [s.key, s.name]));
  return {
    id: c.id,
    trackingCode: c.trackingCode,
    itemCode: c.itemCode,
    itemName: c.itemName,
    regionCode: c.regionCode,
    filingRegionCode: c.filingRegionCode,
    applicantName: c.applicantName,
    actingForEnterprise: c.applicantEnterpriseId !== null,
    channel: c.channel,
    status: c.status,
    statusName: STATUS_ZH[c.status],
    // On screen, staff see ID and mobile numbers masked (脱敏) even when they handle the case; the
    // names and addresses handling staff need are disclosed to them (audited above).
    ...formForReader(fields, form, actor.kind === 'staff'),
    version: c.version,
    submittedAt: c.submittedAt,
    acceptedOn: c.acceptedOn,
    dueOn: c.dueOn,
    remainingWorkingDays: open && c.dueOn ? remainingWorkingDays(calendar, today, c.dueOn) : null,
    decidedAt: c.decidedAt,
    decisionNote: c.decisionNote,
    decisionNo: c.decisionNo,
    autoDecision: autoDecisionOf(events),
    filedBySystem: isFiledBySystem(events),
    stage: c.stageIndex !== null ? c.definition.stages[c.stageIndex]!.name : null,
    tasks: tasks.map((t) => ({
      id: t.id,
      stage: t.stageKey,
      /** 环节名称 of the task's stage, for pages (the key above is for programs). */
      stageName: stageNames.get(t.stageKey) ?? null,
      name: t.name,
      departmentId: t.departmentId,
      status: t.status,
      version: t.version,
      assigneeId: t.assigneeId,
      openedOn: t.openedOn,
      dueOn: t.dueOn,
      remainingWorkingDays: t.status === 'open' ? remainingWorkingDays(calendar, today, t.dueOn) : null,
      opinion: t.opinion,
      completedAt: t.completedAt,
    })),
    events: events.map((e) => ({
      at: e.at,
      type: e.type,
      by: e.actorKind,
      from: e.fromStatus,
      to: e.toStatus,
      taskId: e.taskId,
      detail: e.detail,
    })),
    /** The e-licences the case produced (证照结果). */
    licenses: deps.producedLicenses ? await deps.producedLicenses(c.id, deps.now()) : [],
  };
}

/** Progress by tracking code: anyone holding the code sees the steps, never who or what was filed. */
export async function trackCase(deps: CasesDeps, actor: Actor, rawCode: string) {
  const code = normaliseTrackingCode(rawCode);
  const c = await findTrackedCase(deps.db, code, PUBLIC_STEPS);
  // 一件事: the bundle's one code answers every case inside it.
  const bundle = c ? undefined : await trackBundle(deps, actor, code);
  if (bundle) return bundle;
  if (!c)
    throw notFound('CASES.UNKNOWN_TRACKING_CODE', {
      zh: '未找到该办件编码，请核对',
      en: 'No case has this tracking code',
    });
  const mine = canSee(actor, c) && actor.kind === 'person';
  return {
    kind: 'case' as const,
    trackingCode: c.trackingCode,
    itemName: c.itemName,
    status: c.status,
    statusName: STATUS_ZH[c.status],
    submittedOn: beijingDate(c.submittedAt),
    acceptedOn: c.acceptedOn,
    dueOn: c.dueOn,
    decidedOn: c.decidedAt ? beijingDate(c.decidedAt) : null,
    steps: c.steps.map((e) => ({ on: beijingDate(new Date(e.at)), step: e.type })),
    /** The full case for its signed-in applicant. */
    caseId: mine ? c.id : null,
  };
}

/** 办件二维码: the QR code (SVG) of a case's public tracking page. */
export async function trackingQrSvg(deps: CasesDeps, actor: Actor, rawCode: string): Promise<string> {
  const { trackingCode } = await trackCase(deps, actor, rawCode);
  if (!trackingCode) throw invalid('CASES.BAD_CODE', { zh: '编码无效', en: 'Invalid code' });
  return QRCode.toString(`${deps.publicUrl}/track/${trackingCode}`, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 1,
  });
}

/** The steps the public tracking page tells (the rest are the departments' own). */
const PUBLIC_STEPS = [
  'submitted',
  'supplement-requested',
  'supplemented',
  'accepted',
  'not-accepted',
  'stage-opened',
  'returned',
  'suspended',
  'resumed',
  'approved',
  'refused',
  'withdrawn',
  'terminated',
] as const;

/** The workbench queue: open tasks the caller may work on, most urgent first. */
export async function taskQueue(deps: CasesDeps, actor: Actor, opts: { limit: number }) {
  const rows = await listOpenTasks(deps.db, actor, opts.limit);
  const calendar = await deps.calendar.calendar();
  const today = beijingDate(deps.now());
  return rows.map((r) => ({ ...r, remainingWorkingDays: remainingWorkingDays(calendar, today, r.dueOn) }));
}

/** Cases waiting at the window of the caller's region (待受理, 待补正). */
export async function windowQueue(deps: CasesDeps, actor: Actor, opts: { limit: number }) {
  if (actor.kind !== 'staff' || !actor.roles.includes('window_clerk')) return [];
  // The window of the handling place and the window that filed the case (全省通办), for every department.
  return listWindowCases(deps.db, actor, opts.limit);
}

/** The applicant's own cases (or their enterprise's, when acting for one). */
export async function myCases(deps: CasesDeps, actor: Actor) {
  if (actor.kind !== 'person') throw unauthorized('AUTH.REQUIRED', { zh: '请先登录', en: 'Sign-in required' });
  return listApplicantCases(deps.db, actor);
}

/** 一件事: the combined progress of a theme application, for its applicant. */
export async function getBundle(deps: CasesDeps, actor: Actor, bundleId: string) {
  const b = await findBundle(deps.db, bundleId);
  const owned =
    b &&
    canSee(actor, {
      id: b.id,
      regionCode: '',
      departmentId: '',
      applicantPersonId: b.applicantPersonId,
      applicantEnterpriseId: b.applicantEnterpriseId,
    }) &&
    actor.kind === 'person';
  if (!b || !owned)
    throw notFound('CASES.BUNDLE_NOT_FOUND', {
      zh: '一件事申请不存在或无权查看',
      en: 'No such theme application, or not yours',
    });
  const cases = await listBundleCases(deps.db, b.id);
  const done = cases.filter((k) =>
    ['approved', 'refused', 'not_accepted', 'withdrawn', 'terminated'].includes(k.status),
  ).length;
  return {
    id: b.id,
    trackingCode: b.trackingCode,
    theme: b.themeName,
    createdAt: b.createdAt,
    progress: { done, total: cases.length },
    cases: cases.map((k) => ({ ...k, statusName: STATUS_ZH[k.status] })),
  };
}
