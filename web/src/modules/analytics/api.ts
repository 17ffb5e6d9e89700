/** Calls of the dashboard and the open-data pages; shapes from contracts/analytics.ts and contracts/opendata.ts. */
import type { z } from 'zod';
import type { Glossary, IndicatorAnswer, IndicatorQuery } from '../../../../contracts/analytics';
import type { ProcessAnswer, ProcessQuery, RegionTiles } from '../../../../contracts/analytics-process';
import type { CkanDatastoreAnswer, CkanPackage, CkanSearchAnswer } from '../../../../contracts/opendata';
import { getJson } from '../../app/http';

export type Indicators = IndicatorAnswer;
export type Cell = IndicatorAnswer['cells'][number];

/** A cell's label in the reader's language (regions, departments and items have an English one). */
export const labelIn = (c: Cell, en: boolean): string => (en ? (c.labelEn ?? c.label) : c.label);
/** What the dashboard is filtered by (kept in its address): a slice of the indicator query. */
export type Filters = Partial<Pick<z.input<typeof IndicatorQuery>, 'region' | 'department' | 'from' | 'to'>>;
export type Package = CkanPackage;
export type Datastore = z.infer<typeof CkanDatastoreAnswer>['result'];

export const indicators = (q: Partial<z.input<typeof IndicatorQuery>>, signal?: AbortSignal) =>
  getJson<Indicators>('/api/analytics/indicators', q, signal);
export type Process = ProcessAnswer;
export const processMap = (q: ProcessQuery, signal?: AbortSignal) =>
  getJson<ProcessAnswer>('/api/analytics/process', q, signal);
export const regionTiles = (region: string | undefined, signal?: AbortSignal) =>
  getJson<RegionTiles>('/api/analytics/region-tiles', region ? { region } : undefined, signal);
export const glossary = (signal?: AbortSignal) => getJson<Glossary>('/api/analytics/glossary', undefined, signal);
export const datasets = (signal?: AbortSignal) =>
  getJson<z.infer<typeof CkanSearchAnswer>>('/api/3/action/package_search', { rows: '100' }, signal).then(
    (r) => r.result.results,
  );
export const dataset = (name: string, signal?: AbortSignal) =>
  getJson<{ result: Package }>('/api/3/action/package_show', { id: name }, signal).then((r) => r.result);
export const preview = (resourceId: string, signal?: AbortSignal) =>
  getJson<{ result: Datastore }>(
    '/api/3/action/datastore_search',
    { resource_id: resourceId, limit: '50' },
    signal,
  ).then((r) => r.result);

/** A CSV file of a table, offered to the browser as a download (UTF-8 with a byte-order mark). */
export function downloadCsv(name: string, header: string[], rows: (string | number | null)[][]): void {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
