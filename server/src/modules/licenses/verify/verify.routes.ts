/** 在线核验 and what offline verifiers download: the published keys and the status list; 亮证 by share code. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DocumentVerdict,
  LicenseDocument,
  LicenseKeys,
  LicenseStatusList,
  LicenseTypes,
  SharedLicense,
  ShareCodeParams,
  Verification,
  VerifyQuery,
} from '../../../../../contracts/licenses.js';
import type { LicensesDeps } from '../licenses.deps.js';
import { listPublishedKeys } from '../signing/keys.js';
import { listLicenseTypes } from '../types/license-types.js';
import { readShared } from '../wallet/wallet.service.js';
import { publishedStatusList, verifyDocumentNow, verifyOnline } from './verify.service.js';

const tags = ['licenses 证照通'];

export const verifyRoutes: FastifyPluginAsyncZod<{ deps: LicensesDeps }> = async (app, { deps }) => {
  app.get(
    '/api/licenses/types',
    {
      schema: {
        tags,
        summary: '证照类型 Licence types, their data items, issuing department category and validity',
        response: { 200: LicenseTypes },
      },
    },
    async () => listLicenseTypes(),
  );

  app.get(
    '/api/licenses/verify',
    {
      config: { rateLimit: { max: 120, timeWindow: 60_000 } },
      schema: {
        tags,
        summary:
          '在线核验 Verify a licence by number (or id) with its signature, or by the QR code text: valid, revoked, suspended, expired or tampered',
        description:
          'Without a signature the answer says only `valid` or `invalid`, the type and the issuer (proof: number); the public face needs the signature or the QR code text (proof: signature). A signature that does not hold answers `tampered` with no more than the number tells.',
        querystring: VerifyQuery,
        response: { 200: Verification },
      },
    },
    async (request) => verifyOnline(deps, request.query),
  );

  app.post(
    '/api/licenses/verify',
    {
      schema: {
        tags,
        summary:
          '核验证照文件 Check a signed licence document as an offline verifier would, with the current status list',
        body: LicenseDocument,
        response: { 200: DocumentVerdict },
      },
    },
    async (request) => verifyDocumentNow(deps, request.body),
  );

  app.get(
    '/.well-known/license-keys.json',
    {
      schema: {
        tags,
        summary: '证照签名公钥 Every issuing key, active and retired, as a JWK set (Ed25519 for EdDSA; SM2)',
        response: { 200: LicenseKeys },
      },
    },
    async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=300').send({ keys: await listPublishedKeys(deps.db) }),
  );

  app.get(
    '/.well-known/license-status.json',
    {
      schema: {
        tags,
        summary: '证照状态列表 Numbers of revoked, suspended and superseded licences (for offline verification)',
        response: { 200: LicenseStatusList },
      },
    },
    async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=60').send(await publishedStatusList(deps)),
  );

  app.get(
    '/api/licenses/shared/:code',
    {
      config: { rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: '亮证 The public face of a licence shown with a share code (five minutes)',
        params: ShareCodeParams,
        response: { 200: SharedLicense },
      },
    },
    async (request) => readShared(deps, request.params.code),
  );
};
