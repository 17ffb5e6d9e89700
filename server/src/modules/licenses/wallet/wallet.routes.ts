/** 我的证照: the holder's wallet (`/api/me/licenses…`): licences, history, signed document, VC, files, 亮证码. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileBody } from '../../../../../contracts/http.js';
import {
  Id,
  LicenseDocument,
  LicenseVc,
  MyLicenseDetail,
  MyLicenses,
  ShareCode,
} from '../../../../../contracts/licenses.js';
import type { LicensesDeps } from '../licenses.deps.js';
import {
  createShareCode,
  myLicenseDetail,
  myLicenseDocument,
  myLicenseFile,
  myLicenses,
  myLicenseVc,
} from './wallet.service.js';

const tags = ['licenses 证照通'];

export const walletRoutes: FastifyPluginAsyncZod<{ deps: LicensesDeps }> = async (app, { deps }) => {
  app.get(
    '/api/me/licenses',
    {
      schema: {
        tags,
        summary: '我的证照 My licences (or my enterprise’s while acting for it)',
        response: { 200: MyLicenses },
      },
    },
    async (request) => ({ licenses: await myLicenses(deps, request.actor) }),
  );

  app.get(
    '/api/me/licenses/:id',
    {
      schema: {
        tags,
        summary: '证照详情 A licence of mine with its history',
        params: Id,
        response: { 200: MyLicenseDetail },
      },
    },
    async (request) => myLicenseDetail(deps, request.actor, request.params.id),
  );

  app.get(
    '/api/me/licenses/:id/document',
    {
      schema: {
        tags,
        summary: '证照文件 The signed licence (content and signature) for offline verification',
        params: Id,
        response: { 200: LicenseDocument },
      },
    },
    async (request) => myLicenseDocument(deps, request.actor, request.params.id),
  );

  app.get(
    '/api/me/licenses/:id/vc',
    {
      schema: {
        tags,
        summary: '可验证凭证 The licence as a W3C Verifiable Credential (VC-JWT, EdDSA)',
        params: Id,
        response: { 200: LicenseVc },
      },
    },
    async (request) => myLicenseVc(deps, request.actor, request.params.id),
  );

  for (const [as, summary] of [
    ['pdf', '证照 PDF The licence as a PDF with its verification QR code'],
    ['png', '证照图片 The licence as a PNG with its verification QR code'],
  ] as const) {
    app.get(
      `/api/me/licenses/:id/${as}`,
      { schema: { tags, summary, params: Id, response: { 200: FileBody } } },
      async (request, reply) => {
        const { bytes, fileName } = await myLicenseFile(deps, request.actor, { id: request.params.id, as });
        reply.header('cache-control', 'private, no-store');
        if (as === 'pdf') reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`);
        else reply.type('image/png');
        return reply.send(Buffer.from(bytes));
      },
    );
  }

  app.post(
    '/api/me/licenses/:id/share',
    {
      schema: {
        tags,
        summary: '亮证码 A five-minute code that shows the licence’s public face',
        params: Id,
        response: { 201: ShareCode },
      },
    },
    async (request, reply) => reply.code(201).send(await createShareCode(deps, request.actor, request.params.id)),
  );
};
