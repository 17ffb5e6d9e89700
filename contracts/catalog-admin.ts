/**
 * Catalogue administration (事项管理): the publishing workflow of items (草稿 → 审核中 → 已发布 →
 * 已废止; 已被替代 for older versions), themes, departments and search synonyms.
 */
import { z } from 'zod';
import { Item, ItemGuide } from './catalog.js';
import { contract } from './http.js';

/** Status of a version in the publishing workflow. */
export const VersionStatus = z.enum(['draft', 'in_review', 'published', 'superseded', 'retired']);
export type VersionStatus = z.infer<typeof VersionStatus>;

export const AdminItemQuery = z.object({
  status: VersionStatus.optional(),
  department: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const AdminItemRow = z.object({
  code: z.string(),
  basicCode: z.string(),
  name: z.string(),
  status: VersionStatus,
  version: z.number(),
  publishedVersion: z.number().nullable(),
  departmentName: z.string(),
  regionCode: z.string(),
  updatedAt: z.date(),
});
export type AdminItemRow = z.infer<typeof AdminItemRow>;
export const AdminItemList = contract(z.object({ items: z.array(AdminItemRow) }));

export const NewItem = z.object({ departmentId: z.uuid(), guide: ItemGuide });
export const GuideEdit = z.object({ guide: ItemGuide });
/** A version written: the item's code and the version now being edited. */
export const ItemVersionRef = contract(z.object({ code: z.string(), version: z.number() }));

/** One item for its administrators: the latest version, all versions and the whole history. */
export const AdminItemDetail = contract(
  z.object({
    item: Item,
    publishedVersion: z.number().nullable(),
    versions: z.array(
      z.object({
        version: z.number(),
        status: VersionStatus,
        name: z.string(),
        createdBy: z.string(),
        createdAt: z.date(),
        updatedAt: z.date(),
        publishedAt: z.date().nullable(),
      }),
    ),
    history: z.array(
      z.object({
        version: z.number(),
        action: z.string(),
        fromStatus: z.string().nullable(),
        toStatus: z.string(),
        actorId: z.string(),
        comment: z.string(),
        at: z.date(),
      }),
    ),
  }),
);
export type AdminItemDetail = z.infer<typeof AdminItemDetail>;

export const TransitionComment = z.object({ comment: z.string().trim().max(1000).default('') });
/** Where a workflow step left the item. */
export const ItemTransitioned = contract(z.object({ status: VersionStatus, version: z.number().int() }));
export type ItemTransitioned = z.infer<typeof ItemTransitioned>;

/** 零结果搜索: what residents looked for and did not find, last 30 days. */
export const ZeroResultQueries = contract(
  z.object({ queries: z.array(z.object({ query: z.string(), count: z.coerce.number(), lastAt: z.date() })) }),
);

export const ThemeSaved = contract(z.object({ slug: z.string() }));
export const DepartmentCreated = contract(z.object({ id: z.uuid() }));

export const SynonymTerm = z.object({ term: z.string().trim().min(1).max(30) });
export const SynonymExpansions = z.object({ expansions: z.array(z.string().trim().min(1).max(30)).min(1).max(20) });
export const Synonym = contract(z.object({ term: z.string(), expansions: z.array(z.string()) }));
