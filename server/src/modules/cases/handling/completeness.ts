/**
 * 材料齐全: the server's rule for a complete application. Each material of the guide that is not
 * optional must stand: uploaded, received on paper at the window, reused by consent (电子证照 /
 * 共享数据, 免提交), filled in online (在线填报), or — for a 容缺后补 material — promised in writing.
 * Acceptance (受理, online or 窗口代录) needs that; the final 准予 needs more: no open promise.
 * Every path that accepts or approves calls `requireCompleteMaterials`, inside its step.
 */
import { sql } from 'kysely';
import type { Item } from '../../../../../contracts/catalog.js';
import type { Db } from '../../../platform/db/index.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { kq, type MaterialTable } from '../cases.tables.js';
import { filledOnline } from './reuse.service.js';

/** 受理 or 准予: what the materials must be complete for. */
export type CompletenessStep = 'accept' | 'decide';

/** A material that keeps the step from happening: missing, or (for a decision) promised and not yet brought. */
export interface Unmet {
  index: number;
  name: string;
  reason: 'missing' | 'promised';
  dueOn: string | null;
}

type Standing = Pick<MaterialTable, 'materialIndex' | 'kind'> & { dueOn: string | null };

/**
 * What stands for each material of the case aliased `c`, as a column of a query that reads the case
 * (the case and its materials in one round trip).
 */
export const standingOfCase = sql<Standing[]>`(
  SELECT coalesce(json_agg(json_build_object('materialIndex', m.material_index, 'kind', m.kind, 'dueOn', m.due_on)), '[]')
    FROM cases.material m WHERE m.case_id = c.id AND m.superseded_at IS NULL)`;

/** What stands for each material of a case now (the superseded entries are history). */
export async function currentMaterials(db: Db, caseId: string) {
  return kq(db)
    .selectFrom('cases.material')
    .select(['id', 'materialIndex', 'kind', 'contentType', 'size', 'reference', 'addedAt', 'dueOn'])
    .where('caseId', '=', caseId)
    .where('supersededAt', 'is', null)
    .execute();
}

/** The materials of the guide that do not stand for the step (pure). */
export function unmetMaterials(item: Item, standing: readonly Standing[], step: CompletenessStep): Unmet[] {
  return item.materials.flatMap((m, index): Unmet[] => {
    if (m.necessity === 'optional' || filledOnline(item, m)) return [];
    const s = standing.find((r) => r.materialIndex === index);
    if (!s) return [{ index, name: m.name, reason: 'missing', dueOn: null }];
    if (s.kind === 'promise' && step === 'decide') return [{ index, name: m.name, reason: 'promised', dueOn: s.dueOn }];
    return [];
  });
}

/** 409 `CASES.MATERIALS_MISSING`, naming each material (a field error per material, and the list in `missing`). */
export function materialsMissing(unmet: readonly Unmet[], step: CompletenessStep) {
  const names = unmet.map((u) => `「${u.name}」${u.reason === 'promised' ? '（容缺承诺未兑现）' : ''}`).join('、');
  const enNames = unmet
    .map((u) => `"${u.name}"${u.reason === 'promised' ? ' (promised, not yet brought)' : ''}`)
    .join(', ');
  const message =
    step === 'accept'
      ? {
          zh: `材料不齐，不能受理。尚缺：${names}`,
          en: `Materials are incomplete; the case cannot be accepted. Missing: ${enNames}`,
        }
      : {
          zh: `材料不齐，不能作出准予决定。尚缺：${names}`,
          en: `Materials are incomplete; the case cannot be approved. Missing: ${enNames}`,
        };
  return conflict(
    'CASES.MATERIALS_MISSING',
    message,
    unmet.map((u) => ({
      field: `materials.${u.index}`,
      code: u.reason === 'missing' ? 'CASES.MATERIAL_MISSING' : 'CASES.PROMISE_OPEN',
      message:
        u.reason === 'missing'
          ? { zh: `「${u.name}」未提交`, en: `"${u.name}" was not provided` }
          : {
              zh: `「${u.name}」为容缺承诺，尚未补交${u.dueOn ? `（须于 ${u.dueOn} 前补交）` : ''}`,
              en: `"${u.name}" was promised and not yet brought${u.dueOn ? ` (due ${u.dueOn})` : ''}`,
            },
    })),
    { missing: unmet },
  );
}

/** Throws `CASES.MATERIALS_MISSING` unless the case's materials are complete for the step. */
export async function requireCompleteMaterials(
  db: Db,
  caseId: string,
  item: Item,
  step: CompletenessStep,
): Promise<void> {
  const unmet = unmetMaterials(item, await currentMaterials(db, caseId), step);
  if (unmet.length) throw materialsMissing(unmet, step);
}

/**
 * 窗口代录: the materials a walk-in resident handed over at the counter (paper originals, by their
 * index in the guide) must be materials of the item, and complete when the case is accepted at once.
 */
export function requireCounterMaterialsComplete(item: Item, received: readonly number[], acceptNow: boolean): void {
  const unknown = received.filter((i) => !item.materials[i]);
  if (unknown.length)
    throw invalid('CASES.NO_SUCH_MATERIAL', { zh: '该事项没有所选的材料', en: 'The item has no such material' }, [
      {
        field: 'body.received',
        code: 'CASES.NO_SUCH_MATERIAL',
        message: { zh: `无效：${unknown.join('、')}`, en: `Invalid: ${unknown.join(', ')}` },
      },
    ]);
  if (!acceptNow) return;
  const unmet = unmetMaterials(
    item,
    received.map((materialIndex) => ({ materialIndex, kind: 'paper' as const, dueOn: null })),
    'accept',
  );
  if (unmet.length) throw materialsMissing(unmet, 'accept');
}
