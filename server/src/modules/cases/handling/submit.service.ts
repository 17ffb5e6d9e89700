/**
 * 申报: a signed-in person (for themselves, or for an enterprise with the `apply` scope) submits an
 * application for a published item, or one application for a theme (一件事) that becomes the linked
 * cases of its items. Submission is idempotent per applicant and `Idempotency-Key`: a retry answers
 * the same result; the same key with a different request is refused. An item whose process has
 * 秒批 rules is decided inside the request when the rules hold on verified registry data.
 */
import type { FieldCipher } from '../../../platform/crypto/index.js';
import { sealForm } from './form-store.js';
import { createHash, randomUUID } from 'node:crypto';
import { SYSTEM, type Actor } from '../../../platform/context.js';
import { isUniqueViolation, type Db } from '../../../platform/db/index.js';
import { forbidden, invalid, unauthorized, unprocessable, type FieldError } from '../../../platform/errors.js';
import type { Item } from '../../../../../contracts/catalog.js';
import type { ProcessDefinition } from '../../../../../contracts/cases.js';
import { getTheme, themeFormFields, UNKNOWN_FIELD, validateApplicationForm } from '../../catalog/index.js';
import { personName } from '../../identity/index.js';
import type { CasesDeps } from '../cases.deps.js';
import { kq, type CaseStatus } from '../cases.tables.js';
import { beijingDate } from '../process/clock.js';
import { appendCaseEvent, eventRows } from '../process/events.js';
import { tryAutoApproval } from './auto-approval.js';
import { newTrackingCode } from '../process/tracking-code.js';
import { attachReused, holderOf, planReuse } from './reuse.service.js';

export interface Submission {
  itemCode: string;
  form: Record<string, unknown>;
  /** 授权调取: the applicant consents to the platform attaching the licences and shared data it holds. */
  reuseConsent?: boolean;
}
export interface BundleSubmission {
  theme: string;
  region: string;
  form: Record<string, unknown>;
  /** Optional steps (by 基本编码) the applicant wants too. */
  include: string[];
}
export interface Submitted {
  caseId: string;
  trackingCode: string;
  status: CaseStatus;
  created: boolean;
}

/** The signed-in applicant's name as the case records it (the session's, else the account's). */
async function applicantNameOf(deps: CasesDeps, actor: Actor & { id: string }): Promise<string> {
  return actor.name ?? (await personName(deps.db, actor.id)) ?? '';
}

function checkApplicant(actor: Actor, idempotencyKey: string): asserts actor is Actor & { id: string } {
  if (actor.kind === 'anonymous') throw unauthorized('AUTH.REQUIRED', { zh: '请先登录再申报', en: 'Sign in to apply' });
  if (actor.kind !== 'person' || !actor.id)
    throw forbidden('CASES.PERSON_ONLY', {
      zh: '仅个人或企业经办人可在线申报',
      en: 'Only persons (or agents of enterprises) apply online',
    });
  if (actor.actingFor && !actor.actingFor.scopes.includes('apply')) {
    throw forbidden('CASES.NO_APPLY_SCOPE', {
      zh: '您的企业授权不含申报权限',
      en: 'Your authorisation for this enterprise does not include applying',
    });
  }
  if (!/^[A-Za-z0-9_-]{8,80}$/.test(idempotencyKey)) {
    throw invalid(
      'CASES.BAD_IDEMPOTENCY_KEY',
      {
        zh: '请求头 Idempotency-Key 须为 8–80 位字母、数字、- 或 _',
        en: 'The Idempotency-Key header must be 8–80 letters, digits, - or _',
      },
      [
        {
          field: 'headers.idempotency-key',
          code: 'CASES.BAD_IDEMPOTENCY_KEY',
          message: { zh: '格式不正确', en: 'Malformed' },
        },
      ],
    );
  }
}

/**
 * The form data must fit the item's application form (every problem at once). Keys the form does
 * not declare are refused as `CASES.FORM_UNKNOWN_FIELD` (an item without a form takes remarks only).
 */
export function checkForm(item: Pick<Item, 'form'>, form: Record<string, unknown>): void {
  throwFormErrors(validateApplicationForm(item.form, form));
}

export function throwFormErrors(errors: FieldError[]): void {
  if (!errors.length) return;
  if (errors.every((e) => e.code === UNKNOWN_FIELD))
    throw unprocessable(
      UNKNOWN_FIELD,
      {
        zh: `申请表中没有这些项目：${errors.map((e) => e.field.slice(5)).join('、')}`,
        en: `The application form has no such fields: ${errors.map((e) => e.field.slice(5)).join(', ')}`,
      },
      errors,
    );
  throw unprocessable(
    'CASES.FORM_INVALID',
    { zh: `申请表有 ${errors.length} 处需要修改`, en: `The application form has ${errors.length} problem(s)` },
    errors,
  );
}

export const hashOf = (request: unknown, actor: Actor) =>
  createHash('sha256')
    .update(JSON.stringify([request, actor.actingFor?.enterpriseId ?? null]))
    .digest('hex');

/** The earlier answer to this key, if any (422 when the key was used for another request). */
async function replay(
  db: Db,
  actorId: string,
  key: string,
  hash: string,
): Promise<{ caseId: string; trackingCode: string; status: CaseStatus; bundleId: string | null } | undefined> {
  const prior = await kq(db)
    .selectFrom('cases.idempotency as i')
    .innerJoin('cases.case as c', 'c.id', 'i.caseId')
    .select(['c.id', 'c.trackingCode', 'c.status', 'c.bundleId', 'i.requestHash'])
    .where('i.actorId', '=', actorId)
    .where('i.key', '=', key)
    .executeTakeFirst();
  if (!prior) return undefined;
  if (prior.requestHash !== hash)
    throw unprocessable('CASES.IDEMPOTENCY_KEY_REUSED', {
      zh: '该 Idempotency-Key 已用于另一份申请',
      en: 'This Idempotency-Key was used for a different application',
    });
  return { caseId: prior.id, trackingCode: prior.trackingCode, status: prior.status, bundleId: prior.bundleId };
}

/** Runs `write` in a transaction; a unique violation is a concurrent twin (answer it) or a tracking-code collision (retry). */
export async function idempotently<T>(
  deps: CasesDeps,
  actorId: string,
  key: string,
  hash: string,
  write: () => Promise<T>,
  fromReplay: (r: NonNullable<Awaited<ReturnType<typeof replay>>>) => Promise<T>,
): Promise<T> {
  // No look-up first: the transaction claims the key before anything else, so a retry or a
  // concurrent twin fails on it (after waiting for the first to commit) and is answered from it.
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const twin = await replay(deps.db, actorId, key, hash);
      if (twin) return fromReplay(twin);
      if (attempt >= 3) throw e;
    }
  }
}

export interface NewCase {
  id?: string;
  /** The window filing for a walk-in resident (channel 'window': the clerk and the window's region, 收件地), and that resident. */
  filing?: { clerkId: string; regionCode: string };
  /** Filed for someone (the window's walk-in resident, the system's 免申即享 grantee); `enterpriseId` when the applicant is an enterprise, `personId` its responsible person. */
  applicant?: { personId: string; name: string; enterpriseId?: string };
  item: Item;
  definition: ProcessDefinition;
  version: number;
  form: Record<string, unknown>;
  status: 'submitted' | 'waiting';
  bundleId?: string;
  waitsFor?: string[];
  trackingCode?: string;
}

/**
 * Writes a new case, its first event and (when given) the claim of the idempotency key in one
 * statement — atomic without a transaction, and one round trip to the database.
 */
export async function insertCase(
  db: Db,
  cipher: FieldCipher,
  actor: Actor & { id: string },
  applicantName: string,
  c: NewCase,
  at: Date,
  claim?: { key: string; hash: string },
): Promise<{ caseId: string; trackingCode: string }> {
  const caseId = c.id ?? randomUUID();
  const trackingCode = c.trackingCode ?? newTrackingCode(beijingDate(at));
  const row = {
    id: caseId,
    bundleId: c.bundleId ?? null,
    basicCode: c.item.basicCode,
    waitsFor: c.waitsFor ?? [],
    trackingCode,
    itemCode: c.item.code,
    itemName: c.item.name,
    itemType: c.item.itemType,
    regionCode: c.item.region.code,
    departmentId: c.item.department.id,
    definition: JSON.stringify(c.definition),
    definitionVersion: c.version,
    applicantPersonId: c.applicant?.personId ?? actor.id,
    applicantEnterpriseId: c.applicant ? (c.applicant.enterpriseId ?? null) : (actor.actingFor?.enterpriseId ?? null),
    applicantName: c.applicant?.name ?? actor.actingFor?.name ?? applicantName,
    channel: c.filing ? ('window' as const) : ('online' as const),
    filedBy: c.filing?.clerkId ?? null,
    filingRegionCode: c.filing?.regionCode ?? null,
    ...sealForm(cipher, [c.item.form], c.form),
    status: c.status,
    stageIndex: null,
    promisedDays: c.definition.promisedLimitDays,
    legalDays: c.item.legalLimitDays,
    submittedAt: at,
    acceptedOn: null,
    dueOn: null,
    decidedAt: null,
    decisionNote: null,
  };
  const events = eventRows([
    {
      caseId,
      actor,
      type: 'submitted',
      from: null,
      to: c.status,
      at,
      detail: { itemCode: c.item.code, trackingCode, ...(c.bundleId ? { bundleId: c.bundleId } : {}) },
    },
  ]);
  const claimed = claim ? [{ actorId: actor.id, key: claim.key, requestHash: claim.hash, caseId }] : [];
  if (claimed.length && !c.filing) {
    await kq(db)
      .with('claimed', (q) => q.insertInto('cases.idempotency').values(claimed))
      // The applicant's draft of this item is done with.
      .with('undrafted', (q) => {
        const d = q
          .deleteFrom('cases.draft')
          .where('applicantPersonId', '=', actor.id)
          .where('itemCode', '=', c.item.code);
        return actor.actingFor
          ? d.where('applicantEnterpriseId', '=', actor.actingFor.enterpriseId)
          : d.where('applicantEnterpriseId', 'is', null);
      })
      .with('created', (q) => q.insertInto('cases.case').values(row))
      .insertInto('cases.event')
      .values(events)
      .execute();
  } else if (claimed.length) {
    await kq(db)
      .with('claimed', (q) => q.insertInto('cases.idempotency').values(claimed))
      .with('created', (q) => q.insertInto('cases.case').values(row))
      .insertInto('cases.event')
      .values(events)
      .execute();
  } else {
    await kq(db)
      .with('created', (q) => q.insertInto('cases.case').values(row))
      .insertInto('cases.event')
      .values(events)
      .execute();
  }
  return { caseId, trackingCode };
}

export async function submitApplication(
  deps: CasesDeps,
  actor: Actor,
  { idempotencyKey, ...input }: Submission & { idempotencyKey: string },
): Promise<Submitted> {
  checkApplicant(actor, idempotencyKey);
  const applicantName = await applicantNameOf(deps, actor);
  const hash = hashOf(input, actor);
  const { item, definition, version } = await deps.processes.get(input.itemCode);
  checkForm(item, input.form);
  return idempotently(
    deps,
    actor.id,
    idempotencyKey,
    hash,
    async () => {
      const at = deps.now();
      const claim = { key: idempotencyKey, hash };
      const reuse = input.reuseConsent ? await planReuse(deps.materialSources, item, holderOf(actor), at) : undefined;
      if (!definition.autoApproval && !reuse?.saved.materials) {
        // The common case: one statement claims the key (a retry or a concurrent twin fails on it,
        // after the first commits) and writes the case and its first event.
        const { caseId, trackingCode } = await insertCase(
          deps.db,
          deps.cipher,
          actor,
          applicantName,
          { item, definition, version, form: input.form, status: 'submitted' },
          at,
          claim,
        );
        return { caseId, trackingCode, status: 'submitted', created: true } as Submitted;
      }
      return deps.db.transaction().execute(async (trx) => {
        const { caseId, trackingCode } = await insertCase(
          trx,
          deps.cipher,
          actor,
          applicantName,
          { item, definition, version, form: input.form, status: 'submitted' },
          at,
          claim,
        );
        if (reuse) await attachReused(trx, deps, actor, { caseId, item }, reuse, at);
        const auto = await tryAutoApproval(trx, deps, actor, { caseId, item, definition, version }, at);
        return { caseId, trackingCode, status: auto ? 'approved' : 'submitted', created: true } as Submitted;
      });
    },
    async (r) => ({ caseId: r.caseId, trackingCode: r.trackingCode, status: r.status, created: false }),
  );
}

export interface SubmittedBundle {
  bundleId: string;
  trackingCode: string;
  cases: { caseId: string; itemCode: string; itemName: string; status: CaseStatus }[];
  created: boolean;
}

/**
 * 一件事: one application on a theme. Each required step (and each optional one asked for) becomes
 * a case with the shared form data entered once; a step that must wait for others (联动) waits
 * until they are approved, then goes to the window by itself.
 */
export async function submitBundle(
  deps: CasesDeps,
  actor: Actor,
  { idempotencyKey, ...input }: BundleSubmission & { idempotencyKey: string },
): Promise<SubmittedBundle> {
  checkApplicant(actor, idempotencyKey);
  const applicantName = await applicantNameOf(deps, actor);
  const hash = hashOf({ bundle: input }, actor);
  const theme = await getTheme(deps.db, input.theme, input.region);
  const steps = theme.steps.filter((s) => !s.optional || input.include.includes(s.basicCode));
  const unknown = input.include.filter((b) => !theme.steps.some((s) => s.basicCode === b && s.optional));
  if (unknown.length) {
    throw invalid(
      'CASES.UNKNOWN_STEP',
      { zh: '所选事项不属于该主题的可选环节', en: 'Some chosen steps are not optional steps of this theme' },
      [
        {
          field: 'body.include',
          code: 'CASES.UNKNOWN_STEP',
          message: { zh: `无效：${unknown.join('、')}`, en: `Invalid: ${unknown.join(', ')}` },
        },
      ],
    );
  }
  if (steps.length === 0)
    throw unprocessable('CASES.THEME_EMPTY', {
      zh: '该主题在所选地区没有可办理的事项',
      en: 'This theme has no items that serve the chosen region',
    });
  const chosen = new Set(steps.map((s) => s.basicCode));
  const planned = await Promise.all(
    steps.map(async (s) => ({
      ...(await deps.processes.get(s.item.code)),
      waitsFor: s.after.filter((b) => chosen.has(b)),
    })),
  );
  // One form for the bundle: the theme's shared fields and each chosen item's own, checked as one.
  const fields = themeFormFields(
    theme.sharedFields,
    planned.map((p) => p.item.form),
  );
  throwFormErrors(validateApplicationForm(fields, input.form));
  const shared = new Set(theme.sharedFields.map((f) => f.key));
  /** Each case holds the shared fields and its own item's. */
  const formOf = (item: Item) =>
    Object.fromEntries(Object.entries(input.form).filter(([k]) => shared.has(k) || item.form.some((f) => f.key === k)));
  const describe =
    (bundleId: string, created: boolean) =>
    async (trx: Db): Promise<SubmittedBundle> => {
      const bundle = await kq(trx)
        .selectFrom('cases.bundle')
        .select(['trackingCode'])
        .where('id', '=', bundleId)
        .executeTakeFirstOrThrow();
      const cases = await kq(trx)
        .selectFrom('cases.case')
        .select(['id as caseId', 'itemCode', 'itemName', 'status'])
        .where('bundleId', '=', bundleId)
        .orderBy('submittedAt')
        .orderBy('itemCode')
        .execute();
      return { bundleId, trackingCode: bundle.trackingCode, cases, created };
    };
  return idempotently(
    deps,
    actor.id,
    idempotencyKey,
    hash,
    () =>
      deps.db.transaction().execute(async (trx) => {
        const at = deps.now();
        const bundleId = randomUUID();
        await kq(trx)
          .insertInto('cases.bundle')
          .values({
            id: bundleId,
            trackingCode: newTrackingCode(beijingDate(at)),
            themeSlug: theme.slug,
            themeName: theme.name,
            applicantPersonId: actor.id,
            applicantEnterpriseId: actor.actingFor?.enterpriseId ?? null,
            ...sealForm(deps.cipher, [fields], input.form),
          })
          .execute();
        for (const [i, p] of planned.entries()) {
          // The first case carries the claim of the key.
          await insertCase(
            trx,
            deps.cipher,
            actor,
            applicantName,
            { ...p, form: formOf(p.item), bundleId, status: p.waitsFor.length ? 'waiting' : 'submitted' },
            at,
            i === 0 ? { key: idempotencyKey, hash } : undefined,
          );
        }
        return describe(bundleId, true)(trx);
      }),
    async (r) => describe(r.bundleId!, false)(deps.db),
  );
}
