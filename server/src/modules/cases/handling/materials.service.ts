/**
 * 申办一袋: the materials of an application. For each material of the item's guide the applicant
 * uploads a file (PDF, JPEG, PNG or OFD, checked by its bytes, not its name), or — for a material
 * marked 容缺后补 — promises in writing to bring it later. Staff in scope read them; every read of
 * an applicant's file by staff is in the audit chain.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/context.js';
import { appendAudit } from '../../../platform/audit/index.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { checkUpload } from '../../../platform/storage/index.js';
import type { CasesDeps } from '../cases.deps.js';
import { kq } from '../cases.tables.js';
import { appendCaseEvent } from '../process/events.js';
import { caseNotFound, requireApplicant } from './access.js';
import { findVisibleCase, STATUS_ZH } from './load.js';
import { filledOnline } from './reuse.service.js';

const OPEN_FOR_MATERIALS = ['submitted', 'awaiting_supplement'] as const;

async function caseForApplicant(deps: CasesDeps, actor: Actor, caseId: string, index: number) {
  const c = await kq(deps.db).selectFrom('cases.case').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c) throw caseNotFound(caseId);
  requireApplicant(actor, c);
  if (!(OPEN_FOR_MATERIALS as readonly string[]).includes(c.status)) {
    throw conflict('CASES.MATERIALS_CLOSED', { zh: `办件「${STATUS_ZH[c.status]}」，不能再更改材料`, en: `The case is ${c.status}; its materials can no longer change` }, [], { status: c.status, version: c.version });
  }
  const { item } = await deps.processes.get(c.itemCode);
  const material = item.materials[index];
  if (!material) throw notFound('CASES.NO_SUCH_MATERIAL', { zh: '该事项没有这项材料', en: 'The item has no such material' }, [], { index });
  return { c, material };
}

async function record(deps: CasesDeps, actor: Actor, caseId: string, index: number, row: { name: string; kind: 'upload' | 'promise'; fileKey?: string; contentType?: string; size?: number; reference?: string }): Promise<string> {
  const id = randomUUID();
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    // A new file or promise replaces what stood for this material before.
    await kq(trx).deleteFrom('cases.material').where('caseId', '=', caseId).where('materialIndex', '=', index).execute();
    await kq(trx)
      .insertInto('cases.material')
      .values({ id, caseId, materialIndex: index, name: row.name, kind: row.kind, fileKey: row.fileKey ?? null, contentType: row.contentType ?? null, size: row.size ?? null, reference: row.reference ?? null, addedBy: actor.id!, addedAt: at })
      .execute();
    await appendCaseEvent(trx, { caseId, actor, type: row.kind === 'promise' ? 'material-promised' : 'material-added', from: null, to: null, at, detail: { index, name: row.name, ...(row.size ? { size: row.size, contentType: row.contentType } : {}) } });
  });
  return id;
}

export async function uploadMaterial(deps: CasesDeps, actor: Actor, caseId: string, index: number, bytes: Buffer, declaredType: string | undefined) {
  const { material } = await caseForApplicant(deps, actor, caseId, index);
  const check = checkUpload(bytes, declaredType, { maxBytes: deps.uploadMaxBytes });
  if (!check.ok) throw invalid(check.code, check.message, [{ field: 'body', code: check.code, message: check.message }]);
  const stored = await deps.files.put(bytes, { contentType: check.contentType });
  const id = await record(deps, actor, caseId, index, { name: material.name, kind: 'upload', fileKey: stored.key, contentType: stored.contentType, size: stored.size });
  return { materialId: id, contentType: stored.contentType, size: stored.size, sha256: stored.sha256 };
}

/** 容缺受理: a written promise to bring a non-essential material later. */
export async function promiseMaterial(deps: CasesDeps, actor: Actor, caseId: string, index: number, promise: string) {
  const { material } = await caseForApplicant(deps, actor, caseId, index);
  if (material.necessity !== 'deferrable') {
    throw conflict('CASES.NOT_DEFERRABLE', { zh: `「${material.name}」不是容缺后补材料，须当时提交`, en: `"${material.name}" cannot be brought later` });
  }
  return { materialId: await record(deps, actor, caseId, index, { name: material.name, kind: 'promise', reference: promise }) };
}

/** The bag: every material of the guide and what stands for it (or that it is missing). */
export async function listMaterials(deps: CasesDeps, actor: Actor, caseId: string) {
  const c = await findVisibleCase(deps.db, actor, caseId);
  const { item } = await deps.processes.get(c.itemCode);
  const rows = await kq(deps.db).selectFrom('cases.material').select(['id', 'materialIndex', 'kind', 'contentType', 'size', 'reference', 'addedAt']).where('caseId', '=', c.id).execute();
  const materials = item.materials.map((m, index) => {
    const provided = rows.find((r) => r.materialIndex === index);
    if (!provided && filledOnline(item, m)) {
      // The application form, filled in online: submitted with the case itself.
      return { index, name: m.name, necessity: m.necessity, form: m.form, provided: { id: null, kind: 'form' as const, contentType: null, size: null, promise: null, addedAt: c.submittedAt } };
    }
    return { index, name: m.name, necessity: m.necessity, form: m.form, provided: provided ? { id: provided.id, kind: provided.kind, contentType: provided.contentType, size: provided.size, promise: provided.kind === 'promise' ? provided.reference : null, addedAt: provided.addedAt } : null };
  });
  const missing = materials.filter((m) => m.necessity === 'required' && !m.provided).map((m) => m.name);
  return { materials, missingRequired: missing };
}

/** A file of the bag, for its applicant or staff in scope (staff reads are audited). */
export async function readMaterialFile(deps: CasesDeps, actor: Actor, caseId: string, materialId: string, meta: { ip?: string }) {
  const c = await findVisibleCase(deps.db, actor, caseId);
  const m = await kq(deps.db).selectFrom('cases.material').selectAll().where('id', '=', materialId).where('caseId', '=', c.id).where('kind', '=', 'upload').executeTakeFirst();
  const bytes = m?.fileKey ? await deps.files.get(m.fileKey) : undefined;
  if (!m || !bytes) throw notFound('CASES.NO_SUCH_FILE', { zh: '材料文件不存在', en: 'No such file' });
  if (actor.kind === 'staff') {
    await appendAudit(deps.db, { at: deps.now(), actorId: actor.id, actorKind: actor.kind, onBehalfOf: null, action: 'cases.material-read', targetType: 'case', targetId: c.id, ip: meta.ip ?? null, reason: null, detail: { material: m.name } }, deps.auditKey);
  }
  return { bytes, contentType: m.contentType!, name: m.name };
}
