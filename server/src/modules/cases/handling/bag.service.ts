/**
 * 申办一袋, read: every material of the guide with what stands for it now, its history (replaced
 * files, fulfilled promises), a 容缺 promise's due date, and — for the window after a 补正 — the
 * notice, the applicant's reply and which entries are new since the notice. Every read of an
 * applicant's file by staff is in the audit chain.
 */
import type { Actor } from '../../../platform/context.js';
import { appendAudit } from '../../../platform/audit/index.js';
import { notFound } from '../../../platform/errors.js';
import type { CasesDeps } from '../cases.deps.js';
import { kq } from '../cases.tables.js';
import { beijingDate } from '../process/clock.js';
import { findVisibleCase } from './load.js';
import { unmetMaterials } from './completeness.js';
import { filledOnline } from './reuse.service.js';
import { supplementState } from './supplement.js';
import { isFiledBySystem } from './filed-by-system.js';

/** Whether the system itself filed the case (免申即享), read from its first `submitted` step. */
async function filedBySystem(db: CasesDeps['db'], caseId: string): Promise<boolean> {
  const first = await kq(db)
    .selectFrom('cases.event')
    .select(['type', 'actorKind'])
    .where('caseId', '=', caseId)
    .where('type', '=', 'submitted')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return isFiledBySystem(first ? [first] : []);
}

/** The bag: every material of the guide, what stands for it (or that it is missing) and what stood before. */
export async function listMaterials(deps: CasesDeps, actor: Actor, caseId: string) {
  const c = await findVisibleCase(deps.db, actor, caseId);
  const { item } = await deps.processes.get(c.itemCode);
  const rows = await kq(deps.db)
    .selectFrom('cases.material')
    .select(['id', 'materialIndex', 'kind', 'contentType', 'size', 'reference', 'addedAt', 'supersededAt', 'dueOn'])
    .where('caseId', '=', c.id)
    .orderBy('addedAt')
    .execute();
  const supplement = await supplementState(deps.db, c.id);
  const today = beijingDate(deps.now());
  const since = supplement?.requestedAt;
  const current = rows.filter((r) => r.supersededAt === null);
  const materials = item.materials.map((m, index) => {
    const provided = current.find((r) => r.materialIndex === index);
    const history = rows
      .filter((r) => r.materialIndex === index && r.supersededAt !== null)
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        contentType: r.contentType,
        size: r.size,
        addedAt: r.addedAt,
        supersededAt: r.supersededAt!,
      }));
    if (!provided && filledOnline(item, m)) {
      // The application form, filled in online: submitted with the case itself.
      return {
        index,
        name: m.name,
        necessity: m.necessity,
        form: m.form,
        provided: {
          id: null,
          kind: 'form' as const,
          contentType: null,
          size: null,
          promise: null,
          addedAt: c.submittedAt,
          dueOn: null,
          overdue: false,
          isNew: false,
        },
        history,
      };
    }
    return {
      index,
      name: m.name,
      necessity: m.necessity,
      form: m.form,
      provided: provided
        ? {
            id: provided.id,
            kind: provided.kind,
            contentType: provided.contentType,
            size: provided.size,
            promise: provided.kind === 'promise' ? provided.reference : null,
            addedAt: provided.addedAt,
            dueOn: provided.dueOn,
            overdue: provided.kind === 'promise' && provided.dueOn !== null && provided.dueOn < today,
            // New since the 一次性告知: what the applicant brought in answer to it.
            isNew: since !== undefined && provided.addedAt > since,
          }
        : null,
      history,
    };
  });
  // 免申即享: a case the system filed and decided from the registries owes no material (the policy's
  // conditions were verified there); it is never "missing" what nobody was asked for.
  if (await filedBySystem(deps.db, c.id)) return { materials, missingRequired: [], openPromises: [], supplement };
  const missingRequired = unmetMaterials(item, current, 'accept').map((u) => u.name);
  const openPromises = unmetMaterials(item, current, 'decide').filter((u) => u.reason === 'promised');
  return { materials, missingRequired, openPromises, supplement };
}

/** A file of the bag, for its applicant or staff in scope (staff reads are audited). */
export async function readMaterialFile(
  deps: CasesDeps,
  actor: Actor,
  { caseId, materialId, meta }: { caseId: string; materialId: string; meta: { ip?: string } },
) {
  const c = await findVisibleCase(deps.db, actor, caseId);
  const m = await kq(deps.db)
    .selectFrom('cases.material')
    .selectAll()
    .where('id', '=', materialId)
    .where('caseId', '=', c.id)
    .where('kind', '=', 'upload')
    .executeTakeFirst();
  const bytes = m?.fileKey ? await deps.files.get(m.fileKey) : undefined;
  if (!m || !bytes) throw notFound('CASES.NO_SUCH_FILE', { zh: '材料文件不存在', en: 'No such file' });
  if (actor.kind === 'staff') {
    await appendAudit(
      deps.db,
      {
        at: deps.now(),
        actorId: actor.id,
        actorKind: actor.kind,
        onBehalfOf: null,
        action: 'cases.material-read',
        targetType: 'case',
        targetId: c.id,
        ip: meta.ip ?? null,
        reason: null,
        detail: { material: m.name },
      },
      deps.auditKey,
    );
  }
  return { bytes, contentType: m.contentType!, name: m.name };
}
