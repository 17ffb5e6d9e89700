/**
 * Drafts (草稿): an application saved before it is complete, one per applicant (and enterprise
 * acted for) and item; submitting the application removes it. Drafts are not validated beyond size;
 * their personal fields are encrypted like a case's (form-store.ts).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../../platform/context.js';
import { notFound, unauthorized } from '../../../platform/errors.js';
import type { Db } from '../../../platform/db/index.js';
import type { CasesDeps } from '../cases.deps.js';
import { kq } from '../cases.tables.js';
import { openForm, sealForm } from './form-store.js';

function owner(actor: Actor): { personId: string; enterpriseId: string | null } {
  if (actor.kind !== 'person' || !actor.id)
    throw unauthorized('AUTH.REQUIRED', { zh: '请先登录', en: 'Sign-in required' });
  return { personId: actor.id, enterpriseId: actor.actingFor?.enterpriseId ?? null };
}

const mine = (db: Db, o: { personId: string; enterpriseId: string | null }) => {
  const q = kq(db).selectFrom('cases.draft').where('applicantPersonId', '=', o.personId);
  return o.enterpriseId
    ? q.where('applicantEnterpriseId', '=', o.enterpriseId)
    : q.where('applicantEnterpriseId', 'is', null);
};

export async function saveDraft(
  deps: CasesDeps,
  actor: Actor,
  { itemCode, form }: { itemCode: string; form: Record<string, unknown> },
): Promise<{ updatedAt: Date }> {
  const o = owner(actor);
  const { item } = await deps.processes.get(itemCode); // the item must exist and be published
  const updatedAt = deps.now();
  const stored = sealForm(deps.cipher, [item.form], form);
  await sql`
    INSERT INTO cases.draft (id, applicant_person_id, applicant_enterprise_id, item_code, form, form_enc, updated_at)
    VALUES (${randomUUID()}, ${o.personId}, ${o.enterpriseId}, ${itemCode}, ${stored.form}::jsonb, ${stored.formEnc}, ${updatedAt})
    ON CONFLICT (applicant_person_id, COALESCE(applicant_enterprise_id, '00000000-0000-0000-0000-000000000000'::uuid), item_code)
    DO UPDATE SET form = EXCLUDED.form, form_enc = EXCLUDED.form_enc, updated_at = EXCLUDED.updated_at`.execute(
    deps.db,
  );
  return { updatedAt };
}

export async function listDrafts(deps: CasesDeps, actor: Actor) {
  return mine(deps.db, owner(actor))
    .select(['itemCode', 'updatedAt'])
    .orderBy('updatedAt', 'desc')
    .limit(100)
    .execute();
}

export async function getDraft(deps: CasesDeps, actor: Actor, itemCode: string) {
  const d = await mine(deps.db, owner(actor))
    .select(['itemCode', 'form', 'formEnc', 'updatedAt'])
    .where('itemCode', '=', itemCode)
    .executeTakeFirst();
  if (!d) throw notFound('CASES.NO_DRAFT', { zh: '没有该事项的草稿', en: 'No draft for this item' });
  return { itemCode: d.itemCode, form: openForm(deps.cipher, d), updatedAt: d.updatedAt };
}

export async function deleteDraft(deps: CasesDeps, actor: Actor, itemCode: string): Promise<void> {
  const o = owner(actor);
  let q = kq(deps.db)
    .deleteFrom('cases.draft')
    .where('applicantPersonId', '=', o.personId)
    .where('itemCode', '=', itemCode);
  q = o.enterpriseId
    ? q.where('applicantEnterpriseId', '=', o.enterpriseId)
    : q.where('applicantEnterpriseId', 'is', null);
  await q.execute();
}
