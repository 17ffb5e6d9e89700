/**
 * 证照通 over HTTP: public verification and keys, 亮证 by share code, the holder's wallet
 * (`/api/me/licenses…`, consents, uses), and the departments' issuance, lifecycle and use.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRoles } from '../../platform/http/auth.js';
import { forbidden } from '../../platform/errors.js';
import { isWithinRegion } from '../../platform/scope.js';
import type { LicensesDeps } from './licenses.deps.js';
import { LICENSE_TYPES } from './types/license-types.js';
import {
  HolderView,
  History,
  Id,
  LicenseDocument,
  PublicFace,
  StaffView,
  Text,
  Uses,
  Verification,
} from './licenses.schemas.js';
import { holderView } from './present.js';
import { listPublishedKeys, rotateKeys } from './signing/keys.js';
import { statusList, verifyOnline } from './verify/verify.service.js';
import { verifyDocument } from './verify/offline.js';
import { licenseVcJwt } from './verify/vc.js';
import {
  createShareCode,
  myLicense,
  myLicenseDetail,
  myLicenseDocument,
  myLicenses,
  readShared,
} from './wallet/wallet.service.js';
import { listUses, useLicense } from './use/use.service.js';
import { grantConsent, listConsents, revokeConsent } from './use/consent.service.js';
import { issueDirectly } from './issue/direct.service.js';
import { findDepartment } from './issue/departments.js';
import { changeStatus, replaceLicense, findIssuedLicense } from './lifecycle/lifecycle.service.js';
import { renderPdf, renderPng } from './render/render.js';
import { appendAudit } from '../../platform/audit/index.js';

const tags = ['licenses 证照通'];
const Data = z.record(z.string().max(50), z.union([Text(2000), z.number(), z.null()]));
const Reason = z.object({ reason: Text(500) });

export const licensesRoutes: FastifyPluginAsyncZod<{ deps: LicensesDeps }> = async (app, { deps }) => {
  const issuers = requireRoles('approver', 'department_head');

  app.get(
    '/api/licenses/types',
    {
      schema: {
        tags,
        summary: '证照类型 Licence types, their data items, issuing department category and validity',
        response: {
          200: z.object({
            types: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                holderKind: z.string(),
                category: z.string(),
                fields: z.array(z.object({ key: z.string(), label: z.string() })),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      types: LICENSE_TYPES.map((t) => ({
        code: t.code,
        name: t.name,
        holderKind: t.holderKind,
        category: t.category,
        fields: t.fields.map((f) => ({ key: f.key, label: f.label })),
      })),
    }),
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
        querystring: z.object({
          id: z.uuid().optional(),
          number: z.string().max(100).optional(),
          signature: z.string().max(200).optional(),
          payload: z.string().max(1000).optional(),
        }),
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
        response: { 200: z.object({ result: z.string() }) },
      },
    },
    async (request) => ({
      result: verifyDocument(
        request.body,
        (await listPublishedKeys(deps.db)) as never,
        await statusList(deps.db),
        deps.now(),
      ),
    }),
  );

  app.get(
    '/.well-known/license-keys.json',
    {
      schema: {
        tags,
        summary: '证照签名公钥 Every issuing key, active and retired, as a JWK set (Ed25519 for EdDSA; SM2)',
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
      },
    },
    async (_request, reply) =>
      reply
        .header('cache-control', 'public, max-age=60')
        .send({ updatedAt: deps.now(), ...(await statusList(deps.db)) }),
  );

  app.get(
    '/api/licenses/shared/:code',
    {
      config: { rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: '亮证 The public face of a licence shown with a share code (five minutes)',
        params: z.object({ code: z.string().regex(/^[0-9A-Za-z]{10}$/) }),
        response: { 200: PublicFace.extend({ sharedUntil: z.date() }) },
      },
    },
    async (request) => readShared(deps, request.params.code),
  );

  // —— the holder's wallet (我的证照) ——
  app.get(
    '/api/me/licenses',
    {
      schema: {
        tags,
        summary: '我的证照 My licences (or my enterprise’s while acting for it)',
        response: { 200: z.object({ licenses: z.array(HolderView) }) },
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
        response: { 200: HolderView.extend({ history: History }) },
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
        response: { 200: z.object({ jwt: z.string() }) },
      },
    },
    async (request) => ({
      jwt: await licenseVcJwt(deps, await myLicense(deps, request.actor, request.params.id)),
    }),
  );

  app.get(
    '/api/me/licenses/:id/pdf',
    { schema: { tags, summary: '证照 PDF The licence as a PDF with its verification QR code', params: Id } },
    async (request, reply) => {
      const l = await myLicense(deps, request.actor, request.params.id);
      const pdf = await renderPdf(holderView(l, deps.cipher, deps.now(), deps.publicUrl));
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="${l.typeCode}-${l.version}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/me/licenses/:id/png',
    { schema: { tags, summary: '证照图片 The licence as a PNG with its verification QR code', params: Id } },
    async (request, reply) => {
      const l = await myLicense(deps, request.actor, request.params.id);
      const png = await renderPng(holderView(l, deps.cipher, deps.now(), deps.publicUrl));
      return reply.type('image/png').header('cache-control', 'private, no-store').send(Buffer.from(png));
    },
  );

  app.post(
    '/api/me/licenses/:id/share',
    {
      schema: {
        tags,
        summary: '亮证码 A five-minute code that shows the licence’s public face',
        params: Id,
        response: { 201: z.object({ code: z.string(), expiresAt: z.date(), url: z.string() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await createShareCode(deps, request.actor, request.params.id)),
  );

  app.get(
    '/api/me/licenses/:id/uses',
    {
      schema: {
        tags,
        summary: '用证记录 Who used this licence of mine, when and why',
        params: Id,
        response: { 200: z.object({ uses: Uses }) },
      },
    },
    async (request) => {
      await myLicense(deps, request.actor, request.params.id);
      return { uses: await listUses(deps, request.actor, request.params.id) };
    },
  );

  app.get(
    '/api/me/license-uses',
    { schema: { tags, summary: '用证记录 Every use of my licences', response: { 200: z.object({ uses: Uses }) } } },
    async (request) => ({ uses: await listUses(deps, request.actor) }),
  );

  const Consent = z.object({
    id: z.uuid(),
    departmentId: z.string(),
    typeCodes: z.array(z.string()),
    purpose: z.string(),
    grantedAt: z.date(),
    expiresAt: z.date(),
    revokedAt: z.date().nullable(),
    active: z.boolean(),
  });
  app.get(
    '/api/me/license-consents',
    {
      schema: {
        tags,
        summary: '我的用证授权 Consents I granted to departments',
        response: { 200: z.object({ consents: z.array(Consent) }) },
      },
    },
    async (request) => ({ consents: await listConsents(deps, request.actor) }),
  );

  app.post(
    '/api/me/license-consents',
    {
      schema: {
        tags,
        summary: '授权用证 Let a department use my licences of these types for a purpose until a date',
        body: z.object({
          departmentId: z.uuid(),
          typeCodes: z
            .array(z.string().regex(/^[A-Z_]{2,40}$/))
            .min(1)
            .max(20),
          purpose: Text(500),
          expiresAt: z.coerce.date(),
        }),
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await grantConsent(deps, request.actor, request.body)),
  );

  app.delete(
    '/api/me/license-consents/:id',
    { schema: { tags, summary: '撤销授权 Revoke a consent', params: Id, response: { 204: z.null() } } },
    async (request, reply) => {
      await revokeConsent(deps, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  // —— departments ——
  app.get(
    '/api/licenses/:id',
    {
      preHandler: requireRoles('window_clerk', 'approver', 'department_head'),
      schema: {
        tags,
        summary:
          '用证 Read a licence within a case its holder applied for, or with the holder’s consent (logged and shown to the holder)',
        params: Id,
        querystring: z.object({ caseId: z.uuid().optional(), purpose: Text(500) }),
        response: { 200: StaffView },
      },
    },
    async (request) => useLicense(deps, request.actor, request.params.id, request.query),
  );

  app.post(
    '/api/licenses',
    {
      preHandler: issuers,
      schema: {
        tags,
        summary: '签发 Issue a licence directly (a department authorised for its type)',
        body: z.object({
          typeCode: z.string().regex(/^[A-Z_]{2,40}$/),
          departmentId: z.uuid(),
          holder: z.object({
            kind: z.enum(['person', 'enterprise']),
            id: z
              .string()
              .trim()
              .regex(/^[0-9A-Za-z]{18}$/),
            name: Text(200),
          }),
          data: Data,
          validUntil: z.iso.date().nullable().optional(),
        }),
        response: { 201: z.object({ id: z.uuid(), number: z.string() }) },
      },
    },
    async (request, reply) => {
      const l = await issueDirectly(deps, request.actor, request.body);
      return reply.code(201).send({ id: l.id, number: l.number });
    },
  );

  app.get(
    '/api/licenses/issued',
    {
      preHandler: issuers,
      schema: {
        tags,
        summary: '本机关证照查询 A licence my department issued, by its number (to revoke, suspend or reinstate it)',
        querystring: z.object({ number: z.string().trim().min(10).max(100) }),
        response: {
          200: z.object({
            id: z.uuid(),
            number: z.string(),
            version: z.number().int(),
            typeName: z.string(),
            holderName: z.string(),
            issuer: z.string(),
            validUntil: z.string().nullable(),
            status: z.string(),
            statusReason: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => findIssuedLicense(deps, request.actor, request.query.number),
  );

  for (const step of ['revoke', 'suspend', 'reinstate'] as const) {
    const summary = {
      revoke: '注销 Revoke (final)',
      suspend: '中止 Suspend',
      reinstate: '恢复 Reinstate a suspended licence',
    }[step];
    app.post(
      `/api/licenses/:id/${step}`,
      {
        preHandler: issuers,
        schema: { tags, summary, params: Id, body: Reason, response: { 200: z.object({ status: z.string() }) } },
      },
      async (request) => changeStatus(deps, request.actor, request.params.id, step, request.body.reason),
    );
  }

  app.post(
    '/api/licenses/:id/renew',
    {
      preHandler: issuers,
      schema: {
        tags,
        summary: '延续 Renew: a new version with a new term',
        params: Id,
        body: Reason,
        response: { 201: z.object({ id: z.uuid(), number: z.string() }) },
      },
    },
    async (request, reply) => {
      const l = await replaceLicense(deps, request.actor, request.params.id, {
        how: 'renewed',
        reason: request.body.reason,
      });
      return reply.code(201).send({ id: l.id, number: l.number });
    },
  );

  app.post(
    '/api/licenses/:id/change',
    {
      preHandler: issuers,
      schema: {
        tags,
        summary: '变更 Change: a new version with changed data',
        params: Id,
        body: Reason.extend({ data: Data }),
        response: { 201: z.object({ id: z.uuid(), number: z.string() }) },
      },
    },
    async (request, reply) => {
      const l = await replaceLicense(deps, request.actor, request.params.id, {
        how: 'changed',
        data: request.body.data,
        reason: request.body.reason,
      });
      return reply.code(201).send({ id: l.id, number: l.number });
    },
  );

  app.post(
    '/api/admin/licenses/keys/:departmentId/rotate',
    {
      preHandler: requireRoles('system_admin'),
      schema: {
        tags,
        summary: '轮换签名密钥 Rotate a department’s signing keys (the old ones stay published)',
        params: z.object({ departmentId: z.uuid() }),
        response: { 200: z.object({ kids: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const d = await findDepartment(deps.db, request.params.departmentId);
      if (!d || !isWithinRegion(request.actor, d.regionCode))
        throw forbidden('LICENSES.NOT_AUTHORISED_ISSUER', {
          zh: '无权管理该部门的密钥',
          en: 'Not your department’s keys',
        });
      const kids = await deps.db.transaction().execute(async (trx) => {
        const made = await rotateKeys(trx, deps.cipher, d.id, deps.now());
        await appendAudit(
          trx,
          {
            actorId: request.actor.id,
            actorKind: request.actor.kind,
            action: 'licenses.keys-rotated',
            targetType: 'department',
            targetId: d.id,
            ip: request.ip,
            detail: { kids: made },
          },
          deps.auditKey,
        );
        return made;
      });
      return { kids };
    },
  );
};
