/**
 * 同义词: a colloquial term answered by the standard terms items use. Set by provincial catalogue
 * administrators (from the console, or in one click from a zero-result query of the big-data
 * centre's 需求分析, or 智能客服's list of unanswered questions); every change is audited with what
 * it replaced.
 */
import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { appendAudit, auditEntry } from '../../../platform/audit/index.js';
import { cq } from '../catalog.tables.js';
import { upsertSynonym } from '../lists.repository.js';

export async function setSynonym(
  deps: { db: Db; auditKey: Buffer },
  actor: Actor,
  input: { term: string; expansions: string[]; ip?: string },
): Promise<{ term: string; expansions: string[] }> {
  return deps.db.transaction().execute((trx) => writeSynonym(trx, deps.auditKey, actor, input));
}

/** `setSynonym` inside the caller's transaction (智能客服's learning list maps a question to one). */
export async function writeSynonym(
  trx: Db,
  auditKey: Buffer,
  actor: Actor,
  input: { term: string; expansions: string[]; ip?: string },
): Promise<{ term: string; expansions: string[] }> {
  const before = await cq(trx)
    .selectFrom('catalog.synonym')
    .select('expansions')
    .where('term', '=', input.term)
    .executeTakeFirst();
  await upsertSynonym(trx, input.term, input.expansions);
  await appendAudit(
    trx,
    auditEntry(actor, 'catalog.synonym-set', {
      targetType: 'catalog.synonym',
      targetId: input.term,
      ip: input.ip ?? null,
      detail: { before: before?.expansions ?? null, after: input.expansions },
    }),
    auditKey,
  );
  return { term: input.term, expansions: input.expansions };
}
