/**
 * 数据开放 (open data): the platform's own datasets through a subset of the CKAN Action API (v3),
 * so CKAN clients and harvesters work unchanged. Every answer is `{help, success, result}`; an
 * error is `{help, success: false, error: {__type, message}}` with CKAN's status (404 Not Found
 * Error, 409 Validation Error). Figures are published with small cells withheld.
 */
import { z } from 'zod';
import { contract } from './http.js';

export const CkanResource = z.object({
  id: z.string(),
  package_id: z.string(),
  name: z.string(),
  description: z.string(),
  format: z.string(),
  mimetype: z.string(),
  url: z.string(),
  datastore_active: z.boolean(),
  last_modified: z.string().nullable(),
});

export const CkanOrganization = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  description: z.string(),
  type: z.literal('organization'),
  state: z.literal('active'),
  is_organization: z.literal(true),
  package_count: z.number().int(),
});

export const CkanPackage = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  notes: z.string(),
  type: z.literal('dataset'),
  state: z.literal('active'),
  private: z.literal(false),
  license_id: z.string(),
  license_title: z.string(),
  metadata_created: z.string(),
  metadata_modified: z.string(),
  owner_org: z.string(),
  organization: CkanOrganization,
  tags: z.array(z.object({ name: z.string(), display_name: z.string() })),
  extras: z.array(z.object({ key: z.string(), value: z.string() })),
  num_resources: z.number().int(),
  num_tags: z.number().int(),
  resources: z.array(CkanResource),
});
export type CkanPackage = z.infer<typeof CkanPackage>;

const answer = <T extends z.ZodType>(result: T) =>
  contract(z.object({ help: z.string(), success: z.literal(true), result }));

export const CkanNames = answer(z.array(z.string()));
export const CkanHelp = answer(z.string());
export const CkanOrganizations = answer(z.union([z.array(z.string()), z.array(CkanOrganization)]));
export const CkanPackageAnswer = answer(CkanPackage);
export const CkanOrganizationAnswer = answer(CkanOrganization.extend({ packages: z.array(CkanPackage).optional() }));
export const CkanResourceAnswer = answer(CkanResource);
export const CkanSearchAnswer = answer(
  z.object({
    count: z.number().int(),
    sort: z.string(),
    results: z.array(CkanPackage),
    facets: z.record(z.string(), z.unknown()),
    search_facets: z.record(z.string(), z.unknown()),
  }),
);
export const CkanDatastoreAnswer = answer(
  z.object({
    resource_id: z.string(),
    fields: z.array(z.object({ id: z.string(), type: z.string(), info: z.object({ label: z.string() }).optional() })),
    records: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    filters: z.record(z.string(), z.unknown()).optional(),
    q: z.string().optional(),
    _links: z.object({ start: z.string(), next: z.string() }),
  }),
);

export const CkanError = contract(
  z.object({
    help: z.string(),
    success: z.literal(false),
    error: z.looseObject({ __type: z.string(), message: z.string().optional() }),
  }),
);

/** A CKAN action's parameters, from the query string or a JSON body (both as CKAN accepts them). */
export const CkanParams = z.looseObject({
  id: z.string().optional(),
  q: z.string().optional(),
  rows: z.coerce.number().optional(),
  start: z.coerce.number().optional(),
  all_fields: z.union([z.boolean(), z.string()]).optional(),
  include_datasets: z.union([z.boolean(), z.string()]).optional(),
  resource_id: z.string().optional(),
  filters: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  limit: z.coerce.number().optional(),
  offset: z.coerce.number().optional(),
  sort: z.string().optional(),
  /** package_search: Solr filter queries; facet.field, facet.limit and facet.mincount are read as given. */
  fq: z.string().optional(),
  /** help_show: the action to describe. */
  name: z.string().optional(),
});
export type CkanParams = z.infer<typeof CkanParams>;
