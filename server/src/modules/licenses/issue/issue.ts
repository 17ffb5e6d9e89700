/**
 * 签发: the one way a licence comes to exist — from a case result, by a department directly, as a
 * new version (变更, 延续) of an earlier one, or by the demo seed. Numbers it, signs its canonical
 * content with the issuing department's key, stores identifier and data encrypted, writes its
 * history, the audit entry and the outbox event, all on the caller's transaction.
 */
import { beijingDate } from '../../../platform/calendar/beijing.js';
import { randomInt, randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/db/index.js';
import { appendAudit } from '../../../platform/audit/index.js';
import { appendEvent } from '../../../platform/outbox.js';
import type { SigningDeps } from '../licenses.deps.js';
import { lq, type HolderKind, type LicenseAction, type LicenseTable } from '../licenses.tables.js';
import { getLicenseType, validityYears } from '../types/license-types.js';
import { licenseNumber } from '../types/identifier.js';
import { contentBytes, contentOf, type LicenseData } from '../signing/content.js';
import { activeKey } from '../signing/keys.js';
import { suiteFor } from '../signing/suites.js';
import type { Department } from './departments.js';

export type LicenseRow = Selectable<LicenseTable>;

/** Who holds a licence: kind, the identifier (公民身份号码 or 统一社会信用代码) and the name. */
export interface Holder {
  kind: HolderKind;
  id: string;
  name: string;
}

export interface IssueInput {
  typeCode: string;
  holder: Holder;
  issuer: Department;
  data: LicenseData;
  /** Facts the validity may depend on (居民身份证: age). */
  facts?: { ageYears?: number };
  validFrom?: string;
  validUntil?: string | null;
  sourceCaseId?: string | null;
  /** The licence this one replaces — 变更 (changed) or 延续 (renewed): same lineage and serial, next version. */
  replaces?: { license: LicenseRow; how: 'changed' | 'renewed' };
  actor: { id: string | null; kind: string };
}

/** The last day of a validity of `years` starting on `from` (2026-11-23 + 5 → 2031-11-22). */
export function validityEnd(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

/**
 * A random serial (1–99,999,999) not yet used by the department for the type: numbers cannot be
 * guessed from one another (a sequence let anyone walk an issuer's licences).
 */
async function newSerial(db: Db, departmentId: string, typeCode: string): Promise<number> {
  for (;;) {
    const serial = randomInt(1, 100_000_000);
    const taken = await lq(db)
      .selectFrom('licenses.license')
      .select('id')
      .where('issuerDepartmentId', '=', departmentId)
      .where('typeCode', '=', typeCode)
      .where('serial', '=', serial)
      .executeTakeFirst();
    if (!taken) return serial;
  }
}

export async function recordLicenseEvent(
  db: Db,
  row: Pick<LicenseRow, 'id' | 'lineageId'>,
  action: LicenseAction,
  actor: { id: string | null; kind: string },
  at: Date,
  reason: string | null = null,
): Promise<void> {
  await lq(db)
    .insertInto('licenses.event')
    .values({
      lineageId: row.lineageId,
      licenseId: row.id,
      action,
      reason,
      actorId: actor.id,
      actorKind: actor.kind,
      at,
    })
    .execute();
}

export async function issueLicense(db: Db, deps: SigningDeps, input: IssueInput): Promise<LicenseRow> {
  const type = getLicenseType(input.typeCode);
  if (type.holderKind !== input.holder.kind)
    throw new Error(`${type.code} is held by a ${type.holderKind}, not a ${input.holder.kind}`);
  const now = deps.now();
  const { cipher } = deps;
  const previous = input.replaces?.license;
  const version = previous ? previous.version + 1 : 1;
  const serial = previous ? previous.serial : await newSerial(db, input.issuer.id, type.code);
  const validFrom = input.validFrom ?? beijingDate(now);
  const years = validityYears(type, input.facts);
  const validUntil =
    input.validUntil !== undefined ? input.validUntil : years === null ? null : validityEnd(validFrom, years);
  const key = await activeKey(db, cipher, input.issuer.id, deps.signatureAlg);

  const base = {
    id: randomUUID(),
    number: licenseNumber({ oidCode: type.oidCode, issuerCreditCode: input.issuer.creditCode, serial, version }),
    lineageId: previous?.lineageId ?? randomUUID(),
    version,
    serial,
    typeCode: type.code,
    holderKind: input.holder.kind,
    holderIndex: cipher.blindIndex(input.holder.id),
    holderIdEnc: cipher.encrypt(input.holder.id.trim().toUpperCase()),
    holderName: input.holder.name,
    issuerDepartmentId: input.issuer.id,
    issuerName: input.issuer.name,
    issuerCreditCode: input.issuer.creditCode,
    issuerRegionCode: input.issuer.regionCode,
    issuedAt: now,
    validFrom,
    validUntil,
    dataEnc: cipher.encrypt(JSON.stringify(input.data)),
  };
  const signature = suiteFor(key.alg).sign(
    contentBytes(contentOf(base, previous?.number ?? null, cipher)),
    key.privateKey,
    key.publicKey,
  );
  const row: LicenseRow = {
    ...base,
    alg: key.alg,
    kid: key.kid,
    signature,
    status: 'valid',
    statusReason: null,
    statusChangedAt: null,
    sourceCaseId: input.sourceCaseId ?? null,
    previousId: previous?.id ?? null,
  };
  await lq(db).insertInto('licenses.license').values(row).execute();

  const action: LicenseAction = input.replaces?.how ?? 'issued';
  if (previous) {
    await lq(db)
      .updateTable('licenses.license')
      .set({ status: 'superseded', statusChangedAt: now, statusReason: row.number })
      .where('id', '=', previous.id)
      .execute();
    await recordLicenseEvent(db, previous, 'superseded', input.actor, now, row.number);
  }
  await recordLicenseEvent(db, row, action, input.actor, now, previous ? previous.number : null);
  await appendEvent(
    db,
    {
      topic: 'licenses.license-issued',
      aggregateType: 'licenses.license',
      aggregateId: row.id,
      payload: {
        licenseId: row.id,
        lineageId: row.lineageId,
        number: row.number,
        version,
        typeCode: type.code,
        issuerDepartmentId: input.issuer.id,
        sourceCaseId: row.sourceCaseId,
        action,
      },
    },
    input.actor.id,
  );
  await appendAudit(
    db,
    {
      actorId: input.actor.id,
      actorKind: input.actor.kind,
      action: `licenses.${action}`,
      targetType: 'license',
      targetId: row.id,
      detail: { number: row.number, typeCode: type.code, version, sourceCaseId: row.sourceCaseId },
    },
    deps.auditKey,
  );
  return row;
}
