/** Documents of a case as sealed and signed PDFs: the decision (决定书) and the acceptance receipt (受理通知书). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { CaseIdParams } from '../../../../../contracts/case-steps.js';
import { FileBody } from '../../../../../contracts/http.js';
import type { CasesDeps } from '../cases.deps.js';
import { decisionDocument } from './decision-document.js';
import { acceptanceReceipt } from './acceptance-receipt.js';

const tags = ['cases 审批服务'];

const sendPdf = (reply: FastifyReply, { pdf, fileName }: { pdf: Uint8Array; fileName: string }) =>
  reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(pdf));

const DOCUMENTS = [
  [
    'decision.pdf',
    '决定书 The decision of a decided case as PDF (准予 / 不予许可 / 不予受理; 办结通知书 for items that are no 行政许可), sealed and signed',
    decisionDocument,
  ],
  [
    'acceptance-receipt.pdf',
    '受理通知书 The acceptance receipt of an accepted case as PDF (tracking code, promised date), sealed and signed',
    acceptanceReceipt,
  ],
] as const;

export const documentsRoutes: FastifyPluginAsyncZod<{ deps: CasesDeps }> = async (app, { deps }) => {
  for (const [file, summary, make] of DOCUMENTS) {
    app.get(
      `/api/cases/:id/${file}`,
      { schema: { tags, summary, params: CaseIdParams, response: { 200: FileBody } } },
      async (request, reply) => sendPdf(reply, await make(deps, request.actor, request.params.id)),
    );
  }
};
