/**
 * Registry facts for rules that find people (主动服务): one plain row per person or enterprise with
 * what policies may ask — dates of birth and death, sex, region, household role, marital status,
 * disability, insurance, income, the birth date of the household's youngest child; no name, no
 * identifier. Read in pages by id; the personal parts are decrypted here and never leave as text.
 */
import type { Db } from '../../platform/db/index.js';
import type { FieldCipher } from '../../platform/crypto/index.js';
import { sq } from './exchange.tables.js';
import { birthFacts, openPersonal } from './person-record.js';

export interface PersonFactRow {
  id: string;
  householdId: string;
  householdRole: string;
  regionCode: string;
  birthDate: string;
  sex: 'male' | 'female';
  alive: boolean;
  deathDate: string | null;
  disabilityLevel: number | null;
  maritalStatus: string;
  insured: string | null;
  incomeBand: string | null;
  /** For the household's head and spouse: the youngest child's date of birth (子女 of the household). */
  childBirthDate: string | null;
}

export interface EnterpriseFactRow {
  creditCode: string;
  legalRepresentativeId: string;
  regionCode: string;
  status: string;
  establishedOn: string;
  industry: string;
  employees: number | null;
  registeredCapital: number | null;
  taxCreditRating: string | null;
}

/**
 * Person facts: everyone (`scope` absent, for a policy run or the yearly re-check) or the
 * households of the given registry persons (a life event: the child's parents, the survivors).
 */
export async function personFactRows(
  db: Db,
  cipher: FieldCipher,
  scope?: { householdsOf: readonly string[] },
): Promise<PersonFactRow[]> {
  if (scope && scope.householdsOf.length === 0) return [];
  let q = sq(db)
    .selectFrom('exchange.person as p')
    .select([
      'p.id',
      'p.householdId',
      'p.householdRole',
      'p.regionCode',
      'p.alive',
      'p.deathDate',
      'p.idNumberEnc',
      'p.personalEnc',
    ]);
  if (scope)
    q = q.where('p.householdId', 'in', (eb) =>
      eb
        .selectFrom('exchange.person as s')
        .select('s.householdId')
        .where('s.id', 'in', [...scope.householdsOf]),
    );
  const rows = await q.orderBy('p.id').execute();
  const persons = rows.map((r): PersonFactRow => {
    const personal = openPersonal(cipher, r.personalEnc);
    return {
      id: r.id,
      householdId: r.householdId,
      householdRole: r.householdRole,
      regionCode: r.regionCode,
      ...birthFacts(cipher.decrypt(r.idNumberEnc)),
      alive: r.alive,
      deathDate: r.deathDate,
      disabilityLevel: personal.disabilityLevel,
      maritalStatus: personal.maritalStatus,
      insured: personal.insured ?? null,
      incomeBand: personal.incomeBand ?? null,
      childBirthDate: null,
    };
  });
  const youngest = new Map<string, string>();
  for (const p of persons)
    if (p.householdRole === '子女' && p.alive && p.birthDate > (youngest.get(p.householdId) ?? ''))
      youngest.set(p.householdId, p.birthDate);
  for (const p of persons)
    if (p.householdRole === '户主' || p.householdRole === '配偶')
      p.childBirthDate = youngest.get(p.householdId) ?? null;
  return persons;
}

/** Enterprise facts: every legal entity, or the given ones. */
export async function enterpriseFactRows(
  db: Db,
  scope?: { creditCodes: readonly string[] },
): Promise<EnterpriseFactRow[]> {
  if (scope && scope.creditCodes.length === 0) return [];
  let q = sq(db)
    .selectFrom('exchange.legalEntity')
    .select([
      'creditCode',
      'legalRepresentativeId',
      'regionCode',
      'status',
      'establishedOn',
      'industry',
      'employees',
      'registeredCapital',
      'taxCreditRating',
    ]);
  if (scope) q = q.where('creditCode', 'in', [...scope.creditCodes]);
  const rows = await q.orderBy('creditCode').execute();
  return rows.map((r) => ({
    ...r,
    establishedOn: String(r.establishedOn).slice(0, 10),
    registeredCapital: r.registeredCapital == null ? null : Number(r.registeredCapital),
  }));
}
