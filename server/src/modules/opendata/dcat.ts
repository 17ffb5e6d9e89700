/**
 * The catalogue in DCAT (DCAT-AP 3 / W3C DCAT 3): a dcat:Catalog of dcat:Datasets, each with its
 * CSV and JSON dcat:Distributions — as JSON-LD and as Turtle, built from one description.
 */
import type { OpenDataDeps } from './opendata.deps.js';
import { DATASETS } from './datasets.js';
import { downloadUrl, FORMAT_LIST, FORMATS, ORGANIZATION } from './ckan.js';

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};
const LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

interface Node {
  '@id': string;
  '@type': string;
  [property: string]: unknown;
}

export function catalogGraph(deps: OpenDataDeps): Node {
  const base = deps.publicUrl;
  const modified = deps.now().toISOString().slice(0, 10);
  const publisher = {
    '@id': `${base}/opendata#publisher`,
    '@type': 'foaf:Organization',
    'foaf:name': ORGANIZATION.title,
  };
  return {
    '@id': `${base}/catalog`,
    '@type': 'dcat:Catalog',
    'dct:title': '通办开放数据目录 Tongban open-data catalogue',
    'dct:description': ORGANIZATION.description,
    'dct:publisher': publisher,
    'dct:license': { '@id': LICENSE },
    'dct:modified': modified,
    'dcat:dataset': DATASETS.map((d) => ({
      '@id': `${base}/opendata/${d.name}`,
      '@type': 'dcat:Dataset',
      'dct:identifier': d.name,
      'dct:title': d.title,
      'dct:description': d.notes,
      'dct:publisher': { '@id': publisher['@id'] },
      'dct:modified': modified,
      'dct:accrualPeriodicity': { '@id': 'http://publications.europa.eu/resource/authority/frequency/DAILY' },
      'dcat:keyword': d.tags,
      'dcat:distribution': FORMAT_LIST.map((f) => ({
        '@id': `${base}/opendata/${d.name}#${f}`,
        '@type': 'dcat:Distribution',
        'dct:title': `${d.name}.${f}`,
        'dct:format': FORMATS[f].format,
        'dcat:mediaType': FORMATS[f].mimetype,
        'dcat:downloadURL': { '@id': downloadUrl(deps, d.name, f) },
        'dcat:accessURL': { '@id': downloadUrl(deps, d.name, f) },
        'dct:license': { '@id': LICENSE },
      })),
    })),
  };
}

export const catalogJsonLd = (deps: OpenDataDeps) => ({ '@context': CONTEXT, ...catalogGraph(deps) });

const literal = (s: string) =>
  `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
const iri = (s: string) => `<${s.replace(/[<>"{}|^`\\\s]/g, encodeURIComponent)}>`;

/** Turtle of the same graph: nested nodes become subjects of their own. */
export function catalogTurtle(deps: OpenDataDeps): string {
  const out: string[] = Object.entries(CONTEXT).map(([p, ns]) => `@prefix ${p}: <${ns}> .`);
  out.push('');
  const term = (v: unknown, queue: Node[]): string => {
    if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${literal(v)}^^xsd:date` : literal(v);
    const n = v as Node;
    if (n['@type']) queue.push(n);
    return iri(n['@id']);
  };
  const emit = (node: Node) => {
    const queue: Node[] = [];
    const lines = [`${iri(node['@id'])} a ${node['@type']}`];
    for (const [p, v] of Object.entries(node)) {
      if (p.startsWith('@')) continue;
      const values = (Array.isArray(v) ? v : [v]).map((x) => term(x, queue));
      lines.push(`    ${p} ${values.join(', ')}`);
    }
    out.push(`${lines.join(' ;\n')} .`, '');
    const seen = new Set<string>();
    for (const n of queue) if (!seen.has(n['@id'])) seen.add(n['@id']), emit(n);
  };
  emit(catalogGraph(deps));
  return out.join('\n');
}
