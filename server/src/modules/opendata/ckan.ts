/**
 * The catalogue as CKAN describes it: one organization (the platform's 政务服务数据中心) owning
 * the platform's datasets, each with a CSV, a JSON and a Parquet resource, all three in the datastore.
 */
import type { z } from 'zod';
import type { CkanOrganization, CkanPackage, CkanResource } from '../../../../contracts/opendata.js';
import type { OpenDataDeps } from './opendata.deps.js';
import { DATASETS, type Dataset } from './datasets.js';

export const ORGANIZATION = {
  name: 'tongban-data-centre',
  title: '政务服务数据中心 Government-service data centre',
  description:
    '一网通办平台依据自身办件与评价数据发布的开放数据集。 Open datasets the platform publishes from its own cases and ratings.',
};

export const FORMATS = {
  csv: { format: 'CSV', mimetype: 'text/csv' },
  json: { format: 'JSON', mimetype: 'application/json' },
  parquet: { format: 'Parquet', mimetype: 'application/vnd.apache.parquet' },
} as const;
export type Format = keyof typeof FORMATS;
/** The downloads of every dataset, in the order they are listed. */
export const FORMAT_LIST = Object.keys(FORMATS) as Format[];

/** Resource ids name their dataset and format: `service-performance-by-item.csv`. */
export const resourceId = (dataset: string, format: Format) => `${dataset}.${format}`;
export function parseResourceId(id: string): { dataset: Dataset; format: Format } | undefined {
  const m = /^([a-z0-9-]+)\.(csv|json|parquet)$/.exec(id);
  const dataset = m && DATASETS.find((d) => d.name === m[1]);
  return dataset ? { dataset, format: m![2] as Format } : undefined;
}

export const downloadUrl = (deps: OpenDataDeps, dataset: string, format: Format) =>
  `${deps.publicUrl}/api/opendata/${dataset}.${format}`;

export function organization(): z.infer<typeof CkanOrganization> {
  return {
    id: ORGANIZATION.name,
    ...ORGANIZATION,
    type: 'organization',
    state: 'active',
    is_organization: true,
    package_count: DATASETS.length,
  };
}

function resource(deps: OpenDataDeps, d: Dataset, format: Format, modified: string): z.infer<typeof CkanResource> {
  return {
    id: resourceId(d.name, format),
    package_id: d.name,
    name: `${d.title.split(' ')[0]} (${FORMATS[format].format})`,
    description: d.notes,
    ...FORMATS[format],
    url: downloadUrl(deps, d.name, format),
    datastore_active: true,
    last_modified: modified,
  };
}

/** The dataset as CKAN's `package_show` answers it; refreshed as the store is (modified: now). */
export function packageOf(deps: OpenDataDeps, d: Dataset): CkanPackage {
  const modified = deps.now().toISOString();
  return {
    id: d.name,
    name: d.name,
    title: d.title,
    notes: d.notes,
    type: 'dataset',
    state: 'active',
    private: false,
    license_id: 'cc-by',
    license_title: 'Creative Commons Attribution',
    metadata_created: '2026-01-01T00:00:00.000Z',
    metadata_modified: modified,
    owner_org: ORGANIZATION.name,
    organization: organization(),
    tags: d.tags.map((name) => ({ name, display_name: name })),
    extras: [{ key: 'min_cell', value: String(deps.analytics.minCell) }],
    num_resources: FORMAT_LIST.length,
    num_tags: d.tags.length,
    resources: FORMAT_LIST.map((f) => resource(deps, d, f, modified)),
  };
}
