/**
 * The population a run judges: registry fact rows (from 数据通's front door) as columns, and who
 * receives a benefit — the subject, or for death benefits a surviving member of the household.
 */
import type { Db } from '../../platform/db/index.js';
import type { FieldCipher } from '../../platform/crypto/index.js';
import type { Text } from '../../../../contracts/proactive.js';
import { enterpriseFactRows, personFactRows, type EnterpriseFactRow, type PersonFactRow } from '../exchange/index.js';
import { listRegionsByCode } from '../catalog/index.js';
import { columnsOf, type Columns } from './rules/columns.js';
import type { SubjectKind } from './rules/facts.js';

/** What a run covers: everyone, the households of some persons (a life event), some enterprises. */
export type Scope = { all: true } | { householdsOf: readonly string[]; creditCodes: readonly string[] };

export interface Population {
  person: { rows: PersonFactRow[]; cols: Columns };
  enterprise: { rows: EnterpriseFactRow[]; cols: Columns };
}

export async function loadPopulation(db: Db, cipher: FieldCipher, scope: Scope): Promise<Population> {
  const persons = await personFactRows(db, cipher, 'all' in scope ? undefined : { householdsOf: scope.householdsOf });
  const enterprises = await enterpriseFactRows(db, 'all' in scope ? undefined : { creditCodes: scope.creditCodes });
  return {
    person: { rows: persons, cols: columnsOf('person', persons) },
    enterprise: { rows: enterprises, cols: columnsOf('enterprise', enterprises) },
  };
}

/** The facts as they stood on `day`: a death or a birth recorded after it had not happened yet. */
export function asOf<R extends PersonFactRow | EnterpriseFactRow>(row: R, day: string): R {
  if (!('deathDate' in row)) return row;
  const p: PersonFactRow = { ...row };
  if (p.deathDate && p.deathDate > day) Object.assign(p, { alive: true, deathDate: null });
  if (p.childBirthDate && p.childBirthDate > day) p.childBirthDate = null;
  return p as R;
}

const SURVIVOR_ORDER = ['配偶', '户主', '子女', '父母', '其他'];

/** The surviving household member who receives a death benefit: the spouse, else the head, else an adult child… */
export function survivorOf(
  rows: readonly PersonFactRow[],
  deceased: PersonFactRow,
  day: string,
): PersonFactRow | undefined {
  const adult = `${Number(day.slice(0, 4)) - 18}${day.slice(4)}`;
  const family = rows.filter(
    (r) => r.householdId === deceased.householdId && r.id !== deceased.id && r.alive && r.birthDate <= adult,
  );
  return family.sort((a, b) => SURVIVOR_ORDER.indexOf(a.householdRole) - SURVIVOR_ORDER.indexOf(b.householdRole))[0];
}

export const subjectKeyOf = (kind: SubjectKind, row: PersonFactRow | EnterpriseFactRow): string =>
  kind === 'person' ? (row as PersonFactRow).id : (row as EnterpriseFactRow).creditCode;

/** Names of the counties (and cities) the explanations show, loaded once per run. */
export class RegionNames {
  private readonly names = new Map<string, Text>();
  constructor(private readonly db: Db) {}

  async load(codes: Iterable<string>): Promise<void> {
    const wanted = [...new Set([...codes].map((c) => c.slice(0, 6)))].filter((c) => !this.names.has(c));
    if (wanted.length === 0) return;
    // The counties and their cities (GB/T 2260: a county's city is its first four digits) in one query.
    const found = new Map(
      (await listRegionsByCode(this.db, [...new Set([...wanted, ...wanted.map((c) => c.slice(0, 4))])])).map((r) => [
        r.code,
        r,
      ]),
    );
    for (const code of wanted) {
      const county = found.get(code);
      const city = found.get(code.slice(0, 4));
      const inCity = city && city.level === 2 ? city : undefined;
      this.names.set(
        code,
        county
          ? {
              zh: `${inCity?.name ?? ''}${county.name}`,
              en: inCity ? `${county.nameEn}, ${inCity.nameEn}` : county.nameEn,
            }
          : { zh: code, en: code },
      );
    }
  }

  /** The name of a loaded region (its county); a code never loaded reads as 贵州省. */
  of = (code: string): Text => this.names.get(code.slice(0, 6)) ?? { zh: '贵州省', en: 'Guizhou' };
}
