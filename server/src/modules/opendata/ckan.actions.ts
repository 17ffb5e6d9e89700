/**
 * The CKAN actions the platform answers (`package_list`, `package_show`, `package_search`,
 * `organization_list`, `organization_show`, `resource_show`, `datastore_search`), each a function
 * of the action's parameters to CKAN's result or CKAN's error.
 */
import type { CkanParams } from '../../../../contracts/opendata.js';
import type { OpenDataDeps } from './opendata.deps.js';
import { DATASETS, datasetRows, findDataset, type Row } from './datasets.js';
import { ORGANIZATION, organization, packageOf, parseResourceId } from './ckan.js';
import { SearchQueryError, facetsOf, matchesFilter, parseFilterQuery, sortPackages } from './ckan-search.js';

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
const searchError = (message: string): Outcome => ({
  ok: false,
  status: 409,
  error: { __type: 'Search Query Error', message: `Search Query is invalid: ${message}` },
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

/** What `help_show` tells of each action: its CKAN docstring, for what this platform supports. */
const HELP = {
  package_list: "Return a list of the names of the site's datasets (packages).\n\n:rtype: list of strings",
  package_show:
    'Return the metadata of a dataset (package) and its resources.\n\n:param id: the id or name of the dataset\n:type id: string\n\n:rtype: dictionary',
  package_search:
    'Search for packages satisfying a given search criteria.\n\n:param q: the solr query (free text over name, title, notes and tags, or a field query such as tags:好差评)\n:type q: string\n:param fq: any filter queries to apply: field:value, field:"quoted value", -field:value to exclude, field:[from TO to] for metadata_modified and metadata_created; fields: name, title, notes, tags, organization, owner_org, res_format, license_id, type, state\n:type fq: string\n:param sort: sorting of the search results, e.g. "name asc" or "metadata_modified desc" (name, title_string, metadata_modified, metadata_created, score)\n:type sort: string\n:param rows: the maximum number of matching rows (datasets) to return (default 10, at most 1000)\n:type rows: int\n:param start: the offset in the complete result for where the set of returned datasets should begin\n:type start: int\n:param facet.field: the fields to facet upon (a JSON list of tags, organization, res_format, license_id, type)\n:type facet.field: list of strings\n:param facet.limit: the maximum number of values the facet fields return (default 50, -1 for all)\n:type facet.limit: int\n:param facet.mincount: the minimum count a value needs to be returned (default 1)\n:type facet.mincount: int\n\n:returns: a dictionary with count, results, facets, search_facets and sort\n:rtype: dictionary',
  organization_list:
    "Return a list of the names of the site's organizations.\n\n:param all_fields: return dictionaries instead of just names (default False)\n:type all_fields: bool\n\n:rtype: list of strings",
  organization_show:
    "Return the details of an organization.\n\n:param id: the id or name of the organization\n:type id: string\n:param include_datasets: include a list of the organization's datasets (default True)\n:type include_datasets: bool\n\n:rtype: dictionary",
  resource_show:
    'Return the metadata of a resource.\n\n:param id: the id of the resource\n:type id: string\n\n:rtype: dictionary',
  datastore_search:
    'Search a DataStore resource.\n\n:param resource_id: id of the resource to be searched against\n:type resource_id: string\n:param filters: matching conditions to select, e.g {"key1": "a", "key2": "b"}\n:type filters: dictionary\n:param q: full text query over every text field\n:type q: string\n:param limit: maximum number of rows to return (default 100)\n:type limit: int\n:param offset: offset this number of rows\n:type offset: int\n:param sort: comma separated field names with ordering, e.g.: "fieldname1, fieldname2 desc"\n:type sort: string\n\n:returns: a dictionary with fields, records, total, limit, offset and _links\n:rtype: dictionary',
  help_show:
    'Return the help string for a particular API action.\n\n:param name: action function name (e.g. package_search)\n:type name: string\n\n:returns: the help string for the action function\n:rtype: string',
};

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
    const q = p.q?.trim() ?? '';
    try {
      // `q` may itself be a field query (`tags:好差评`), as CKAN hands it to Solr.
      const fielded = /^[+-]?[A-Za-z_]+:/.test(q) ? q : '';
      const terms = parseFilterQuery([fielded, typeof p.fq === 'string' ? p.fq : ''].join(' '));
      const text = fielded || q === '*:*' ? '' : q.toLowerCase();
      const matching = DATASETS.filter(
        (d) => !text || [d.name, d.title, d.notes, ...d.tags].some((s) => s.toLowerCase().includes(text)),
      )
        .map((d) => packageOf(deps, d))
        .filter((pkg) => matchesFilter(pkg, terms));
      const hits = sortPackages(matching, p.sort);
      return ok({
        count: hits.length,
        sort: p.sort ?? 'score desc, metadata_modified desc',
        results: hits.slice(page.from, page.from + page.size),
        ...facetsOf(hits, p['facet.field'], p['facet.limit'], p['facet.mincount']),
      });
    } catch (e) {
      if (e instanceof SearchQueryError) return searchError(e.message);
      throw e;
    }
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
  help_show: async (_deps: OpenDataDeps, p: CkanParams) => {
    if (!p.name) return invalid('name', 'Missing value');
    const text = HELP[p.name as keyof typeof HELP];
    return text ? ok(text) : notFound(`action ${p.name}`);
  },
} satisfies Record<string, (deps: OpenDataDeps, p: CkanParams) => Promise<Outcome>>;

export type ActionName = keyof typeof ACTIONS;
