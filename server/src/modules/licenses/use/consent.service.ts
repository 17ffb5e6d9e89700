/**
 * 授权用证: the holder lets one department use their licences of some types for a stated purpose
 * until a date (at most a year), lists what they granted, and revokes a consent at any time.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/context.js';
import { appendAudit } from '../../../platform/audit/index.js';
import { invalid, notFound } from '../../../platform/errors.js';
import type { LicensesDeps } from '../licenses.deps.js';
import { lq } from '../licenses.tables.js';
import { walletHolder } from '../holders.js';
import { findDepartment } from '../issue/departments.js';
import { findLicenseType } from '../types/license-types.js';

export interface ConsentInput {
  departmentId: string;
  typeCodes: string[];
  purpose: string;
  expiresAt: Date;
}

const YEAR_MS = 366 * 86_400_000;

export async function grantConsent(deps: LicensesDeps, actor: Actor, input: ConsentInput): Promise<{ id: string }> {
  const holder = await walletHolder(deps, actor);
  const now = deps.now();
  const department = await findDepartment(deps.db, input.departmentId);
  if (!department)
    throw invalid('LICENSES.UNKNOWN_DEPARTMENT', { zh: '部门不存在', en: 'No such department' }, [
      {
        field: 'body.departmentId',
        code: 'LICENSES.UNKNOWN_DEPARTMENT',
        message: { zh: '部门不存在', en: 'No such department' },
      },
    ]);
  const unknown = input.typeCodes.filter((c) => !findLicenseType(c));
  if (unknown.length)
    throw invalid('LICENSES.UNKNOWN_TYPE', {
      zh: `没有证照类型 ${unknown.join('、')}`,
      en: `No licence types ${unknown.join(', ')}`,
    });
  if (input.expiresAt <= now || input.expiresAt.getTime() - now.getTime() > YEAR_MS) {
    throw invalid(
      'LICENSES.BAD_CONSENT_EXPIRY',
      { zh: '授权期限须在未来一年之内', en: 'A consent must end within the coming year' },
      [
        {
          field: 'body.expiresAt',
          code: 'LICENSES.BAD_CONSENT_EXPIRY',
          message: { zh: '授权期限须在未来一年之内', en: 'Within the coming year' },
        },
      ],
    );
  }
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await lq(trx)
      .insertInto('licenses.consent')
      .values({
        id,
        holderKind: holder.kind,
        holderIndex: holder.index,
        departmentId: department.id,
        typeCodes: [...new Set(input.typeCodes)],
        purpose: input.purpose,
        grantedBy: holder.personId,
        grantedAt: now,
        expiresAt: input.expiresAt,
        revokedAt: null,
      })
      .execute();
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        actorKind: actor.kind,
        onBehalfOf: actor.actingFor?.enterpriseId ?? null,
        action: 'licenses.consent-granted',
        targetType: 'license-consent',
        targetId: id,
        reason: input.purpose,
        detail: { departmentId: department.id, typeCodes: input.typeCodes },
      },
      deps.auditKey,
    );
  });
  return { id };
}

export async function listConsents(deps: LicensesDeps, actor: Actor) {
  const holder = await walletHolder(deps, actor);
  const rows = await lq(deps.db)
    .selectFrom('licenses.consent')
    .select(['id', 'departmentId', 'typeCodes', 'purpose', 'grantedAt', 'expiresAt', 'revokedAt'])
    .where('holderIndex', '=', holder.index)
    .where('holderKind', '=', holder.kind)
    .orderBy('grantedAt', 'desc')
    .execute();
  const now = deps.now();
  return rows.map((r) => ({ ...r, active: r.revokedAt === null && r.expiresAt > now }));
}

export async function revokeConsent(deps: LicensesDeps, actor: Actor, id: string): Promise<void> {
  const holder = await walletHolder(deps, actor);
  await deps.db.transaction().execute(async (trx) => {
    const r = await lq(trx)
      .updateTable('licenses.consent')
      .set({ revokedAt: deps.now() })
      .where('id', '=', id)
      .where('holderIndex', '=', holder.index)
      .where('holderKind', '=', holder.kind)
      .where('revokedAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!r)
      throw notFound('LICENSES.CONSENT_NOT_FOUND', {
        zh: '授权不存在或已撤销',
        en: 'No such consent, or already revoked',
      });
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        actorKind: actor.kind,
        onBehalfOf: actor.actingFor?.enterpriseId ?? null,
        action: 'licenses.consent-revoked',
        targetType: 'license-consent',
        targetId: id,
      },
      deps.auditKey,
    );
  });
}
