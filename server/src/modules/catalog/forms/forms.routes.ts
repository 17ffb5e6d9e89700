/**
 * Forms for people to take away and themes to apply for in one go: 空白表格 and 示例样表 of an
 * item's application form as PDFs, and a theme's one application form (一件事).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ThemeApplicationAnswer } from '../../../../../contracts/bundles.js';
import { FileBody } from '../../../../../contracts/http.js';
import type { Db } from '../../../platform/db/index.js';
import { RegionCodeParam } from '../../../platform/validators/index.js';
import type { RegionDirectory } from '../region-directory.js';
import { getPublishedItem } from '../items.service.js';
import { getThemeApplication } from '../themes.service.js';
import { applicationFormPdf, type FormPdfKind } from './form-pdf.js';

const tags = ['catalog 事项目录'];
const ItemCode = z.object({
  code: z.string().regex(/^[0-9A-Z]{18,40}$/, '实施编码格式不正确 malformed implementation code'),
  kind: z.enum(['blank', 'sample']),
});

/** Generated PDFs by item code, kind and the published guide's form: a form is printed once per version. */
const printed = new Map<string, Uint8Array>();

export const formsRoutes: FastifyPluginAsyncZod<{ db: Db; regions: RegionDirectory }> = async (
  app,
  { db, regions: directory },
) => {
  app.get(
    '/api/catalog/items/:code/forms/:kind.pdf',
    {
      schema: {
        tags,
        summary: '空白表格 / 示例样表 The application form as a PDF: blank to fill in by hand, or the filled-in sample',
        params: ItemCode,
        response: { 200: FileBody },
      },
    },
    async (request, reply) => {
      const { code, kind } = request.params as { code: string; kind: FormPdfKind };
      const item = await getPublishedItem(db, code);
      const key = `${code}:${kind}:${JSON.stringify(item.form)}`;
      let pdf = printed.get(key);
      if (!pdf) {
        pdf = await applicationFormPdf(item, kind);
        if (printed.size >= 200) printed.delete(printed.keys().next().value!);
        printed.set(key, pdf);
      }
      const name = `${item.name}申请表（${kind === 'sample' ? '示例样表' : '空白表格'}）.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="form.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'public, max-age=3600')
        .send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/catalog/themes/:id/application',
    {
      schema: {
        tags,
        summary: '一件事申请表 A theme as one application: its form (shared fields once) and each item’s materials',
        params: z.object({ id: z.string().min(2).max(60) }),
        querystring: z.object({
          region: RegionCodeParam.optional(),
        }),
        response: { 200: ThemeApplicationAnswer },
      },
    },
    async (request) => getThemeApplication(db, request.params.id, await directory.require(request.query.region)),
  );
};
