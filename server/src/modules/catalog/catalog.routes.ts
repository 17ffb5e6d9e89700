/** Public catalogue API: search, guides, themes, regions, departments, power/service lists. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApplicationFormSchema,
  CatalogList,
  DepartmentList,
  ItemPage,
  ListKind,
  NegativeList,
  RegionDetail,
  RegionList,
  ThemeList,
  ThemePage,
} from '../../../../contracts/catalog-api.js';
import { HotSearches, SearchClick, SearchResult } from '../../../../contracts/search.js';
import { NoContent } from '../../../../contracts/http.js';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/index.js';
import { memoisedJson } from '../../platform/http/memo-json.js';
import { RegionCodeParam } from '../../platform/validators/index.js';
import type { PublishedGuides } from './published-guides.js';
import { fieldsOfForm, jsonSchemaOf } from './forms/application-form.js';
import * as regions from './regions.repository.js';
import { getTheme, listThemes } from './themes.service.js';
import { catalogList, negativeList } from './lists.service.js';
import { childRegions } from './regions.service.js';
import type { CatalogSearch } from './search/search.service.js';
import type { RegionDirectory } from './region-directory.js';
import { askerOf, type SearchCallers } from './search/askers.js';
import { logSearchClicks } from './search/clicks.js';

const RegionCode = RegionCodeParam;
const tags = ['catalog 事项目录'];

export const publicCatalogRoutes: FastifyPluginAsyncZod<{
  db: Db;
  search: CatalogSearch;
  guides: PublishedGuides;
  callers: SearchCallers;
  regions: RegionDirectory;
}> = async (app, { db, search, guides, callers, regions: directory }) => {
  const sendSearchResult = memoisedJson(SearchResult);
  const sendGuide = memoisedJson(ItemPage);
  app.get(
    '/api/catalog/search',
    {
      schema: {
        tags,
        summary: '事项搜索 Search service items',
        description:
          'Chinese words, colloquial phrases ("我要开饭店"), full pinyin or initials ("yyzz"), English names. One hit per service (基本编码): the implementation for `region` (else the signed-in person\'s household county), or a 全省通办 one where the region has none. Themes (一件事) the query names come first; when nothing matches, `suggestions` says what the person may have meant. An unknown region is a 404.',
        querystring: z.object({
          q: z.string().trim().min(1).max(100),
          region: RegionCode.optional(),
          page: z.coerce.number().int().min(1).max(500).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: SearchResult },
      },
    },
    async (request, reply) => {
      await directory.require(request.query.region);
      const { actor } = request;
      const person = actor.kind === 'person' && actor.id ? actor.id : undefined;
      const searchId = request.query.page === 1 ? randomUUID() : undefined;
      const result = await search.search({
        ...request.query,
        householdRegion: person && callers.householdRegion ? () => callers.householdRegion!(person) : undefined,
        asker: askerOf(callers.askerKey, actor, request.ip),
        searchId,
        person: person && callers.personKey ? callers.personKey(person) : undefined,
      });
      return sendSearchResult(reply, result, searchId ? { searchId } : undefined);
    },
  );

  app.post(
    '/api/catalog/search/clicks',
    {
      config: { rateLimit: { max: 120, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: '搜索点击 The result a person opened from a search (anonymous, for demand analysis)',
        description:
          'The search id answered with page 1 of a search, the 1-based position of the result opened and its item code. Nothing about the person is sent; a signed-in person is counted by a keyed hash only.',
        body: SearchClick,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      const person = actor.kind === 'person' && actor.id && callers.personKey ? callers.personKey(actor.id) : null;
      await logSearchClicks(db, [{ click: request.body, person, at: new Date() }]);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/catalog/search/hot',
    {
      schema: {
        tags,
        summary: '热门搜索 Hot searches',
        description:
          'Queries that found something, asked by enough distinct people (signed-in person or client address, hashed) within the window; a denylist keeps words off it.',
        response: { 200: HotSearches },
      },
    },
    async () => ({ queries: await search.hotQueries(8) }),
  );

  app.get(
    '/api/catalog/items/:code',
    {
      schema: {
        tags,
        summary: '办事指南 The full guide of a published item',
        params: z.object({
          code: z.string().regex(/^[0-9A-Z]{18,40}$/, '实施编码格式不正确 malformed implementation code'),
        }),
        response: { 200: ItemPage },
      },
    },
    async (request, reply) => sendGuide(reply, await guides.get(request.params.code)),
  );

  app.get(
    '/api/catalog/items/:code/form-schema',
    {
      schema: {
        tags,
        summary: '申请表 JSON Schema The application form of a published item as JSON Schema',
        params: z.object({
          code: z.string().regex(/^[0-9A-Z]{18,40}$/, '实施编码格式不正确 malformed implementation code'),
        }),
        response: { 200: ApplicationFormSchema },
      },
    },
    async (request, reply) => {
      const item = await guides.get(request.params.code);
      return reply.type('application/schema+json').send({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        title: `${item.name} 申请表`,
        ...jsonSchemaOf(fieldsOfForm(item.form)),
      });
    },
  );

  app.get(
    '/api/catalog/themes',
    {
      schema: {
        tags,
        summary: '主题服务 Themes (一件事)',
        querystring: z.object({ audience: z.enum(['person', 'enterprise']).optional() }),
        response: { 200: ThemeList },
      },
    },
    async (request) => ({ themes: await listThemes(db, request.query.audience) }),
  );

  app.get(
    '/api/catalog/themes/:id',
    {
      schema: {
        tags,
        summary: '主题详情 A theme with its items in order',
        params: z.object({ id: z.string().min(2).max(60) }),
        querystring: z.object({ region: RegionCode.optional() }),
        response: { 200: ThemePage },
      },
    },
    async (request) => getTheme(db, request.params.id, await directory.require(request.query.region)),
  );

  app.get(
    '/api/catalog/regions',
    {
      schema: {
        tags,
        summary: '行政区划 Child regions of a region (provinces when no parent)',
        querystring: z.object({ parent: RegionCode.optional() }),
        response: { 200: RegionList },
      },
    },
    async (request) => {
      const parent = await directory.require(request.query.parent);
      return { regions: await childRegions({ db }, parent ? { parent } : {}) };
    },
  );

  app.get(
    '/api/catalog/regions/:code',
    {
      schema: {
        tags,
        summary: '行政区划详情 A region with its path; a township or village with its county',
        description:
          'Accepts the stored code or the standard one (520100 = 5201 = 贵阳市; 520102016000 = 520102016). Unknown codes: 404 CATALOG.REGION_NOT_FOUND.',
        params: z.object({ code: RegionCode }),
        response: { 200: RegionDetail },
      },
    },
    async (request) => directory.describe(request.params.code),
  );

  app.get(
    '/api/catalog/departments',
    {
      schema: {
        tags,
        summary: '部门 Departments in a region subtree',
        querystring: z.object({ region: RegionCode.optional() }),
        response: { 200: DepartmentList },
      },
    },
    async (request) => {
      const region = await directory.require(request.query.region);
      // Departments sit at county level and above: a township or village is served by its county's.
      return { departments: await regions.listDepartments(db, { regionPrefix: region?.slice(0, 6) }) };
    },
  );

  app.get(
    '/api/catalog/lists/negative',
    {
      schema: {
        tags,
        summary: '市场准入负面清单 The market-access negative list',
        description:
          '禁止准入类 (prohibited) and 许可准入类 (licence needed) entries; licensed entries link to the items that grant the licence, resolved for `region`.',
        querystring: z.object({ region: RegionCode.optional() }),
        response: { 200: NegativeList },
      },
    },
    async (request) => negativeList({ db }, { region: await directory.require(request.query.region) }),
  );

  app.get(
    '/api/catalog/lists/:kind',
    {
      schema: {
        tags,
        summary: '权力清单 / 公共服务清单 The power list or the public-service list',
        params: z.object({ kind: ListKind }),
        querystring: z.object({ region: RegionCode.optional() }),
        response: { 200: CatalogList },
      },
    },
    async (request) =>
      catalogList({ db }, { kind: request.params.kind, region: await directory.require(request.query.region) }),
  );
};
