/**
 * Downloads of the open datasets (`/api/opendata/{dataset}.csv|.json|.parquet`) and the DCAT catalogue
 * (`/catalog.jsonld`, `/catalog.ttl`). Public, no personal data: the rows are the public view.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FileBody } from '../../../../contracts/http.js';
import { notFound } from '../../platform/errors.js';
import type { OpenDataDeps } from './opendata.deps.js';
import { datasetRows, type Row } from './datasets.js';
import { parseResourceId } from './ckan.js';
import { parquetStream } from './parquet.js';
import { catalogJsonLd, catalogTurtle } from './dcat.js';

const tags = ['opendata 数据开放'];

const cell = (v: Row[string]) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV with a UTF-8 byte-order mark (spreadsheet programs then read the Chinese right). */
export const toCsv = (columns: string[], rows: Row[]) =>
  `\uFEFF${[columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c] ?? null)).join(','))].join('\r\n')}\r\n`;

export const openDataRoutes: FastifyPluginAsyncZod<{ deps: OpenDataDeps }> = async (app, { deps }) => {
  app.get(
    '/api/opendata/:file',
    {
      schema: {
        tags,
        summary:
          '下载数据集 A dataset as CSV, JSON or Apache Parquet (`service-performance-by-item.csv`, `.json`, `.parquet`)',
        params: z.object({ file: z.string().max(100) }),
        response: { 200: FileBody },
      },
    },
    async (request, reply) => {
      const found = parseResourceId(request.params.file);
      if (!found) throw notFound('OPENDATA.NO_DATASET', { zh: '没有这个数据集', en: 'No such dataset' });
      const rows = await datasetRows(deps.analytics, found.dataset);
      reply.header('content-disposition', `attachment; filename="${request.params.file}"`);
      if (found.format === 'parquet')
        return reply.type('application/vnd.apache.parquet').send(await parquetStream(found.dataset, rows));
      if (found.format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(rows));
      return reply.type('text/csv; charset=utf-8').send(
        toCsv(
          found.dataset.fields.map((f) => f.id),
          rows,
        ),
      );
    },
  );
  app.get(
    '/catalog.jsonld',
    { schema: { tags, summary: 'DCAT 目录 The open-data catalogue as DCAT JSON-LD', response: { 200: FileBody } } },
    async (_request, reply) => reply.type('application/ld+json').send(JSON.stringify(catalogJsonLd(deps))),
  );
  app.get(
    '/catalog.ttl',
    { schema: { tags, summary: 'DCAT 目录 The open-data catalogue as DCAT Turtle', response: { 200: FileBody } } },
    async (_request, reply) => reply.type('text/turtle; charset=utf-8').send(catalogTurtle(deps)),
  );
};
