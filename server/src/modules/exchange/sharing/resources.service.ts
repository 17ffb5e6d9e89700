/** The data-resource catalogue (政务信息资源目录): what each department offers, to whom, how often updated. */
import type { Selectable } from 'kysely';
import { notFound } from '../../../platform/errors.js';
import type { ExchangeDeps } from '../exchange.deps.js';
import { sq, type ResourceField, type ResourceTable } from '../exchange.tables.js';

export type Resource = Omit<Selectable<ResourceTable>, 'fields'> & { fields: ResourceField[] };

const parse = (r: Selectable<ResourceTable>): Resource => ({
  ...r,
  fields: typeof r.fields === 'string' ? (JSON.parse(r.fields) as ResourceField[]) : r.fields,
});

export async function getResource(deps: Pick<ExchangeDeps, 'db'>, code: string): Promise<Resource> {
  const r = await sq(deps.db).selectFrom('exchange.resource').selectAll().where('code', '=', code).executeTakeFirst();
  if (!r)
    throw notFound(
      'EXCHANGE.NO_RESOURCE',
      { zh: '目录中没有该信息资源', en: 'No such resource in the catalogue' },
      [],
      { resourceCode: code },
    );
  return parse(r);
}

export interface ResourceView extends Resource {
  owner: { id: string; name: string };
  connected: boolean;
}

export async function listResources(deps: ExchangeDeps): Promise<ResourceView[]> {
  const rows = (await sq(deps.db).selectFrom('exchange.resource').selectAll().orderBy('code').execute()).map(parse);
  const names = await deps.departments.names(rows.map((r) => r.ownerDepartmentId));
  return rows.map((r) => ({
    ...r,
    owner: { id: r.ownerDepartmentId, name: names.get(r.ownerDepartmentId) ?? '' },
    connected: r.source !== null,
  }));
}
