/**
 * The CKAN actions the platform answers (`package_list`, `package_show`, `package_search`,
 * `organization_list`, `organization_show`, `resource_show`, `datastore_search`), each a function
 * of the action's parameters to CKAN's result or CKAN's error.
 */
import type { CkanParams } from '../../../../contracts/opendata.js';
import type { OpenDataDeps } from './opendata.deps.js';
import { DATASETS, datasetRows, findDataset, type Row } from './datasets.js';
import { ORGANIZATION, organization, packageOf, parseResourceId } from './ckan.js';

export type Outcome =
  | { ok: true; result: unknown }
  | { ok: false; status: 404 | 409; error: { __type: string; message?: string; [field: string]: unknown } };

const ok = (result: unknown): Outcome => ({ ok: true, result });
const notFound = (what: string): Outcome => ({
  ok: false,
  status: 404,
  error: { __type: 'Not Found Error', message: `Not found: ${what}` },
});
const invalid = (field: string, message: string): Outcome => ({
  ok: false,
  status: 409,
  error: { __type: 'Validation Error', [field]: [message] },
});
const truthy = (v: unknown) => v === true || v === 'true' || v === 'True' || v === '1';

function paging(p: CkanParams, key: 'rows' | 'limit', def: number, max: number) {
  const size = p[key] ?? def;
  const from = p[key === 'rows' ? 'start' : 'offset'] ?? 0;
  if (!Number.isInteger(size) || size < 0 || size > max)
    return { error: invalid(key, `Must be an integer between 0 and ${max}`) };
  if (!Number.isInteger(from) || from < 0)
    return { error: invalid(key === 'rows' ? 'start' : 'offset', 'Must be a natural number') };
  return { size, from };
}

function filtersOf(raw: CkanParams['filters']): Record<string, unknown> | Outcome {
  if (raw === undefined) return {};
  if (typeof raw !== 'string') return raw;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below as CKAN does
  }
  return invalid('filters', 'Not a JSON object');
}

const matches = (value: unknown, wanted: unknown) =>
  (Array.isArray(wanted) ? wanted : [wanted]).some((w) => String(w) === String(value));

async function datastoreSearch(deps: OpenDataDeps, p: CkanParams): Promise<Outcome> {
  if (!p.resource_id) return invalid('resource_id', 'Missing value');
  const found = parseResourceId(p.resource_id);
  if (!found) return notFound(`resource ${p.resource_id}`);
  const page = paging(p, 'limit', 100, 32000);
  if ('error' in page) return page.error!;
  const filters = filtersOf(p.filters);
  if ('ok' in filters) return filters as Outcome;
  const fields = found.dataset.fields;
  const unknown = Object.keys(filters).find((k) => !fields.some((f) => f.id === k));
  if (unknown) return invalid('filters', `field "${unknown}" not in table`);
  let rows: Row[] = (await datasetRows(deps.analytics, found.dataset)).map((r, i) => ({ _id: i + 1, ...r }));
  rows = rows.filter((r) => Object.entries(filters).every(([k, v]) => matches(r[k], v)));
  const q = p.q?.trim().toLowerCase();
  if (q) rows = rows.filter((r) => Object.values(r).some((v) => typeof v === 'string' && v.toLowerCase().includes(q)));
  if (p.sort) {
    const [field, dir] = p.sort.trim().split(/\s+/);
    if (!field || !['_id', ...fields.map((f) => f.id)].includes(field))
      return invalid('sort', `field "${field}" not in table`);
    const sign = dir?.toLowerCase() === 'desc' ? -1 : 1;
    rows.sort((a, b) => sign * compare(a[field], b[field]));
  }
  const base = `/api/3/action/datastore_search?resource_id=${encodeURIComponent(p.resource_id)}`;
  return ok({
    resource_id: p.resource_id,
    fields: [{ id: '_id', type: 'int' }, ...fields.map((f) => ({ id: f.id, type: f.type, info: { label: f.zh } }))],
    records: rows.slice(page.from, page.from + page.size),
    total: rows.length,
    limit: page.size,
    offset: page.from,
    ...(Object.keys(filters).length ? { filters } : {}),
    ...(q ? { q } : {}),
    _links: { start: base, next: `${base}&offset=${page.from + page.size}` },
  });
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

export const ACTIONS = {
  package_list: async () => ok(DATASETS.map((d) => d.name)),
  package_show: async (deps: OpenDataDeps, p: CkanParams) => {
    if (!p.id) return invalid('id', 'Missing value');
    const d = findDataset(p.id);
    return d ? ok(packageOf(deps, d)) : notFound(`dataset ${p.id}`);
  },
  package_search: async (deps: OpenDataDeps, p: CkanParams) => {
    const page = paging(p, 'rows', 10, 1000);
    if ('error' in page) return page.error!;
    const q = p.q?.trim().toLowerCase();
    const hits = DATASETS.filter(
      (d) => !q || q === '*:*' || [d.name, d.title, d.notes, ...d.tags].some((s) => s.toLowerCase().includes(q)),
    );
    return ok({
      count: hits.length,
      sort: 'score desc, metadata_modified desc',
      results: hits.slice(page.from, page.from + page.size).map((d) => packageOf(deps, d)),
      facets: {},
      search_facets: {},
    });
  },
  organization_list: async (_deps: OpenDataDeps, p: CkanParams) =>
    ok(truthy(p.all_fields) ? [organization()] : [ORGANIZATION.name]),
  organization_show: async (deps: OpenDataDeps, p: CkanParams) => {
    if (!p.id) return invalid('id', 'Missing value');
    if (p.id !== ORGANIZATION.name) return notFound(`organization ${p.id}`);
    const withDatasets = p.include_datasets === undefined || truthy(p.include_datasets);
    return ok({ ...organization(), ...(withDatasets ? { packages: DATASETS.map((d) => packageOf(deps, d)) } : {}) });
  },
  resource_show: async (deps: OpenDataDeps, p: CkanParams) => {
    if (!p.id) return invalid('id', 'Missing value');
    const found = parseResourceId(p.id);
    const resource = found && packageOf(deps, found.dataset).resources.find((r) => r.id === p.id);
    return resource ? ok(resource) : notFound(`resource ${p.id}`);
  },
  datastore_search: datastoreSearch,
} satisfies Record<string, (deps: OpenDataDeps, p: CkanParams) => Promise<Outcome>>;

export type ActionName = keyof typeof ACTIONS;
