/**
 * `package_search` as CKAN clients call it: `q` over the text fields, `fq` filter queries in the
 * Solr syntax CKAN passes through (`tags:好差评`, `organization:"tongban-data-centre"`,
 * `-res_format:Parquet`, `metadata_modified:[2026-01-01T00:00:00Z TO *]` — what ckanext-harvest
 * sends for an incremental harvest), `facet.field` with `facet.limit` and `facet.mincount`, and
 * `sort`. The catalogue is a handful of datasets held in memory, so this filters a list; what Solr
 * would refuse (an unknown field, an unreadable term) is CKAN's 409 Search Query Error.
 */
import type { CkanPackage } from '../../../../contracts/opendata.js';

/** The fields a filter query or a facet may name, each read off a package. */
const FIELDS: Record<string, (p: CkanPackage) => string[]> = {
  name: (p) => [p.name],
  title: (p) => [p.title],
  notes: (p) => [p.notes],
  tags: (p) => p.tags.map((t) => t.name),
  organization: (p) => [p.organization.name],
  owner_org: (p) => [p.owner_org],
  res_format: (p) => p.resources.map((r) => r.format),
  license_id: (p) => [p.license_id],
  type: (p) => [p.type],
  state: (p) => [p.state],
  metadata_created: (p) => [p.metadata_created],
  metadata_modified: (p) => [p.metadata_modified],
};
const FACETABLE = new Set(['tags', 'organization', 'res_format', 'license_id', 'type']);
const DATES = new Set(['metadata_created', 'metadata_modified']);

export class SearchQueryError extends Error {}

interface Term {
  field: string;
  negate: boolean;
  test: (value: string) => boolean;
}

/** A Solr date bound: `*`, `NOW`, or an ISO date (with optional `/DAY`-style rounding dropped). */
function dateBound(raw: string, open: number): number {
  if (raw === '*') return open;
  if (raw.startsWith('NOW')) return Date.now();
  const at = Date.parse(raw.replace(/\/[A-Z]+$/, ''));
  if (Number.isNaN(at)) throw new SearchQueryError(`Cannot parse date ${raw}`);
  return at;
}

/** A glob of Solr's wildcards (`*`, `?`) as a whole-value test, case-insensitive as CKAN's text fields are. */
function matcher(raw: string): (value: string) => boolean {
  if (raw === '*') return () => true;
  const pattern = raw
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  const re = new RegExp(`^${pattern}$`, 'i');
  return (value) => re.test(value);
}

/** Splits a filter query into its terms; `AND` and `+` are the default and may be written or not. */
export function parseFilterQuery(fq: string): Term[] {
  const terms: Term[] = [];
  const re = /\s*([+-]?)([A-Za-z_]+):("(?:[^"\\]|\\.)*"|[[{][^\]}]*[\]}]|[^\s"[{]+)\s*/y;
  let rest = fq.trim();
  while (rest) {
    const and = /^(AND|&&)\s+/.exec(rest);
    if (and) {
      rest = rest.slice(and[0].length);
      continue;
    }
    re.lastIndex = 0;
    const m = re.exec(rest);
    if (!m) throw new SearchQueryError(`Cannot parse the filter query at: ${rest.slice(0, 40)}`);
    rest = rest.slice(m[0].length);
    const [, sign, field, value] = m as unknown as [string, string, string, string];
    if (!FIELDS[field]) throw new SearchQueryError(`undefined field ${field}`);
    const range = /^[[{](\S+) TO (\S+)[\]}]$/.exec(value);
    let test: (v: string) => boolean;
    if (range) {
      if (!DATES.has(field)) throw new SearchQueryError(`A range needs a date field, not ${field}`);
      const from = dateBound(range[1]!, Number.NEGATIVE_INFINITY);
      const to = dateBound(range[2]!, Number.POSITIVE_INFINITY);
      const [lowIn, highIn] = [value.startsWith('['), value.endsWith(']')];
      test = (v) => {
        const at = Date.parse(v);
        return (lowIn ? at >= from : at > from) && (highIn ? at <= to : at < to);
      };
    } else {
      const text = value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
      test = value.startsWith('"') ? (v) => v.toLowerCase() === text.toLowerCase() : matcher(text);
    }
    terms.push({ field, negate: sign === '-', test });
  }
  return terms;
}

export const matchesFilter = (p: CkanPackage, terms: readonly Term[]): boolean =>
  terms.every((t) => FIELDS[t.field]!(p).some(t.test) !== t.negate);

/** `facet.field` (a JSON list) counted over the matching packages, as `facets` and `search_facets`. */
export function facetsOf(
  packages: readonly CkanPackage[],
  fieldsRaw: unknown,
  limitRaw: unknown,
  minRaw: unknown,
): { facets: Record<string, Record<string, number>>; search_facets: Record<string, unknown> } {
  if (fieldsRaw === undefined) return { facets: {}, search_facets: {} };
  let fields: unknown = fieldsRaw;
  if (typeof fieldsRaw === 'string') {
    try {
      fields = JSON.parse(fieldsRaw);
    } catch {
      throw new SearchQueryError('facet.field must be a JSON list of field names');
    }
  }
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string'))
    throw new SearchQueryError('facet.field must be a JSON list of field names');
  const limit = limitRaw === undefined ? 50 : Number(limitRaw);
  const min = minRaw === undefined ? 1 : Number(minRaw);
  if (!Number.isInteger(limit) || !Number.isInteger(min))
    throw new SearchQueryError('facet.limit and facet.mincount must be integers');
  const facets: Record<string, Record<string, number>> = {};
  const search_facets: Record<string, unknown> = {};
  for (const field of fields as string[]) {
    if (!FACETABLE.has(field)) throw new SearchQueryError(`Cannot facet on ${field}`);
    const counts = new Map<string, number>();
    for (const p of packages) for (const v of new Set(FIELDS[field]!(p))) counts.set(v, (counts.get(v) ?? 0) + 1);
    const items = [...counts]
      .filter(([, n]) => n >= min)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, limit < 0 ? undefined : limit);
    facets[field] = Object.fromEntries(items);
    search_facets[field] = {
      title: field,
      items: items.map(([name, count]) => ({ name, display_name: name, count })),
    };
  }
  return { facets, search_facets };
}

const SORTABLE: Record<string, (p: CkanPackage) => string> = {
  name: (p) => p.name,
  title_string: (p) => p.title,
  metadata_modified: (p) => p.metadata_modified,
  metadata_created: (p) => p.metadata_created,
};

/** `sort` as CKAN writes it (`name asc`, `metadata_modified desc`, a comma list); `score` keeps the match order. */
export function sortPackages(packages: CkanPackage[], sortRaw: string | undefined): CkanPackage[] {
  const keys = (sortRaw ?? 'score desc, metadata_modified desc').split(',').map((s) => {
    const [field, dir = 'asc'] = s.trim().split(/\s+/) as [string, string?];
    if (field !== 'score' && !SORTABLE[field]) throw new SearchQueryError(`Cannot sort on ${field}`);
    if (dir !== 'asc' && dir !== 'desc') throw new SearchQueryError(`Sort direction ${dir} is not asc or desc`);
    return { read: SORTABLE[field], sign: dir === 'desc' ? -1 : 1 };
  });
  return packages
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      for (const k of keys) {
        if (!k.read) continue;
        const c = k.read(a.p).localeCompare(k.read(b.p));
        if (c !== 0) return c * k.sign;
      }
      return a.i - b.i;
    })
    .map((x) => x.p);
}
