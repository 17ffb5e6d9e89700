/**
 * 申办一袋, changed: for each material of the item's guide the applicant uploads a file (PDF, JPEG,
 * PNG or OFD, checked by its bytes, not its name), or — for a material marked 容缺后补 — promises in
 * writing to bring it later; the window records a paper original received at the counter. Before
 * acceptance (also while the case awaits 补正) anything may be replaced; after it, only a promised
 * material is brought, until the promise's due date. Nothing is deleted: a replaced entry is history.
 */
import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { checkUpload } from '../../../platform/storage/index.js';
import type { CasesDeps } from '../cases.deps.js';
import type { Item } from '../../../../../contracts/catalog.js';
import { kq, type CaseStatus, type CaseTable, type MaterialTable } from '../cases.tables.js';
import { recordGuarded, recordLocked, type Current, type NewEntry } from './material-entry.js';
import type { Selectable } from 'kysely';
import { caseNotFound, requireApplicant, requireWindow } from './access.js';
import { lockCase, STATUS_ZH } from './load.js';
import { beijingDate } from '../process/clock.js';

/** Before acceptance any material may change; afterwards only a 容缺 promise is fulfilled, until its due date. */
const OPEN_FOR_MATERIALS = ['submitted', 'awaiting_supplement'] as const;
const ACCEPTED = ['in_progress', 'suspended'] as const;
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

type CaseState = { id: string; status: CaseStatus; version: number };

const closed = (c: CaseState, zh: string, en: string) =>
  conflict('CASES.MATERIALS_CLOSED', { zh, en }, [], { status: c.status, version: c.version });

/** Whether the applicant may put a file in for this material now (409 with the reason otherwise). */
function requireUploadAllowed(c: CaseState, name: string, current: Current | undefined, today: string): void {
  if (!isOneOf(ACCEPTED, c.status)) return requireBeforeAcceptance(c);
  if (current?.kind !== 'promise')
    throw closed(
      c,
      `办件已受理，「${name}」不是容缺承诺的材料，不能再更改`,
      `The case was accepted; only promised materials can still be brought`,
    );
  if (current.dueOn && current.dueOn < today) {
    throw conflict(
      'CASES.PROMISE_OVERDUE',
      {
        zh: `「${name}」的容缺承诺已于 ${current.dueOn} 到期，请联系办理部门`,
        en: `The promise to bring "${name}" fell due on ${current.dueOn}; contact the department`,
      },
      [],
      { dueOn: current.dueOn },
    );
  }
}

function requireBeforeAcceptance(c: CaseState): void {
  if (!isOneOf(OPEN_FOR_MATERIALS, c.status))
    throw closed(
      c,
      `办件「${STATUS_ZH[c.status]}」，不能再更改材料`,
      `The case is ${c.status}; its materials can no longer change`,
    );
}

async function caseAndMaterial(
  deps: CasesDeps,
  caseId: string,
  index: number,
  access: (c: Selectable<CaseTable>) => void,
) {
  // The case and what stands for the material now, in one read.
  const found = await kq(deps.db)
    .selectFrom('cases.case as c')
    .leftJoin('cases.material as m', (join) =>
      join.onRef('m.caseId', '=', 'c.id').on('m.materialIndex', '=', index).on('m.supersededAt', 'is', null),
    )
    .selectAll('c')
    .select(['m.id as currentId', 'm.kind as currentKind', 'm.dueOn as currentDueOn'])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!found) throw caseNotFound(caseId);
  const { currentId, currentKind, currentDueOn, ...c } = found;
  access(c);
  const { item } = await deps.processes.get(c.itemCode);
  const material = item.materials[index];
  if (!material)
    throw notFound('CASES.NO_SUCH_MATERIAL', { zh: '该事项没有这项材料', en: 'The item has no such material' }, [], {
      index,
    });
  const current: Current | undefined =
    currentId && currentKind ? { id: currentId, kind: currentKind, dueOn: currentDueOn } : undefined;
  return { c, material, current };
}

/** What stands for the material now (the entry a new one supersedes). */
const currentEntry = (db: Db, caseId: string, index: number): Promise<Current | undefined> =>
  kq(db)
    .selectFrom('cases.material')
    .select(['id', 'kind', 'dueOn'])
    .where('caseId', '=', caseId)
    .where('materialIndex', '=', index)
    .where('supersededAt', 'is', null)
    .executeTakeFirst();

/**
 * Puts a file, promise or paper original in for a material, on the locked case and after `allowed`
 * agrees with what stands now. What stood before is kept as history (superseded, never deleted); a
 * promise replaced by the material is fulfilled.
 */
async function record(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  index: number,
  row: NewEntry,
  allowed: (c: CaseState, current: Current | undefined, today: string) => void,
): Promise<string> {
  const at = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId);
    const current = await currentEntry(trx, caseId, index);
    allowed(c, current, beijingDate(at));
    return recordLocked(trx, actor, caseId, index, row, current, at);
  });
}

/** The applicant's file for a material: before acceptance, or for an open 容缺 promise until its due date. */
export async function uploadMaterial(
  deps: CasesDeps,
  actor: Actor,
  {
    caseId,
    index,
    bytes,
    declaredType,
  }: { caseId: string; index: number; bytes: Buffer; declaredType: string | undefined },
) {
  const { c, material, current } = await caseAndMaterial(deps, caseId, index, (k) => requireApplicant(actor, k));
  // Checked before the bytes are stored, and again as they are recorded.
  const at = deps.now();
  requireUploadAllowed(c, material.name, current, beijingDate(at));
  const check = checkUpload(bytes, declaredType, { maxBytes: deps.uploadMaxBytes });
  if (!check.ok)
    throw invalid(check.code, check.message, [{ field: 'body', code: check.code, message: check.message }]);
  const stored = await deps.files.put(bytes, { contentType: check.contentType });
  const entry: NewEntry = {
    name: material.name,
    kind: 'upload',
    fileKey: stored.key,
    contentType: stored.contentType,
    size: stored.size,
  };
  // The usual upload: one statement, written only if the case and the material are as just checked;
  // otherwise (a concurrent step meanwhile) the locked path checks again on what stands then.
  const id =
    (await recordGuarded(deps.db, actor, caseId, index, entry, { status: c.status, current }, at)) ??
    (await record(deps, actor, caseId, index, entry, (k, now, today) =>
      requireUploadAllowed(k, material.name, now, today),
    ));
  return { materialId: id, contentType: stored.contentType, size: stored.size, sha256: stored.sha256 };
}

/** 容缺受理: a written promise to bring a non-essential material later (due TOLERANCE_DAYS working days after acceptance). */
export async function promiseMaterial(
  deps: CasesDeps,
  actor: Actor,
  { caseId, index, promise }: { caseId: string; index: number; promise: string },
) {
  const { material } = await caseAndMaterial(deps, caseId, index, (k) => requireApplicant(actor, k));
  if (material.necessity !== 'deferrable') {
    throw conflict('CASES.NOT_DEFERRABLE', {
      zh: `「${material.name}」不是容缺后补材料，须当时提交`,
      en: `"${material.name}" cannot be brought later`,
    });
  }
  return {
    materialId: await record(
      deps,
      actor,
      caseId,
      index,
      { name: material.name, kind: 'promise', reference: promise },
      requireBeforeAcceptance,
    ),
  };
}

/**
 * 窗口代录: the paper originals a walk-in resident handed over, recorded on the case just filed in the
 * caller's transaction (so filing, originals and acceptance stand or fall together).
 */
export async function recordCounterOriginals(
  trx: Db,
  actor: Actor,
  caseId: string,
  item: Item,
  indexes: readonly number[],
  note: string,
  at: Date,
): Promise<void> {
  for (const index of new Set(indexes)) {
    const material = item.materials[index];
    if (!material)
      throw notFound('CASES.NO_SUCH_MATERIAL', { zh: '该事项没有这项材料', en: 'The item has no such material' }, [], {
        index,
      });
    await recordLocked(
      trx,
      actor,
      caseId,
      index,
      { name: material.name, kind: 'paper', reference: note },
      await currentEntry(trx, caseId, index),
      at,
    );
  }
}

/** 窗口收件: the window records a paper original it received at the counter (a walk-in resident's, or one brought in person). */
export async function receivePaperMaterial(
  deps: CasesDeps,
  actor: Actor,
  { caseId, index, note }: { caseId: string; index: number; note: string },
) {
  const { material } = await caseAndMaterial(deps, caseId, index, (k) => requireWindow(actor, k));
  return {
    materialId: await record(
      deps,
      actor,
      caseId,
      index,
      { name: material.name, kind: 'paper', ...(note ? { reference: note } : {}) },
      requireBeforeAcceptance,
    ),
  };
}
