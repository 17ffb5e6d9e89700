/** Themes (主题 / 一件事). */
import type { Db } from '../../platform/db/index.js';
import type { ThemeInput } from '../../../../contracts/catalog.js';
import { cq } from './catalog.tables.js';
import { markSearchChanged } from './search/search.repository.js';
import { isUuid } from '../../platform/validators/index.js';

export interface ThemeRow {
  id: string;
  slug: string;
  name: string;
  title: string;
  audience: 'person' | 'enterprise';
  description: string;
  icon: string;
  sharedFields: ThemeInput['sharedFields'];
  steps: ThemeInput['steps'];
}

const columns = ['id', 'slug', 'name', 'title', 'audience', 'description', 'icon', 'sharedFields', 'steps'] as const;

export async function insertThemes(db: Db, themes: (ThemeInput & { id: string; sortOrder: number })[]): Promise<void> {
  if (themes.length === 0) return;
  await cq(db)
    .insertInto('catalog.theme')
    .values(
      themes.map((t) => ({
        id: t.id,
        slug: t.slug,
        name: t.name,
        title: t.title,
        audience: t.audience,
        description: t.description,
        icon: t.icon,
        sharedFields: JSON.stringify(t.sharedFields),
        steps: JSON.stringify(t.steps),
        sortOrder: t.sortOrder,
      })),
    )
    .execute();
}

export async function listThemes(db: Db, audience?: 'person' | 'enterprise'): Promise<ThemeRow[]> {
  let q = cq(db).selectFrom('catalog.theme').select(columns);
  if (audience) q = q.where('audience', '=', audience);
  return q.orderBy('sortOrder').orderBy('slug').execute() as Promise<ThemeRow[]>;
}

export async function findTheme(db: Db, idOrSlug: string): Promise<ThemeRow | undefined> {
  return cq(db)
    .selectFrom('catalog.theme')
    .select(columns)
    .where(isUuid(idOrSlug) ? 'id' : 'slug', '=', idOrSlug)
    .executeTakeFirst() as Promise<ThemeRow | undefined>;
}

/** Creates or changes a theme (call it in a transaction: it also moves the search generation). */
export async function upsertTheme(db: Db, t: ThemeInput & { id: string }): Promise<void> {
  await cq(db)
    .insertInto('catalog.theme')
    .values({
      id: t.id,
      slug: t.slug,
      name: t.name,
      title: t.title,
      audience: t.audience,
      description: t.description,
      icon: t.icon,
      sharedFields: JSON.stringify(t.sharedFields),
      steps: JSON.stringify(t.steps),
      sortOrder: 0,
    })
    .onConflict((oc) =>
      oc.column('slug').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        title: eb.ref('excluded.title'),
        audience: eb.ref('excluded.audience'),
        description: eb.ref('excluded.description'),
        icon: eb.ref('excluded.icon'),
        sharedFields: eb.ref('excluded.sharedFields'),
        steps: eb.ref('excluded.steps'),
      })),
    )
    .execute();
  // Search names the themes a query matches: every node reads them again.
  await markSearchChanged(db);
}
