/**
 * The publishing workflow of service items: 草稿 draft → 审核中 in review → 已发布 published →
 * 已废止 retired. Every version is kept; every action is recorded in the item history and as a
 * domain event; the published version is the only one the portal and search see.
 */
import { randomUUID } from 'node:crypto';
import { ItemGuide, type Item } from '../../../../contracts/catalog.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, forbidden, notFound, unprocessable, type FieldError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/outbox.js';
import type { ItemAction } from '../../../../contracts/events.js';
import { isWithinScope } from '../../platform/scope.js';
import { checkGuide } from './guide-rules.js';
import * as repo from './items.repository.js';
import * as regions from './regions.repository.js';
import { deleteSearchDoc, searchDocOf, upsertSearchDocs } from './search/search.service.js';
import { markReadModelCurrent } from './search/search.repository.js';

export const CATALOG_ADMIN = 'catalog_admin';
export const CATALOG_REVIEWER = 'catalog_reviewer';

/** 实施编码: the implementing body's 统一社会信用代码 + a 13-character tail holding the basic code. */
export const implementationCode = (creditCode: string, basicCode: string, serial = 1): string =>
  `${creditCode}${basicCode.padEnd(12, '0')}${serial}`;

function itemNotFound(code: string) {
  return notFound('CATALOG.ITEM_NOT_FOUND', { zh: `未找到事项：${code}`, en: `No such service item: ${code}` });
}

/** Parses and checks a guide; throws 422 listing every violation. */
export function validateGuide(input: unknown): ItemGuide {
  const parsed = ItemGuide.safeParse(input);
  const errors: FieldError[] = parsed.success
    ? checkGuide(parsed.data)
    : parsed.error.issues.map((i) => ({
        field: i.path.join('.'),
        code: 'CATALOG.GUIDE_INVALID',
        message: { zh: `字段 ${i.path.join('.')}：${i.message}`, en: `Field ${i.path.join('.')}: ${i.message}` },
      }));
  if (errors.length > 0 || !parsed.success) {
    throw unprocessable(
      'CATALOG.GUIDE_INVALID',
      { zh: `办事指南有 ${errors.length} 处不符合要求`, en: `The guide has ${errors.length} violation(s)` },
      errors,
    );
  }
  return parsed.data;
}

/** The item (its region and department) must be within the caller's data scope. */
function assertScope(ctx: Ctx, record: { regionCode: string; departmentId: string }): void {
  if (!isWithinScope(ctx.actor, record, repo.CATALOG_SCOPE)) {
    throw forbidden('CATALOG.OUT_OF_SCOPE', {
      zh: '该事项不在您的管理范围内',
      en: 'This item is outside your administrative scope',
    });
  }
}

const actorId = (ctx: Ctx) => ctx.actor.id ?? 'anonymous';

async function recordTransition(
  db: Db,
  ctx: Ctx,
  head: repo.ItemHead,
  version: number,
  action: ItemAction,
  from: string | null,
  to: string,
  comment = '',
): Promise<void> {
  await repo.appendHistory(db, {
    itemId: head.id,
    version,
    action,
    fromStatus: from,
    toStatus: to,
    actorId: actorId(ctx),
    comment,
  });
  await appendEvent(
    db,
    {
      topic: `catalog.item-${action}` as const,
      aggregateType: 'catalog.item',
      aggregateId: head.code,
      payload: { code: head.code, basicCode: head.basicCode, version, from, to, comment },
    },
    ctx.actor.id,
  );
}

/** Creates an item for a department with its first draft. */
export async function createItem(
  ctx: Ctx,
  input: { departmentId: string; guide: unknown },
): Promise<{ code: string; version: number }> {
  const guide = validateGuide(input.guide);
  const dept = await regions.findDepartment(ctx.db, input.departmentId);
  if (!dept)
    throw notFound('CATALOG.DEPARTMENT_NOT_FOUND', { zh: '未找到实施部门', en: 'No such department' }, [], {
      departmentId: input.departmentId,
    });
  assertScope(ctx, { regionCode: dept.regionCode, departmentId: dept.id });
  const head: repo.ItemHead = {
    id: randomUUID(),
    code: implementationCode(dept.creditCode, guide.basicCode),
    basicCode: guide.basicCode,
    departmentId: dept.id,
    regionCode: dept.regionCode,
    publishedVersion: null,
    latestVersion: 1,
  };
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.findItemHead(trx, head.code)) {
      throw conflict(
        'CATALOG.ITEM_EXISTS',
        { zh: `该部门已实施此事项：${head.code}`, en: `The department already implements this item: ${head.code}` },
        [],
        { code: head.code },
      );
    }
    await repo.insertItem(trx, head);
    await repo.insertVersion(trx, head.id, { version: 1, status: 'draft', guide, createdBy: actorId(ctx) });
    await recordTransition(trx, ctx, head, 1, 'created', null, 'draft');
    return { code: head.code, version: 1 };
  });
}

async function lockOrThrow(db: Db, code: string): Promise<repo.ItemHead> {
  const head = await repo.lockItemForUpdate(db, code);
  if (!head) throw itemNotFound(code);
  return head;
}

function wrongState(code: string, current: string, wanted: string) {
  return conflict(
    'CATALOG.WRONG_STATUS',
    {
      zh: `事项当前状态为“${STATUS_ZH[current] ?? current}”，不能${wanted}`,
      en: `The item is ${current}; cannot ${wanted}`,
    },
    [],
    { code, currentStatus: current },
  );
}
const STATUS_ZH: Record<string, string> = {
  draft: '草稿',
  in_review: '审核中',
  published: '已发布',
  superseded: '已被替代',
  retired: '已废止',
};

/**
 * Saves a guide edit. Edits a published item by opening a new draft version; edits an open draft
 * in place; refuses while the item is in review.
 */
export async function editItem(ctx: Ctx, code: string, input: unknown): Promise<{ code: string; version: number }> {
  const guide = validateGuide(input);
  return ctx.db.transaction().execute(async (trx) => {
    const head = await lockOrThrow(trx, code);
    assertScope(ctx, head);
    if (guide.basicCode !== head.basicCode) {
      throw unprocessable('CATALOG.BASIC_CODE_FIXED', { zh: '基本编码不可修改', en: 'The basic code cannot change' }, [
        {
          field: 'basicCode',
          code: 'CATALOG.BASIC_CODE_FIXED',
          message: { zh: '基本编码不可修改', en: 'The basic code cannot change' },
        },
      ]);
    }
    const latest = await repo.findVersion(trx, head.id, head.latestVersion);
    if (!latest) throw itemNotFound(code);
    if (latest.status === 'in_review') throw wrongState(code, latest.status, '修改 edit');
    if (latest.status === 'draft') {
      await repo.updateVersion(trx, head.id, latest.version, { guide });
      await recordTransition(trx, ctx, head, latest.version, 'edited', 'draft', 'draft');
      return { code, version: latest.version };
    }
    const version = head.latestVersion + 1;
    await repo.insertVersion(trx, head.id, { version, status: 'draft', guide, createdBy: actorId(ctx) });
    await repo.updateItemHead(trx, head.id, { latestVersion: version });
    await recordTransition(trx, ctx, head, version, 'drafted', null, 'draft');
    return { code, version };
  });
}

export async function submitForReview(
  ctx: Ctx,
  code: string,
  comment = '',
): Promise<{ status: 'in_review'; version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const head = await lockOrThrow(trx, code);
    assertScope(ctx, head);
    const latest = await repo.findVersion(trx, head.id, head.latestVersion);
    if (!latest || latest.status !== 'draft')
      throw wrongState(code, latest?.status ?? 'unknown', '提交审核 submit for review');
    await repo.updateVersion(trx, head.id, latest.version, { status: 'in_review' });
    await recordTransition(trx, ctx, head, latest.version, 'submitted', 'draft', 'in_review', comment);
    return { status: 'in_review' as const, version: latest.version };
  });
}

/** Approves the version in review: it becomes the published one; the previous one is superseded. */
export async function approve(ctx: Ctx, code: string, comment = ''): Promise<{ status: 'published'; version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const head = await lockOrThrow(trx, code);
    assertScope(ctx, head);
    const latest = await repo.findVersion(trx, head.id, head.latestVersion);
    if (!latest || latest.status !== 'in_review')
      throw wrongState(code, latest?.status ?? 'unknown', '审核通过 approve');
    // 四眼原则: whoever wrote a version does not publish it.
    if (latest.createdBy === ctx.actor.id) {
      throw forbidden('CATALOG.SELF_REVIEW', {
        zh: '不能审核自己起草的版本',
        en: 'You cannot approve a version you drafted',
      });
    }
    const now = ctx.now();
    if (head.publishedVersion !== null) {
      await repo.updateVersion(trx, head.id, head.publishedVersion, { status: 'superseded' });
    }
    await repo.updateVersion(trx, head.id, latest.version, { status: 'published', publishedAt: now });
    await repo.updateItemHead(trx, head.id, { publishedVersion: latest.version, retiredAt: null });
    await recordTransition(trx, ctx, head, latest.version, 'published', 'in_review', 'published', comment);
    const published = await repo.findPublishedItem(trx, code);
    if (published) await upsertSearchDocs(trx, [searchDocOf(published.id, published.item)]);
    return { status: 'published' as const, version: latest.version };
  });
}

export async function reject(ctx: Ctx, code: string, comment: string): Promise<{ status: 'draft'; version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const head = await lockOrThrow(trx, code);
    assertScope(ctx, head);
    const latest = await repo.findVersion(trx, head.id, head.latestVersion);
    if (!latest || latest.status !== 'in_review') throw wrongState(code, latest?.status ?? 'unknown', '退回 reject');
    await repo.updateVersion(trx, head.id, latest.version, { status: 'draft' });
    await recordTransition(trx, ctx, head, latest.version, 'rejected', 'in_review', 'draft', comment);
    return { status: 'draft' as const, version: latest.version };
  });
}

/** Retires the published version: the item leaves the portal and search; history stays. */
export async function retire(ctx: Ctx, code: string, reason: string): Promise<{ status: 'retired'; version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const head = await lockOrThrow(trx, code);
    assertScope(ctx, head);
    if (head.publishedVersion === null) throw wrongState(code, 'not_published', '废止 retire');
    await repo.updateVersion(trx, head.id, head.publishedVersion, { status: 'retired' });
    await repo.updateItemHead(trx, head.id, { publishedVersion: null, retiredAt: ctx.now() });
    await deleteSearchDoc(trx, head.id);
    await recordTransition(trx, ctx, head, head.publishedVersion, 'retired', 'published', 'retired', reason);
    return { status: 'retired' as const, version: head.publishedVersion };
  });
}

export async function getPublishedItem(db: Db, code: string): Promise<Item> {
  const found = await repo.findPublishedItem(db, code);
  if (!found) throw itemNotFound(code);
  return found.item;
}

/** The published version's 审批结果 (the result's name and type) alone. */
export async function getPublishedResult(db: Db, code: string): Promise<Item['result']> {
  const result = await repo.findPublishedResult(db, code);
  if (!result) throw itemNotFound(code);
  return result;
}

/** Everything an administrator sees of one item: latest version's guide, all versions, history. */
export async function getItemForAdmin(ctx: Ctx, code: string) {
  const head = await repo.findItemHead(ctx.db, code);
  if (!head) throw itemNotFound(code);
  assertScope(ctx, head);
  const [latest, versions, history] = await Promise.all([
    repo.findItemVersionView(ctx.db, code, head.latestVersion),
    repo.listVersions(ctx.db, head.id),
    repo.listHistory(ctx.db, head.id),
  ]);
  if (!latest) throw itemNotFound(code);
  return { item: latest, publishedVersion: head.publishedVersion, versions, history };
}

export async function getItemVersion(ctx: Ctx, code: string, version: number): Promise<Item> {
  const head = await repo.findItemHead(ctx.db, code);
  if (!head) throw itemNotFound(code);
  assertScope(ctx, head);
  const item = await repo.findItemVersionView(ctx.db, code, version);
  if (!item)
    throw notFound('CATALOG.VERSION_NOT_FOUND', {
      zh: `事项 ${code} 没有第 ${version} 版`,
      en: `Item ${code} has no version ${version}`,
    });
  return item;
}

export async function listItemsForAdmin(
  ctx: Ctx,
  opts: {
    status?: 'draft' | 'in_review' | 'published' | 'retired' | 'superseded';
    departmentId?: string;
    page: number;
    pageSize: number;
  },
) {
  return repo.listItemsForAdmin(ctx.db, ctx.actor, {
    status: opts.status,
    departmentId: opts.departmentId,
    limit: opts.pageSize,
    offset: (opts.page - 1) * opts.pageSize,
  });
}

/** Writes the search documents of the published items (all, or one department's) again; bumps the generation. */
async function rewriteSearchDocs(db: Db, opts: { departmentId?: string } = {}): Promise<number> {
  const items = await repo.listPublishedItems(db, opts);
  await upsertSearchDocs(
    db,
    items.map(({ id, item }) => searchDocOf(id, item)),
    { whole: opts.departmentId === undefined },
  );
  return items.length;
}

/**
 * After a department's names changed (they are in its items' hits and lexemes), in the transaction
 * that changed them: every node reads its search index and kept guides again.
 */
export async function refreshDepartmentItems(db: Db, departmentId: string): Promise<void> {
  await rewriteSearchDocs(db, { departmentId });
}

/** Rebuilds the search read model for every published item (after seeding or a tokenizer change). */
export async function rebuildSearchIndex(db: Db): Promise<number> {
  const written = await rewriteSearchDocs(db);
  await markReadModelCurrent(db);
  return written;
}
