/**
 * 政策管理 workflow, shaped like the catalogue's guides: a policy officer drafts a version (草稿),
 * submits it for review (审核中) once its examples pass, and another officer approves it (已发布:
 * judged from its effective date) or sends it back (已退回). One version of a policy is open at a
 * time; every step is audited.
 */
import type { ExampleResult, PolicyDraftBody, PolicyVersionAnswer } from '../../../../../contracts/policy-admin.js';
import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { appendAudit, auditEntry } from '../../../platform/audit/index.js';
import { beijingDate } from '../../../platform/calendar/beijing.js';
import { conflict, forbidden, notFound, unprocessable } from '../../../platform/errors.js';
import type { ProactiveDeps } from '../proactive.deps.js';
import { POLICY_OFFICERS } from '../policies.service.js';
import type { Example, Policy, PolicyVersion } from '../rules/language.js';
import { runExample } from './examples.js';
import { checkDraft } from './rule-check.js';
import { findBasePolicy, loadPolicy, withVersions } from './policy-book.js';
import { uncoveredRegions } from './amount-check.js';
import * as repo from './versions.repository.js';

export function assertOfficer(actor: Actor): asserts actor is Actor & { id: string } {
  if (actor.kind !== 'staff' || !actor.id || !POLICY_OFFICERS.some((r) => actor.roles.includes(r)))
    throw forbidden('PROACTIVE.NOT_POLICY_OFFICER', {
      zh: '仅政策管理人员可管理政策',
      en: 'Only policy officers administer policies',
    });
}

/** A policy (in code or made in the console) without its console versions, or 404. */
export async function policyOrThrow(db: Db, code: string): Promise<Policy> {
  const policy = await findBasePolicy(db, code);
  if (!policy) throw notFound('PROACTIVE.POLICY_NOT_FOUND', { zh: '未找到该政策', en: 'No such policy' });
  return policy;
}

const STATUS_ZH = { draft: '草稿', in_review: '审核中', published: '已发布', rejected: '已退回' } as const;

function wrongState(v: repo.StoredVersion | undefined, wanted: { zh: string; en: string }) {
  if (!v) return notFound('PROACTIVE.VERSION_NOT_FOUND', { zh: '未找到该版本', en: 'No such version' });
  return conflict(
    'PROACTIVE.VERSION_STATE',
    {
      zh: `第${v.version}版当前为“${STATUS_ZH[v.status]}”，不能${wanted.zh}`,
      en: `Version ${v.version} is ${v.status.replace('_', ' ')}; cannot ${wanted.en}`,
    },
    [],
    { status: v.status },
  );
}

/** What each step writes to the audit log, as `proactive.policy-<step>`. */
export const POLICY_AUDIT_STEPS = ['created', 'drafted', 'revised', 'submitted', 'published', 'rejected'] as const;

export async function audit(
  trx: Db,
  deps: ProactiveDeps,
  actor: Actor,
  action: (typeof POLICY_AUDIT_STEPS)[number],
  code: string,
  detail: Record<string, unknown>,
) {
  await appendAudit(
    trx,
    auditEntry(actor, `proactive.policy-${action}`, {
      at: deps.now(),
      targetType: 'proactive.policy',
      targetId: code,
      detail,
    }),
    deps.auditKey,
  );
}

/**
 * The policy's standing examples and the version's own, run as the policy would be judged with the
 * version dated in (on save, to show; on submit, to hold a failing draft back).
 */
export async function examplesWith(
  trx: Db,
  code: string,
  own: { examples: readonly Example[] },
  version: PolicyVersion,
): Promise<ExampleResult[]> {
  const policy = withVersions((await loadPolicy(trx, code))!, [version]);
  return [...policy.examples, ...own.examples].map((e) => runExample(policy, e));
}

/** 发布: only a provincial policy officer (a region scope of the province, or none) publishes. */
function assertProvincial(actor: Actor): void {
  if ((actor.regionScope ?? '').length > 2)
    throw forbidden('PROACTIVE.NOT_PROVINCIAL', {
      zh: '仅省级政策管理人员可发布政策',
      en: 'Only provincial policy officers publish policies',
    });
}

/** The body as version `n` of the policy, or 422 listing each fault field by field. */
export async function checkedOrThrow(trx: Db, deps: ProactiveDeps, policy: Policy, body: PolicyDraftBody, n: number) {
  const { version, errors } = checkDraft(policy.subject, body, n);
  errors.push(...(await uncoveredRegions(trx, version)));
  if (body.effectiveFrom < beijingDate(deps.now()))
    errors.push({
      field: 'effectiveFrom',
      code: 'PROACTIVE.RULE_INVALID',
      message: { zh: '生效日期不得早于今天', en: 'A new version cannot start in the past' },
    });
  if (errors.length)
    throw unprocessable(
      'PROACTIVE.RULE_INVALID',
      { zh: `政策规则有 ${errors.length} 处错误`, en: `The rule has ${errors.length} fault(s)` },
      errors,
    );
  return version;
}

/** 起草: a new version of a policy, checked fact by fact. One version of a policy is open at a time. */
export async function draftVersion(
  deps: ProactiveDeps,
  actor: Actor,
  code: string,
  body: PolicyDraftBody,
): Promise<PolicyVersionAnswer> {
  assertOfficer(actor);
  return deps.db.transaction().execute(async (trx) => {
    const policy = await policyOrThrow(trx, code);
    const last = Math.max(await repo.lastVersionNumber(trx, code), ...policy.versions.map((v) => v.version));
    const version = await checkedOrThrow(trx, deps, policy, body, last + 1);
    const open = (await repo.pendingVersions(trx)).get(code);
    if (open)
      throw conflict(
        'PROACTIVE.VERSION_OPEN',
        { zh: `第${open.version}版尚未审结，不能另起草稿`, en: `Version ${open.version} is still open` },
        [],
        { version: open.version, status: open.status },
      );
    await repo.insertVersion(trx, code, version, body, actor.id, deps.now());
    await audit(trx, deps, actor, 'drafted', code, { version: version.version, effectiveFrom: version.effectiveFrom });
    return {
      version: version.version,
      status: 'draft' as const,
      examples: await examplesWith(trx, code, body, version),
    };
  });
}

/** 修改草稿: replaces a draft's rule and examples (a draft only; its drafter stays its drafter). */
export async function reviseVersion(
  deps: ProactiveDeps,
  actor: Actor,
  code: string,
  n: number,
  body: PolicyDraftBody,
): Promise<PolicyVersionAnswer> {
  assertOfficer(actor);
  return deps.db.transaction().execute(async (trx) => {
    const policy = await policyOrThrow(trx, code);
    await repo.lastVersionNumber(trx, code);
    const v = await repo.findVersion(trx, code, n);
    if (v?.status !== 'draft') throw wrongState(v, { zh: '修改', en: 'edit it' });
    const version = await checkedOrThrow(trx, deps, policy, body, n);
    await repo.replaceDraft(trx, code, version, body);
    await audit(trx, deps, actor, 'revised', code, { version: n, effectiveFrom: version.effectiveFrom });
    return { version: n, status: 'draft' as const, examples: await examplesWith(trx, code, body, version) };
  });
}

/** 提交审核: runs the examples; a version whose examples fail stays a draft (409 naming them). */
export async function submitVersion(
  deps: ProactiveDeps,
  actor: Actor,
  code: string,
  n: number,
): Promise<PolicyVersionAnswer> {
  assertOfficer(actor);
  return deps.db.transaction().execute(async (trx) => {
    await policyOrThrow(trx, code);
    await repo.lastVersionNumber(trx, code);
    const v = await repo.findVersion(trx, code, n);
    if (v?.status !== 'draft') throw wrongState(v, { zh: '提交审核', en: 'submit it' });
    const examples = await examplesWith(trx, code, v, v.asVersion);
    const failed = examples.filter((e) => !e.passed);
    if (failed.length)
      throw conflict(
        'PROACTIVE.EXAMPLES_FAILED',
        {
          zh: `有 ${failed.length} 个测试用例未通过：${failed.map((e) => `“${e.name}”应为${e.expected.zh}，实为${e.actual.zh}`).join('；')}`,
          en: `${failed.length} example(s) failed: ${failed.map((e) => `“${e.name}” expected ${e.expected.en}, got ${e.actual.en}`).join('; ')}`,
        },
        [],
        { examples },
      );
    await repo.setStatus(trx, code, n, { status: 'in_review', submittedAt: deps.now() });
    await audit(trx, deps, actor, 'submitted', code, { version: n, examples: examples.length });
    return { version: n, status: 'in_review' as const, examples };
  });
}

/** 审核: another officer publishes the version (四眼原则) or sends it back to its drafter. */
export async function reviewVersion(
  deps: ProactiveDeps,
  actor: Actor,
  code: string,
  n: number,
  decision: 'published' | 'rejected',
  comment: string,
): Promise<PolicyVersionAnswer> {
  assertOfficer(actor);
  if (decision === 'published') assertProvincial(actor);
  return deps.db.transaction().execute(async (trx) => {
    await policyOrThrow(trx, code);
    await repo.lastVersionNumber(trx, code);
    const v = await repo.findVersion(trx, code, n);
    const wanted = decision === 'published' ? { zh: '审核通过', en: 'approve it' } : { zh: '退回', en: 'send it back' };
    if (v?.status !== 'in_review') throw wrongState(v, wanted);
    if (v.createdBy === actor.id)
      throw forbidden('PROACTIVE.SELF_REVIEW', {
        zh: '不能审核自己起草的版本',
        en: 'You cannot review a version you drafted',
      });
    const at = deps.now();
    await repo.setStatus(trx, code, n, {
      status: decision,
      reviewedBy: actor.id,
      reviewedAt: at,
      reviewComment: comment,
    });
    await audit(trx, deps, actor, decision, code, { version: n, comment });
    return { version: n, status: decision, examples: [] };
  });
}
