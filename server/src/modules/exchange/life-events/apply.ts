/**
 * Applies a life event to the base registries (in the recording transaction): a death marks the
 * person dead and cancels the household registration (户口注销); a birth registers the child in the
 * mother's household; marriage and divorce change both persons' marital status; relocation moves
 * the registered address; an enterprise is registered or cancelled. Refused when the registry
 * does not know a subject or the event contradicts it (a second death, a marriage of a married
 * person).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import { conflict, notFound, unprocessable } from '../../../platform/errors.js';
import { parseIdNumber } from '../../../platform/validators/index.js';
import { sq } from '../exchange.tables.js';
import { LEGAL_ENTITY_SOURCE, POPULATION_SOURCE } from '../exchange.repository.js';
import type { LifeEventInput, LifeEventNotice } from './life-event.types.js';
import { openPersonal, sealPersonal } from '../person-record.js';

export interface Applied {
  regionCode: string;
  /** Where the subjects are registered (before the event; a move: both ends): a registrar of one of these regions is competent. */
  subjectRegions: string[];
  personIds: string[];
  creditCode: string | null;
  notice: LifeEventNotice;
}

const noPerson = () =>
  notFound('EXCHANGE.SUBJECT_NOT_FOUND', {
    zh: '人口库中没有该公民身份号码',
    en: 'The population registry has no such ID number',
  });
const contradicts = (zh: string, en: string) => conflict('EXCHANGE.REGISTRY_CONFLICT', { zh, en });

async function lockPerson(trx: Db, cipher: FieldCipher, idNumber: string) {
  const p = await sq(trx)
    .selectFrom('exchange.person')
    .select(['id', 'personalEnc', 'alive', 'regionCode', 'householdId'])
    .where('idNumberIndex', '=', cipher.blindIndex(idNumber))
    .forUpdate()
    .executeTakeFirst();
  if (!p) throw noPerson();
  const personal = openPersonal(cipher, p.personalEnc);
  return {
    id: p.id,
    alive: p.alive,
    regionCode: p.regionCode,
    householdId: p.householdId,
    personal,
    name: personal.name,
    maritalStatus: personal.maritalStatus,
    address: personal.address,
  };
}

export async function applyLifeEvent(trx: Db, cipher: FieldCipher, e: LifeEventInput): Promise<Applied> {
  const base = { type: e.type, occurredOn: e.occurredOn, enterprise: null, facts: {} };
  const person = sq(trx).updateTable('exchange.person');
  switch (e.type) {
    case 'death': {
      const p = await lockPerson(trx, cipher, e.idNumber);
      if (!p.alive) throw contradicts('人口库中该人员已登记死亡', 'The registry already records this person as dead');
      await person
        .set({ alive: false, deathDate: e.occurredOn, householdStatus: 'cancelled', updatedAt: new Date() })
        .where('id', '=', p.id)
        .execute();
      return {
        regionCode: p.regionCode,
        subjectRegions: [p.regionCode],
        personIds: [p.id],
        creditCode: null,
        notice: { ...base, persons: [{ idNumber: e.idNumber, name: p.name }], facts: { deathDate: e.occurredOn } },
      };
    }
    case 'birth': {
      const mother = await lockPerson(trx, cipher, e.motherIdNumber);
      const id = parseIdNumber(e.child.idNumber, new Date(`${e.occurredOn}T12:00:00Z`));
      if (!id.ok || id.value.birthDate !== e.occurredOn) {
        throw unprocessable('EXCHANGE.BIRTH_MISMATCH', {
          zh: '新生儿公民身份号码与出生日期不符',
          en: 'The child’s ID number does not match the date of birth',
        });
      }
      const taken = await sq(trx)
        .selectFrom('exchange.person')
        .select('id')
        .where('idNumberIndex', '=', cipher.blindIndex(e.child.idNumber))
        .executeTakeFirst();
      if (taken) throw contradicts('该公民身份号码已登记', 'This ID number is already registered');
      const childId = randomUUID();
      await sq(trx)
        .insertInto('exchange.person')
        .values({
          id: childId,
          idNumberEnc: cipher.encrypt(e.child.idNumber),
          idNumberIndex: cipher.blindIndex(e.child.idNumber),
          personalEnc: sealPersonal(cipher, {
            name: e.child.name,
            ethnicity: '汉族',
            address: mother.address,
            maritalStatus: 'unmarried',
            disabilityLevel: null,
          }),
          regionCode: mother.regionCode,
          householdId: mother.householdId,
          householdRole: '子女',
          alive: true,
          deathDate: null,
          phoneEnc: null,
          phoneIndex: null,
          sourceDepartment: POPULATION_SOURCE,
        })
        .execute();
      return {
        regionCode: mother.regionCode,
        subjectRegions: [mother.regionCode],
        personIds: [childId, mother.id],
        creditCode: null,
        notice: {
          ...base,
          persons: [
            { idNumber: e.child.idNumber, name: e.child.name },
            { idNumber: e.motherIdNumber, name: mother.name },
          ],
          facts: { birthDate: e.occurredOn, sex: id.value.sex },
        },
      };
    }
    case 'marriage':
    case 'divorce': {
      const [a, b] = [await lockPerson(trx, cipher, e.idNumbers[0]), await lockPerson(trx, cipher, e.idNumbers[1])];
      if (a.id === b.id)
        throw unprocessable('EXCHANGE.SAME_PERSON', {
          zh: '双方不能是同一人',
          en: 'The two parties must be different people',
        });
      const marrying = e.type === 'marriage';
      for (const p of [a, b]) {
        if (!p.alive) throw contradicts('一方已登记死亡', 'One party is recorded as dead');
        if (marrying && p.maritalStatus === 'married')
          throw contradicts('一方已登记为已婚', 'One party is already married');
        if (!marrying && p.maritalStatus !== 'married')
          throw contradicts('一方未登记为已婚', 'One party is not recorded as married');
      }
      for (const p of [a, b]) {
        await person
          .set({
            personalEnc: sealPersonal(cipher, { ...p.personal, maritalStatus: marrying ? 'married' : 'divorced' }),
            updatedAt: new Date(),
          })
          .where('id', '=', p.id)
          .execute();
      }
      return {
        regionCode: a.regionCode,
        subjectRegions: [a.regionCode, b.regionCode],
        personIds: [a.id, b.id],
        creditCode: null,
        notice: {
          ...base,
          persons: [
            { idNumber: e.idNumbers[0], name: a.name },
            { idNumber: e.idNumbers[1], name: b.name },
          ],
        },
      };
    }
    case 'relocation': {
      const p = await lockPerson(trx, cipher, e.idNumber);
      if (!p.alive) throw contradicts('人口库中该人员已登记死亡', 'The registry records this person as dead');
      await person
        .set({
          regionCode: e.regionCode,
          personalEnc: sealPersonal(cipher, { ...p.personal, address: e.address }),
          updatedAt: new Date(),
        })
        .where('id', '=', p.id)
        .execute();
      return {
        regionCode: e.regionCode,
        subjectRegions: [p.regionCode, e.regionCode],
        personIds: [p.id],
        creditCode: null,
        notice: {
          ...base,
          persons: [{ idNumber: e.idNumber, name: p.name }],
          facts: { fromRegionCode: p.regionCode, toRegionCode: e.regionCode },
        },
      };
    }
    case 'enterprise_established': {
      const rep = await lockPerson(trx, cipher, e.legalRepresentativeIdNumber);
      const taken = await sq(trx)
        .selectFrom('exchange.legalEntity')
        .select('creditCode')
        .where('creditCode', '=', e.creditCode)
        .executeTakeFirst();
      if (taken) throw contradicts('该统一社会信用代码已登记', 'This credit code is already registered');
      await sq(trx)
        .insertInto('exchange.legalEntity')
        .values({
          creditCode: e.creditCode,
          name: e.name,
          entityType: e.entityType,
          legalRepresentativeId: rep.id,
          status: 'active',
          industry: e.industry,
          businessScope: e.businessScope,
          regionCode: e.regionCode,
          address: e.address,
          registeredCapital: e.registeredCapital,
          establishedOn: e.occurredOn,
          sourceDepartment: LEGAL_ENTITY_SOURCE,
        })
        .execute();
      return {
        regionCode: e.regionCode,
        subjectRegions: [e.regionCode],
        personIds: [rep.id],
        creditCode: e.creditCode,
        notice: {
          ...base,
          persons: [{ idNumber: e.legalRepresentativeIdNumber, name: rep.name }],
          enterprise: { creditCode: e.creditCode, name: e.name },
          facts: { entityType: e.entityType, industry: e.industry },
        },
      };
    }
    case 'enterprise_cancelled': {
      const ent = await sq(trx)
        .selectFrom('exchange.legalEntity')
        .select(['creditCode', 'name', 'status', 'regionCode'])
        .where('creditCode', '=', e.creditCode)
        .forUpdate()
        .executeTakeFirst();
      if (!ent)
        throw notFound('EXCHANGE.SUBJECT_NOT_FOUND', {
          zh: '法人库中没有该统一社会信用代码',
          en: 'The legal-entity registry has no such credit code',
        });
      if (ent.status === 'cancelled') throw contradicts('该企业已注销', 'This enterprise is already cancelled');
      await sq(trx)
        .updateTable('exchange.legalEntity')
        .set({ status: 'cancelled', updatedAt: new Date() })
        .where('creditCode', '=', e.creditCode)
        .execute();
      return {
        regionCode: ent.regionCode,
        subjectRegions: [ent.regionCode],
        personIds: [],
        creditCode: e.creditCode,
        notice: { ...base, persons: [], enterprise: { creditCode: e.creditCode, name: ent.name } },
      };
    }
  }
}
