/**
 * 部门管理: catalogue administrators (or system administrators) add the departments of their
 * region and keep their names, address and phone current. The region, category and credit code of
 * a department are fixed once it exists: item codes (实施编码) are built from the credit code.
 * Every change is announced on the outbox (`catalog.department-changed`).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { conflict, notFound, unprocessable } from '../../platform/errors.js';
import { appendEvent } from '../../platform/outbox.js';
import { isWithinRegion } from '../../platform/scope.js';
import { isValidRegionCode, parseCreditCode } from '../../platform/validators/index.js';
import { DEPARTMENT_CATEGORIES } from '../../../../contracts/display-names.js';
import { cq } from './catalog.tables.js';
import { refreshDepartmentItems } from './items.service.js';

const text = (max: number) => z.string().trim().min(1).max(max);
export const DepartmentEdit = z.object({
  name: text(100),
  shortName: text(50),
  address: z.string().trim().max(200).default(''),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9-]{3,20}$/, '电话号码格式不正确 not a phone number')
    .or(z.literal(''))
    .default(''),
});
export const DepartmentInput = DepartmentEdit.extend({
  key: z.string().regex(/^[a-z0-9-]{2,40}$/),
  category: z.enum(DEPARTMENT_CATEGORIES),
  regionCode: z.string().refine(isValidRegionCode, '行政区划代码不正确 not a division code'),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => parseCreditCode(c).ok, '统一社会信用代码校验位不正确 the credit code’s check characters are wrong'),
});

const outOfScope = () =>
  notFound('CATALOG.NO_DEPARTMENT', {
    zh: '部门不存在或不在您的管理范围',
    en: 'No such department within your region',
  });

export async function createDepartment(ctx: Ctx, input: z.infer<typeof DepartmentInput>): Promise<{ id: string }> {
  if (!isWithinRegion(ctx.actor, input.regionCode)) throw outOfScope();
  const region = await cq(ctx.db)
    .selectFrom('catalog.region')
    .select('code')
    .where('code', '=', input.regionCode)
    .executeTakeFirst();
  if (!region) {
    throw unprocessable('CATALOG.NO_REGION', { zh: '行政区划不存在', en: 'No such region' }, [
      { field: 'body.regionCode', code: 'CATALOG.NO_REGION', message: { zh: '行政区划不存在', en: 'No such region' } },
    ]);
  }
  const id = randomUUID();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await cq(trx)
        .insertInto('catalog.department')
        .values({ id, ...input })
        .execute();
      await appendEvent(
        trx,
        {
          topic: 'catalog.department-changed',
          aggregateType: 'catalog.department',
          aggregateId: id,
          payload: { id, created: true, ...input },
        },
        ctx.actor.id,
      );
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw conflict('CATALOG.DEPARTMENT_EXISTS', {
        zh: '该部门标识或统一社会信用代码已存在',
        en: 'A department with that key or credit code exists',
      });
    throw e;
  }
  return { id };
}

/** Changes a department; answers whether its names changed (then its items' guides and search hits did). */
export async function updateDepartment(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof DepartmentEdit>,
): Promise<{ renamed: boolean }> {
  const d = await cq(ctx.db)
    .selectFrom('catalog.department')
    .select(['id', 'regionCode'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!d || !isWithinRegion(ctx.actor, d.regionCode)) throw outOfScope();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await cq(trx)
      .selectFrom('catalog.department')
      .select(['name', 'shortName'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await cq(trx).updateTable('catalog.department').set(input).where('id', '=', id).execute();
    // Its items' guides and search hits name it: when its names change, they are written again (a
    // few milliseconds an item) and every node reads them again. An address or a phone is in neither.
    const renamed = before.name !== input.name || before.shortName !== input.shortName;
    if (renamed) await refreshDepartmentItems(trx, id);
    await appendEvent(
      trx,
      {
        topic: 'catalog.department-changed',
        aggregateType: 'catalog.department',
        aggregateId: id,
        payload: { id, ...input },
      },
      ctx.actor.id,
    );
    return { renamed };
  });
}
