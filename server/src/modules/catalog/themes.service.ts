/** Themes (主题 / 一件事) as applicants see them, resolved to the items that serve a region. */
import type { Db } from '../../platform/db/index.js';
import type { Item, Theme, ThemeSummary } from '../../../../contracts/catalog.js';
import { notFound } from '../../platform/errors.js';
import type { ThemeApplication } from '../../../../contracts/bundles.js';
import { themeFormFields } from './forms/theme-form.js';
import * as repo from './themes.repository.js';
import * as items from './items.repository.js';

/** An item as a list shows it. */
export const hitOf = (item: Item): Theme['steps'][number]['item'] => ({
  code: item.code,
  name: item.name,
  summary: item.summary,
  itemType: item.itemType,
  department: { id: item.department.id, name: item.department.name, nameEn: item.department.nameEn },
  region: { code: item.region.code, name: item.region.name, nameEn: item.region.nameEn },
  visits: item.visits,
  promisedLimitDays: item.promisedLimitDays,
  provinceWide: item.provinceWide,
});

export async function listThemes(db: Db, audience?: 'person' | 'enterprise'): Promise<ThemeSummary[]> {
  const rows = await repo.listThemes(db, audience);
  return rows.map((t) => ({
    id: t.id,
    slug: t.slug,
    name: t.name,
    title: t.title,
    audience: t.audience,
    description: t.description,
    icon: t.icon,
    itemCount: t.steps.length,
  }));
}

/** A theme's steps, each resolved to the published item serving `region` (its own or an ancestor's). */
async function resolveTheme(db: Db, idOrSlug: string, region?: string) {
  const theme = await repo.findTheme(db, idOrSlug);
  if (!theme)
    throw notFound('CATALOG.THEME_NOT_FOUND', { zh: `未找到主题：${idOrSlug}`, en: `No such theme: ${idOrSlug}` });
  const candidates = await items.listPublishedByBasicCodes(
    db,
    theme.steps.map((s) => s.basicCode),
  );
  const pick = (basicCode: string): Item | undefined => {
    const all = candidates.filter((c) => c.basicCode === basicCode).map((c) => c.item);
    if (!region) return all[0];
    return (
      all.find((i) => region.startsWith(i.region.code)) ?? all.find((i) => i.region.code.startsWith(region)) ?? all[0]
    );
  };
  const steps = theme.steps.flatMap((s, index) => {
    const item = pick(s.basicCode);
    return item ? [{ order: index + 1, basicCode: s.basicCode, after: s.after, optional: s.optional, item }] : [];
  });
  return { theme, steps };
}

/**
 * A theme with each step resolved to a published item. Where several departments implement the
 * same basic item, the one serving `region` (its own or an ancestor's) is chosen.
 */
export async function getTheme(db: Db, idOrSlug: string, region?: string): Promise<Theme> {
  const { theme, steps } = await resolveTheme(db, idOrSlug, region);
  return {
    id: theme.id,
    slug: theme.slug,
    name: theme.name,
    title: theme.title,
    audience: theme.audience,
    description: theme.description,
    icon: theme.icon,
    itemCount: steps.length,
    sharedFields: theme.sharedFields,
    steps: steps.map((s) => ({ ...s, item: hitOf(s.item) })),
  };
}

/**
 * 一件事 as one application: the theme's form (shared fields once, then each item's own) and each
 * item's materials, for the items that serve `region`.
 */
export async function getThemeApplication(db: Db, idOrSlug: string, region?: string): Promise<ThemeApplication> {
  const { theme, steps } = await resolveTheme(db, idOrSlug, region);
  const shared = new Set(theme.sharedFields.map((f) => f.key));
  return {
    slug: theme.slug,
    name: theme.name,
    title: theme.title,
    description: theme.description,
    audience: theme.audience,
    fields: themeFormFields(
      theme.sharedFields,
      steps.map((s) => s.item.form),
    ),
    sharedKeys: [...shared],
    steps: steps.map(({ basicCode, after, optional, item }) => ({
      basicCode,
      after,
      optional,
      itemCode: item.code,
      itemName: item.name,
      departmentName: item.department.name,
      fieldKeys: item.form.map((f) => f.key).filter((k) => !shared.has(k)),
      materials: item.materials.map((m, index) => ({
        index,
        name: m.name,
        necessity: m.necessity,
        held: Boolean(m.licenseType || m.sharedData),
      })),
    })),
  };
}
