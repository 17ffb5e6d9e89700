/**
 * Demo processes (first start only): 食品经营许可（新办） in each district runs as it does where a
 * restaurant opens — the market regulator's on-site check and the urban-management check of the
 * shop sign and cooking-fume outlet in parallel (并联审批), then the licensing decision.
 * Everything else runs the default one-stage process until an administrator models it.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import type { ProcessDefinition } from '../../../../../contracts/cases.js';
import { getPublishedItem, implementationCode, listDepartments } from '../../catalog/index.js';
import { validateDefinition } from '../definitions/index.js';
import { kq } from '../cases.tables.js';

const FOOD_LICENCE_BASIC_CODE = '011270001001';

export function restaurantLicensing(market: string, urban: string): ProcessDefinition {
  return {
    promisedLimitDays: 5,
    stages: [
      {
        key: 'joint-check',
        name: '联合核查',
        when: [],
        tasks: [
          { key: 'site-check', name: '经营场所现场核查', departmentId: market, role: 'approver', limitDays: 3 },
          {
            key: 'sign-and-fumes',
            name: '门头招牌与油烟排放核查',
            departmentId: urban,
            role: 'approver',
            limitDays: 3,
          },
        ],
      },
      {
        key: 'decide',
        name: '许可决定',
        when: [],
        tasks: [{ key: 'decide', name: '作出许可决定', departmentId: market, role: 'approver', limitDays: 2 }],
      },
    ],
  };
}

export async function seedDemoProcesses(db: Db, province: string): Promise<number> {
  const departments = await listDepartments(db, { regionPrefix: province });
  let seeded = 0;
  for (const market of departments.filter((d) => d.category === 'market' && d.regionCode.length === 6)) {
    const urban = departments.find((d) => d.category === 'urban' && d.regionCode === market.regionCode);
    if (!urban || !market.creditCode) continue;
    const item = await getPublishedItem(db, implementationCode(market.creditCode, FOOD_LICENCE_BASIC_CODE)).catch(
      () => undefined,
    );
    if (!item) continue;
    const definition = restaurantLicensing(market.id, urban.id);
    const problems = validateDefinition(definition, {
      departmentIds: new Set(departments.map((d) => d.id)),
      itemLegalLimitDays: item.legalLimitDays,
    });
    if (problems.length) throw new Error(`demo process of ${item.code} is invalid: ${JSON.stringify(problems)}`);
    await kq(db)
      .insertInto('cases.processDefinition')
      .values({
        id: randomUUID(),
        itemCode: item.code,
        version: 1,
        definition: JSON.stringify(definition),
        active: true,
        createdBy: 'system',
      })
      .execute();
    seeded++;
  }
  return seeded;
}
