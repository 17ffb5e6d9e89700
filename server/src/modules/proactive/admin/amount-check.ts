/**
 * An amount by region must reach every county the policy admits: a version paying 'yearly' by
 * region, admitted in 贵州省 (or where its 户籍/登记地 condition says), needs a value for each county of
 * the catalogue there — else the people of that county would be granted nothing.
 */
import type { FieldError } from '../../../platform/errors.js';
import type { Db } from '../../../platform/db/index.js';
import { findRegion, listChildRegions } from '../../catalog/index.js';
import { PROVINCE } from '../policies/words.js';
import { isAny, regionalValue, type PolicyVersion } from '../rules/language.js';

/** The counties (6 digits) of the catalogue under a region code, with their names (city + county). */
async function countiesUnder(db: Db, code: string): Promise<{ code: string; name: string }[]> {
  if (code.length >= 6) {
    const county = await findRegion(db, code.slice(0, 6));
    return county ? [{ code: county.code, name: county.name }] : [];
  }
  const out: { code: string; name: string }[] = [];
  for (const child of await listChildRegions(db, code)) {
    if (child.code.length >= 6) out.push({ code: child.code, name: child.name });
    else out.push(...(await countiesUnder(db, child.code)).map((c) => ({ ...c, name: `${child.name}${c.name}` })));
  }
  return out;
}

/** One field error when the version's regional amount leaves counties it admits without a value. */
export async function uncoveredRegions(db: Db, version: PolicyVersion): Promise<FieldError[]> {
  if (typeof version.amount !== 'string') return [];
  const param = version.params?.[version.amount];
  if (!param) return [];
  const within = version.when.flatMap((c) => (!isAny(c) && c.op === 'within' ? [c.regions] : []));
  const admitted = within.length ? within[0]! : [PROVINCE];
  const counties: { code: string; name: string }[] = [];
  for (const a of admitted) counties.push(...(await countiesUnder(db, a)));
  // Admitted by every `within` condition, when there are several.
  const inAll = counties.filter((c) => within.every((w) => w.some((p) => c.code.startsWith(p))));
  const missing = inAll.filter((c) => regionalValue(param, c.code) === undefined);
  if (missing.length === 0) return [];
  const names = missing.slice(0, 5).map((c) => c.name);
  const more = missing.length > 5 ? `等${missing.length}个` : '';
  return [
    {
      field: `params.${version.amount}`,
      code: 'PROACTIVE.AMOUNT_NOT_COVERED',
      message: {
        zh: `金额未覆盖适用地区：${names.join('、')}${more}`,
        en: `No amount for ${missing.length} admitted region(s): ${names.join(', ')}`,
      },
    },
  ];
}
