/** Catalogue administration: editing guides and the publishing workflow, themes, synonyms. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden } from '../../platform/errors.js';
import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { ThemeInput } from '../../../../contracts/catalog.js';
import { ItemPage } from '../../../../contracts/catalog-api.js';
import {
  AdminItemDetail,
  AdminItemList,
  AdminItemQuery,
  DepartmentCreated,
  GuideEdit,
  ItemTransitioned,
  ItemVersionRef,
  NewItem,
  Synonym,
  SynonymExpansions,
  SynonymTerm,
  ThemeSaved,
  TransitionComment,
  ZeroResultQueries,
} from '../../../../contracts/catalog-admin.js';
import { NoContent } from '../../../../contracts/http.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { requireRoles } from '../../platform/http/auth.js';
import * as items from './items.service.js';
import { CATALOG_ADMIN, CATALOG_REVIEWER } from './items.service.js';
import { upsertTheme } from './themes.repository.js';
import type { PublishedGuides } from './published-guides.js';
import { createDepartment, DepartmentEdit, DepartmentInput, updateDepartment } from './departments.service.js';
import { setSynonym } from './search/synonyms.service.js';
import type { CatalogSearch } from './search/search.service.js';

const tags = ['catalog-admin 事项管理'];
const security = [{ bearer: [] }];
const Code = z.object({ code: z.string().regex(/^[0-9A-Z]{18,40}$/) });

export const adminCatalogRoutes: FastifyPluginAsyncZod<{
  db: Db;
  search: CatalogSearch;
  guides: PublishedGuides;
  auditKey: Buffer;
}> = async (app, { db, search, guides, auditKey }) => {
  const ctxOf = (request: FastifyRequest): Ctx => ({
    db,
    actor: request.actor,
    log: request.log,
    now: () => new Date(),
  });
  const admin = requireRoles(CATALOG_ADMIN);
  const reviewer = requireRoles(CATALOG_REVIEWER);
  const anyCatalogRole = requireRoles(CATALOG_ADMIN, CATALOG_REVIEWER);
  // Themes and synonyms serve the whole province: only its provincial catalogue administrators edit them.
  const provinceAdmin = async (request: FastifyRequest, reply: FastifyReply) => {
    await admin(request, reply);
    if ((request.actor.regionScope ?? '').length > 2) {
      throw forbidden('CATALOG.PROVINCE_ONLY', {
        zh: '主题和同义词全省通用，仅省级事项管理员可修改',
        en: 'Themes and synonyms serve the whole province: only provincial catalogue administrators can change them',
      });
    }
  };

  app.get(
    '/api/admin/catalog/items',
    {
      preHandler: anyCatalogRole,
      schema: {
        tags,
        security,
        summary: '事项列表（最新版本） Items in my region, latest version',
        querystring: AdminItemQuery,
        response: { 200: AdminItemList },
      },
    },
    async (request) => ({
      items: await items.listItemsForAdmin(ctxOf(request), {
        ...request.query,
        departmentId: request.query.department,
      }),
    }),
  );

  app.post(
    '/api/admin/catalog/items',
    {
      preHandler: admin,
      schema: {
        tags,
        security,
        summary: '新建事项（草稿） Create an item as a draft',
        body: NewItem,
        response: { 201: ItemVersionRef },
      },
    },
    async (request, reply) => reply.status(201).send(await items.createItem(ctxOf(request), request.body)),
  );

  app.get(
    '/api/admin/catalog/items/:code',
    {
      preHandler: anyCatalogRole,
      schema: {
        tags,
        security,
        summary: '事项详情：最新版本、全部版本与操作记录 Latest version, versions and history',
        params: Code,
        response: { 200: AdminItemDetail },
      },
    },
    async (request) => items.getItemForAdmin(ctxOf(request), request.params.code),
  );

  app.get(
    '/api/admin/catalog/items/:code/versions/:version',
    {
      preHandler: anyCatalogRole,
      schema: {
        tags,
        security,
        summary: '查看某一版本 One version of an item',
        params: Code.extend({ version: z.coerce.number().int().min(1).max(1_000_000) }),
        response: { 200: ItemPage },
      },
    },
    async (request) => items.getItemVersion(ctxOf(request), request.params.code, request.params.version),
  );

  app.put(
    '/api/admin/catalog/items/:code',
    {
      preHandler: admin,
      schema: {
        tags,
        security,
        summary: '修改办事指南 Edit the guide (opens a new draft version of a published item)',
        params: Code,
        body: GuideEdit,
        response: { 200: ItemVersionRef },
      },
    },
    async (request) => items.editItem(ctxOf(request), request.params.code, request.body.guide),
  );

  const transition = (
    path: string,
    summary: string,
    guard: ReturnType<typeof requireRoles>,
    run: (ctx: Ctx, code: string, comment: string) => Promise<ItemTransitioned>,
  ) =>
    app.post(
      `/api/admin/catalog/items/:code/${path}`,
      {
        preHandler: guard,
        schema: { tags, security, summary, params: Code, body: TransitionComment, response: { 200: ItemTransitioned } },
      },
      async (request) => {
        const result = await run(ctxOf(request), request.params.code, request.body.comment);
        if (path === 'approve' || path === 'retire') {
          search.invalidate();
          guides.invalidate();
        }
        return result;
      },
    );
  transition('submit', '提交审核 Submit the draft for review', admin, items.submitForReview);
  transition('approve', '审核通过并发布 Approve and publish', reviewer, items.approve);
  transition('reject', '审核退回 Send back to draft', reviewer, items.reject);
  transition('retire', '废止 Retire the published version', admin, items.retire);

  app.get(
    '/api/admin/catalog/search/zero-results',
    {
      preHandler: anyCatalogRole,
      schema: {
        tags,
        security,
        summary: '零结果搜索（未满足的需求） Zero-result queries of the last 30 days',
        response: { 200: ZeroResultQueries },
      },
    },
    async () => {
      await search.flush();
      return { queries: await search.zeroResultQueries() };
    },
  );

  app.put(
    '/api/admin/catalog/themes/:slug',
    {
      preHandler: provinceAdmin,
      schema: {
        tags,
        security,
        summary: '新建或修改主题 Create or update a theme (provincial administrators)',
        params: z.object({ slug: ThemeInput.shape.slug }),
        body: ThemeInput.omit({ slug: true }),
        response: { 200: ThemeSaved },
      },
    },
    async (request) => {
      await db
        .transaction()
        .execute((trx) => upsertTheme(trx, { ...request.body, slug: request.params.slug, id: randomUUID() }));
      search.invalidate();
      return { slug: request.params.slug };
    },
  );

  const departmentEditors = requireRoles(CATALOG_ADMIN, 'system_admin');
  app.post(
    '/api/admin/catalog/departments',
    {
      preHandler: departmentEditors,
      schema: {
        tags,
        security,
        summary: '新增部门 Add a department of my region',
        body: DepartmentInput,
        response: { 201: DepartmentCreated },
      },
    },
    async (request, reply) => reply.code(201).send(await createDepartment(ctxOf(request), request.body)),
  );
  app.put(
    '/api/admin/catalog/departments/:id',
    {
      preHandler: departmentEditors,
      schema: {
        tags,
        security,
        summary: '修改部门 Rename a department or change its address and phone',
        params: z.object({ id: z.uuid() }),
        body: DepartmentEdit,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const { renamed } = await updateDepartment(ctxOf(request), request.params.id, request.body);
      if (renamed) {
        search.invalidate();
        guides.invalidate();
      }
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/admin/catalog/synonyms/:term',
    {
      preHandler: provinceAdmin,
      schema: {
        tags,
        security,
        summary: '同义词 Map a colloquial term to standard terms (audited; the next search uses it)',
        params: SynonymTerm,
        body: SynonymExpansions,
        response: { 200: Synonym },
      },
    },
    async (request) => {
      const saved = await setSynonym({ db, auditKey }, request.actor, {
        term: request.params.term,
        expansions: request.body.expansions,
        ip: request.ip,
      });
      search.invalidate();
      return saved;
    },
  );
};
