/**
 * Administering an item's process (流程定义): save a new version (validated: departments exist in
 * the item's province, limits fit the guide, every branch reaches the end), make it the active one,
 * read it, and exchange it as BPMN 2.0 XML with the standard modelers (bpmn.io).
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/context.js';
import { forbidden, unprocessable } from '../../../platform/errors.js';
import { isWithinScope } from '../../../platform/scope.js';
import type { ProcessDefinition } from '../../../../../contracts/cases.js';
import { getPublishedItem, listDepartments } from '../../catalog/index.js';
import type { CasesDeps } from '../cases.deps.js';
import { kq } from '../cases.tables.js';
import { exportBpmn, importBpmn, validateDefinition } from '../definitions/index.js';
import { processOf } from './definitions.store.js';

async function itemInScope(deps: CasesDeps, actor: Actor, itemCode: string) {
  const item = await getPublishedItem(deps.db, itemCode);
  if (
    !isWithinScope(
      actor,
      { regionCode: item.region.code, departmentId: item.department.id },
      { regionWide: ['catalog_admin'] },
    )
  ) {
    throw forbidden('CASES.OUT_OF_SCOPE', { zh: '该事项不在您的管理范围内', en: 'This item is outside your scope' });
  }
  return item;
}

export async function saveDefinition(
  deps: CasesDeps,
  actor: Actor,
  { itemCode, definition }: { itemCode: string; definition: ProcessDefinition },
): Promise<{ version: number }> {
  const item = await itemInScope(deps, actor, itemCode);
  const departments = await listDepartments(deps.db, { regionPrefix: item.region.code.slice(0, 2) });
  const errors = validateDefinition(definition, {
    departmentIds: new Set(departments.map((d) => d.id)),
    itemLegalLimitDays: item.legalLimitDays,
  });
  if (definition.autoApproval) errors.push(...(deps.autoApproval?.check(definition.autoApproval.rules) ?? []));
  if (errors.length)
    throw unprocessable(
      'CASES.DEFINITION_INVALID',
      { zh: `流程定义有 ${errors.length} 处问题`, en: `The process definition has ${errors.length} problem(s)` },
      errors,
    );
  return deps.db
    .transaction()
    .execute(async (trx) => {
      const last = await kq(trx)
        .selectFrom('cases.processDefinition')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('itemCode', '=', item.code)
        .executeTakeFirst();
      const version = Number(last?.v ?? 0) + 1;
      await kq(trx)
        .updateTable('cases.processDefinition')
        .set({ active: false })
        .where('itemCode', '=', item.code)
        .where('active', '=', true)
        .execute();
      await kq(trx)
        .insertInto('cases.processDefinition')
        .values({
          id: randomUUID(),
          itemCode: item.code,
          version,
          definition: JSON.stringify(definition),
          active: true,
          createdBy: actor.id ?? 'system',
        })
        .execute();
      return { version };
    })
    .finally(() => deps.processes.invalidate(item.code));
}

export async function readDefinition(
  deps: CasesDeps,
  itemCode: string,
): Promise<{ version: number; definition: ProcessDefinition }> {
  return processOf(deps.db, await getPublishedItem(deps.db, itemCode));
}

export async function definitionAsBpmn(deps: CasesDeps, itemCode: string): Promise<string> {
  return exportBpmn((await readDefinition(deps, itemCode)).definition);
}

export async function saveBpmn(
  deps: CasesDeps,
  actor: Actor,
  { itemCode, xml }: { itemCode: string; xml: string },
): Promise<{ version: number }> {
  const imported = importBpmn(xml);
  if (!imported.ok)
    throw unprocessable(
      'CASES.BPMN_INVALID',
      { zh: 'BPMN 文件不符合支持的子集', en: 'The BPMN file is outside the supported subset' },
      imported.errors,
    );
  return saveDefinition(deps, actor, { itemCode, definition: imported.definition });
}
