/** Public catalogue API: search, guides, themes, regions, departments, power/service lists. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Item,
  ITEM_TYPE_NAMES,
  ItemType,
  SearchHit,
  SearchResult,
  Theme,
  ThemeSummary,
} from '../../../../contracts/catalog.js';
import type { Db } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { memoisedJson } from '../../platform/http/memo-json.js';
import { isValidRegionCode } from '../../platform/validators/index.js';
import { getPublishedItem } from './items.service.js';
import { fieldsOfForm, jsonSchemaOf } from './forms/application-form.js';
import * as itemsRepo from './items.repository.js';
import * as regions from './regions.repository.js';
import { getTheme, hitOf, listThemes } from './themes.service.js';
import { cq } from './catalog.tables.js';
import { regionAncestors, type CatalogSearch } from './search/search.service.js';

const RegionCode = z.string().refine(isValidRegionCode, { message: '行政区划代码无效 invalid region code' });
const tags = ['catalog 事项目录'];

export const publicCatalogRoutes: FastifyPluginAsyncZod<{ db: Db; search: CatalogSearch }> = async (
  app,
  { db, search },
) => {
  const sendSearchResult = memoisedJson(SearchResult);
  app.get(
    '/api/catalog/search',
    {
      schema: {
        tags,
        summary: '事项搜索 Search service items',
        description:
          'Chinese words, colloquial phrases ("我要开饭店"), full pinyin or initials ("yyzz"). `region` keeps items serving that region.',
        querystring: z.object({
          q: z.string().trim().min(1).max(100),
          region: RegionCode.optional(),
          page: z.coerce.number().int().min(1).max(500).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: SearchResult },
      },
    },
    async (request, reply) => sendSearchResult(reply, await search.search(request.query)),
  );

  app.get(
    '/api/catalog/search/hot',
    {
      schema: { tags, summary: '热门搜索 Hot searches', response: { 200: z.object({ queries: z.array(z.string()) }) } },
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
        response: { 200: Item },
      },
    },
    async (request) => getPublishedItem(db, request.params.code),
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
      },
    },
    async (request, reply) => {
      const item = await getPublishedItem(db, request.params.code);
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
        response: { 200: z.object({ themes: z.array(ThemeSummary) }) },
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
        response: { 200: Theme },
      },
    },
    async (request) => getTheme(db, request.params.id, request.query.region),
  );

  app.get(
    '/api/catalog/regions',
    {
      schema: {
        tags,
        summary: '行政区划 Child regions of a region (provinces when no parent)',
        querystring: z.object({ parent: RegionCode.optional() }),
        response: {
          200: z.object({
            regions: z.array(z.object({ code: z.string(), name: z.string(), level: z.number().int() })),
          }),
        },
      },
    },
    async (request) => {
      const parent = request.query.parent ?? null;
      if (parent && !(await regions.findRegion(db, parent))) {
        throw notFound('CATALOG.REGION_NOT_FOUND', {
          zh: `未找到行政区划：${parent}`,
          en: `No such region: ${parent}`,
        });
      }
      return { regions: await regions.listChildRegions(db, parent) };
    },
  );

  app.get(
    '/api/catalog/departments',
    {
      schema: {
        tags,
        summary: '部门 Departments in a region subtree',
        querystring: z.object({ region: RegionCode.optional() }),
        response: {
          200: z.object({
            departments: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                shortName: z.string(),
                regionCode: z.string(),
                category: z.string(),
                creditCode: z.string(),
                address: z.string(),
                phone: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ departments: await regions.listDepartments(db, { regionPrefix: request.query.region }) }),
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
        response: {
          200: z.object({
            kind: z.literal('negative'),
            entries: z.array(
              z.object({
                id: z.string(),
                kind: z.enum(['prohibited', 'licensed']),
                sector: z.string(),
                title: z.string(),
                measures: z.string(),
                basis: z.string(),
                items: z.array(SearchHit.omit({ score: true })),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const entries = await cq(db).selectFrom('catalog.negativeListEntry').selectAll().orderBy('sortOrder').execute();
      const region = request.query.region;
      const items = await itemsRepo.listPublishedByBasicCodes(db, [...new Set(entries.flatMap((e) => e.basicCodes))]);
      const serving = (basicCode: string) => {
        const all = items.filter((i) => i.basicCode === basicCode).map((i) => i.item);
        return (region ? all.find((i) => region.startsWith(i.region.code)) : undefined) ?? all[0];
      };
      return {
        kind: 'negative' as const,
        entries: entries.map(({ sortOrder, basicCodes, ...e }) => {
          void sortOrder;
          return {
            ...e,
            items: basicCodes.flatMap((b) => {
              const it = serving(b);
              return it ? [hitOf(it)] : [];
            }),
          };
        }),
      };
    },
  );

  app.get(
    '/api/catalog/lists/:kind',
    {
      schema: {
        tags,
        summary: '权力清单 / 公共服务清单 The power list or the public-service list',
        params: z.object({ kind: z.enum(['power', 'service']) }),
        querystring: z.object({ region: RegionCode.optional() }),
        response: {
          200: z.object({
            kind: z.enum(['power', 'service']),
            total: z.number().int(),
            groups: z.array(
              z.object({
                itemType: ItemType,
                itemTypeName: z.object({ zh: z.string(), en: z.string() }),
                items: z.array(SearchHit.omit({ score: true })),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { kind } = request.params;
      const types = kind === 'service' ? (['20'] as const) : ItemType.options.filter((t) => t !== '20');
      const region = request.query.region;
      const rows = await itemsRepo.listPublishedHits(db, {
        itemTypes: [...types],
        regionAncestors: region ? regionAncestors(region) : undefined,
        regionPrefix: region,
      });
      const groups = new Map<ItemType, (typeof rows)[number]['hit'][]>();
      for (const r of rows) {
        const t = r.itemType as ItemType;
        groups.set(t, [...(groups.get(t) ?? []), r.hit]);
      }
      return {
        kind,
        total: rows.length,
        groups: [...groups.entries()].map(([itemType, items]) => ({
          itemType,
          itemTypeName: ITEM_TYPE_NAMES[itemType],
          items,
        })),
      };
    },
  );
};
