/**
 * What cases asks of the rule engine for 秒批 (wired by the app as `CasesDeps.autoApproval`): the
 * rules checked when a process definition is saved, and judged on the applicant's registry facts —
 * read through 数据通's front door, as the policies' are — when an application is submitted.
 */
import type { FieldCipher } from '../../platform/crypto/index.js';
import type { AutoApprovalPort } from '../cases/index.js';
import { enterpriseFactRows, personFactRows } from '../exchange/index.js';
import { checkAutoApprovalRules, explainAutoApproval } from './auto-approval.js';
import { asOf, RegionNames } from './population.js';

export function autoApprovalPort(cipher: FieldCipher): AutoApprovalPort {
  return {
    check: (rules) => checkAutoApprovalRules(rules),
    async judge(db, who, rules, { day, ...about }) {
      const household = await personFactRows(db, cipher, { householdsOf: [who.registryPersonId] });
      const person = household.find((p) => p.id === who.registryPersonId);
      if (!person) return undefined;
      const enterprise = who.creditCode
        ? (await enterpriseFactRows(db, { creditCodes: [who.creditCode] }))[0]
        : undefined;
      const regions = new RegionNames(db);
      const named = rules.flatMap((r) => (/\.(regionCode|region)$/.test(r.field) ? [r.value].flat() : []));
      await regions.load(
        [person.regionCode, enterprise?.regionCode, ...named].filter((c): c is string => typeof c === 'string'),
      );
      return explainAutoApproval(rules, { person: asOf(person, day), enterprise }, day, regions.of, about);
    },
  };
}
