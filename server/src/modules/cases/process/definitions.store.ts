/**
 * The process of an item: the administrator's active definition, or — for an item nobody has
 * modelled yet — one stage with one task for the implementing department, within the promised limit.
 */
import type { Item } from '../../../../../contracts/catalog.js';
import type { ProcessDefinition } from '../../../../../contracts/cases.js';
import type { Db } from '../../../platform/db/index.js';
import { kq } from '../cases.tables.js';

export async function processOf(db: Db, item: Item): Promise<{ definition: ProcessDefinition; version: number }> {
  const stored = await kq(db)
    .selectFrom('cases.processDefinition')
    .select(['definition', 'version'])
    .where('itemCode', '=', item.code)
    .where('active', '=', true)
    .executeTakeFirst();
  if (stored) return { definition: stored.definition, version: stored.version };
  return {
    version: 0,
    definition: {
      stages: [
        {
          key: 'decide',
          name: '审查决定',
          when: [],
          tasks: [
            {
              key: 'review',
              name: '审查',
              departmentId: item.department.id,
              role: 'approver',
              limitDays: item.promisedLimitDays,
            },
          ],
        },
      ],
      promisedLimitDays: item.promisedLimitDays,
    },
  };
}
