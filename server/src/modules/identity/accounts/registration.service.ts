/**
 * Registration of a natural person (个人注册): the 公民身份号码 must pass its check digit, the phone
 * must receive a code (checked before anything about existing accounts is said), and name and number must match the population registry (人口库) — which
 * makes the account real-name level 2. A mismatch is refused without saying which part is wrong.
 */
import { randomUUID } from 'node:crypto';
import { parseIdNumber } from '../../../platform/validators/index.js';
import { isUniqueViolation, type Db } from '../../../platform/db/index.js';
import { conflict, invalid, unprocessable } from '../../../platform/errors.js';
import { findPersonByIdNumber } from '../../exchange/index.js';
import type { IdentityDeps } from '../identity.deps.js';
import { iq } from '../identity.tables.js';
import { recordAudit, type RequestMeta } from '../audit.js';
import { createSession, type NewSession } from '../sessions/sessions.js';
import { hashPassword, passwordProblems } from '../sign-in/password.js';
import { consumeSmsCode } from '../sign-in/sms-codes.js';
import { appendEvent } from '../../../platform/outbox.js';

export interface Registration {
  idNumber: string;
  name: string;
  phone: string;
  smsCode: string;
  password: string;
  language?: 'zh-CN' | 'en';
}

export async function registerPerson(
  deps: IdentityDeps,
  input: Registration,
  meta: RequestMeta,
): Promise<{ personId: string; session: NewSession }> {
  const { db, cipher } = deps;
  const now = deps.now();
  const parsed = parseIdNumber(input.idNumber, now);
  if (!parsed.ok) {
    throw invalid('IDENTITY.BAD_ID_NUMBER', { zh: '公民身份号码无效，请核对', en: 'The ID number is not valid' }, [
      {
        field: 'body.idNumber',
        code: `IDENTITY.BAD_ID_NUMBER`,
        message: {
          zh: `公民身份号码校验未通过（${parsed.problem}）`,
          en: `ID number check failed (${parsed.problem})`,
        },
      },
    ]);
  }
  const idNumber = parsed.value.number;
  const weak = passwordProblems(input.password, [idNumber, input.phone]);
  if (weak.length)
    throw invalid('IDENTITY.WEAK_PASSWORD', { zh: '密码不符合要求', en: 'The password does not meet the rules' }, weak);

  // The code first: only the phone's holder learns whether the ID number or phone already has an account.
  await consumeSmsCode(deps, input.phone, 'register', input.smsCode);
  const taken = await iq(db)
    .selectFrom('identity.personAccount')
    .select(['idNumberIndex', 'phoneIndex'])
    .where((eb) =>
      eb.or([
        eb('idNumberIndex', '=', cipher.blindIndex(idNumber)),
        eb('phoneIndex', '=', cipher.blindIndex(input.phone)),
      ]),
    )
    .execute();
  if (taken.some((t) => t.idNumberIndex === cipher.blindIndex(idNumber))) {
    throw conflict('IDENTITY.ALREADY_REGISTERED', {
      zh: '该身份证号已注册，请直接登录或找回密码',
      en: 'This ID number already has an account',
    });
  }
  if (taken.length)
    throw conflict('IDENTITY.PHONE_TAKEN', {
      zh: '该手机号已绑定其他账号',
      en: 'This phone belongs to another account',
    });

  const registry = await findPersonByIdNumber(db, cipher, idNumber);
  if (!registry || !registry.alive || registry.name !== input.name.trim()) {
    await recordAudit(
      deps,
      db,
      { id: null, kind: 'anonymous' },
      'identity.registration-refused',
      { type: 'person', id: null },
      meta,
      { detail: { reason: 'registry-mismatch' } },
    );
    throw unprocessable('IDENTITY.REGISTRY_MISMATCH', {
      zh: '身份信息核验未通过，请核对姓名和证件号码',
      en: 'The identity could not be verified; check your name and ID number',
    });
  }

  const passwordHash = await hashPassword(input.password);
  const { personId, session } = await db
    .transaction()
    .execute(async (trx) => {
      const personId = await insertPersonAccount(deps, trx, {
        registry,
        phone: input.phone,
        passwordHash,
        realNameLevel: 2,
        language: input.language ?? 'zh-CN',
      });
      await recordAudit(
        deps,
        trx,
        { id: personId, kind: 'person' },
        'identity.registered',
        { type: 'person', id: personId },
        meta,
        { detail: { realNameLevel: 2 } },
      );
      return { personId, session: await createSession(trx, { kind: 'person', id: personId }, meta, now) };
    })
    .catch((e: unknown) => {
      // Two registrations of one person at the same moment: the second loses here.
      if (isUniqueViolation(e))
        throw conflict('IDENTITY.ALREADY_REGISTERED', {
          zh: '该身份证号或手机号已注册',
          en: 'This ID number or phone already has an account',
        });
      throw e;
    });
  return { personId, session };
}

/**
 * Writes the account of a registry person (identifiers encrypted, blind indexes for look-up) and
 * announces it as `identity.person-registered` (the licence module issues the person's
 * 居民身份证 e-licence). The payload carries the account id only, never the identifiers.
 */
export async function insertPersonAccount(
  deps: Pick<IdentityDeps, 'cipher'>,
  db: Db,
  a: {
    registry: { id: string; idNumber: string; name: string; regionCode: string };
    phone: string;
    passwordHash: string;
    realNameLevel: 1 | 2 | 3;
    language: 'zh-CN' | 'en';
    /** When the account was opened (now unless given: the demo history opens accounts in the past). */
    createdAt?: Date;
  },
): Promise<string> {
  const { cipher } = deps;
  const id = randomUUID();
  await iq(db)
    .insertInto('identity.personAccount')
    .values({
      id,
      registryPersonId: a.registry.id,
      idNumberEnc: cipher.encrypt(a.registry.idNumber),
      idNumberIndex: cipher.blindIndex(a.registry.idNumber),
      name: a.registry.name,
      phoneEnc: cipher.encrypt(a.phone),
      phoneIndex: cipher.blindIndex(a.phone),
      passwordHash: a.passwordHash,
      realNameLevel: a.realNameLevel,
      language: a.language,
      regionCode: a.registry.regionCode,
      lockedUntil: null,
      ...(a.createdAt ? { createdAt: a.createdAt } : {}),
    })
    .execute();
  await appendEvent(
    db,
    {
      topic: 'identity.person-registered',
      aggregateType: 'identity.person',
      aggregateId: id,
      payload: { personId: id, realNameLevel: a.realNameLevel },
    },
    id,
  );
  return id;
}
