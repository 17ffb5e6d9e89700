/**
 * The learning loop: a thumbs-down puts the question on the catalogue team's list (declined ones are
 * there already); a catalogue administrator maps a question to an item or a synonym, or dismisses it.
 */
import type { QuestionList, QuestionMapping, QuestionRow } from '../../../../contracts/assistant.js';
import { appendAudit, auditEntry } from '../../platform/audit/index.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { CATALOG_ADMIN, writeSynonym } from '../catalog/index.js';
import type { AssistantDeps } from './assistant.deps.js';
import { findConversation } from './conversations.repository.js';
import { normaliseQuestion, readQuestion } from './question.js';
import {
  findQuestion,
  listQuestions,
  recordQuestion,
  updateQuestion,
  type QuestionRecord,
} from './questions.repository.js';

const answerNotFound = () =>
  notFound('ASSISTANT.ANSWER_NOT_FOUND', {
    zh: '找不到这条回答（会话可能已结束）',
    en: 'No such answer (the conversation may have ended)',
  });

/** A person's thumbs up or down on the conversation's last answer; a thumbs-down lists its question. */
export async function giveFeedback(
  deps: AssistantDeps,
  actor: Actor,
  input: { conversationId: string; answerId: string; helpful: boolean },
): Promise<void> {
  const person = actor.kind === 'person' && actor.id ? actor.id : null;
  const c = await findConversation(deps.db, input.conversationId, deps.now());
  if (!c || c.personId !== person || c.lastAnswerId !== input.answerId || !c.lastQuestion) throw answerNotFound();
  if (input.helpful || c.lastDeclined) return;
  await recordQuestion(
    deps.db,
    {
      question: c.lastQuestion,
      normalised: normaliseQuestion(c.lastQuestion),
      service: normaliseQuestion(readQuestion(c.lastQuestion, await deps.catalog.regionNames()).service),
      reason: 'unhelpful',
      itemCode: c.itemCode,
      itemName: c.itemName,
    },
    deps.now(),
  );
}

function requireCatalogAdmin(actor: Actor): void {
  if (actor.kind !== 'staff' || !actor.roles.includes(CATALOG_ADMIN)) {
    throw forbidden('ASSISTANT.CATALOG_ADMIN_ONLY', {
      zh: '仅事项管理员可以查看和处理客服未解答的问题',
      en: "Only catalogue administrators see and map the assistant's unanswered questions",
    });
  }
}

const rowOf = (q: QuestionRecord): QuestionRow => ({
  id: q.id,
  question: q.question,
  reason: q.reason,
  item: q.itemCode && q.itemName ? { code: q.itemCode, name: q.itemName } : null,
  count: q.count,
  lastAskedAt: q.lastAskedAt,
  status: q.status,
  mappedItem: q.mappedBasicCode && q.mappedItemName ? { basicCode: q.mappedBasicCode, name: q.mappedItemName } : null,
  mappedSynonym: q.mappedSynonym,
});

export async function listUnanswered(
  deps: AssistantDeps,
  actor: Actor,
  query: { status: QuestionRecord['status']; limit: number },
): Promise<QuestionList> {
  requireCatalogAdmin(actor);
  return { questions: (await listQuestions(deps.db, query.status, query.limit)).map(rowOf) };
}

/**
 * Maps a listed question to an item (answered with it from now on) or a synonym, or dismisses it;
 * audited, as every change to what residents are answered (the question's words stay out of the
 * log: a resident may have typed anything into them).
 */
export async function mapQuestion(
  deps: AssistantDeps,
  actor: Actor,
  id: string,
  mapping: QuestionMapping,
  ip?: string,
): Promise<QuestionRow> {
  requireCatalogAdmin(actor);
  const q = await findQuestion(deps.db, id);
  if (!q) throw notFound('ASSISTANT.QUESTION_NOT_FOUND', { zh: '没有这个问题', en: 'No such question' });
  const at = { mappedBy: actor.id, mappedAt: deps.now() };
  const audit = (trx: Db, action: string, detail: Record<string, string>) =>
    appendAudit(
      trx,
      auditEntry(actor, action, { targetType: 'assistant.question', targetId: id, ip: ip ?? null, detail }),
      deps.auditKey,
    );
  if ('itemCode' in mapping) {
    const item = await deps.catalog.guide(mapping.itemCode);
    const row = await deps.db.transaction().execute(async (trx) => {
      await audit(trx, 'assistant.question-mapped', { basicCode: item.basicCode, itemCode: item.code });
      return updateQuestion(trx, id, {
        status: 'mapped',
        mappedBasicCode: item.basicCode,
        mappedItemName: item.name,
        mappedSynonym: null,
        ...at,
      });
    });
    deps.catalog.forgetMappings();
    return rowOf(row);
  }
  if ('synonym' in mapping) {
    // Synonyms serve the whole province: only its provincial administrators change them (as in the catalogue).
    if ((actor.regionScope ?? '').length > 2) {
      throw forbidden('CATALOG.PROVINCE_ONLY', {
        zh: '同义词全省通用，仅省级事项管理员可修改',
        en: 'Synonyms serve the whole province: only provincial catalogue administrators can change them',
      });
    }
    const row = await deps.db.transaction().execute(async (trx) => {
      // The synonym is audited as one set in the console (with what it replaced), the question as mapped to it.
      await writeSynonym(trx, deps.auditKey, actor, { ...mapping.synonym, ip });
      await audit(trx, 'assistant.question-mapped', { synonym: mapping.synonym.term });
      return updateQuestion(trx, id, {
        status: 'mapped',
        mappedBasicCode: null,
        mappedItemName: null,
        mappedSynonym: mapping.synonym.term,
        ...at,
      });
    });
    deps.search.invalidate();
    return rowOf(row);
  }
  const row = await deps.db.transaction().execute(async (trx) => {
    await audit(trx, 'assistant.question-dismissed', {});
    return updateQuestion(trx, id, {
      status: 'dismissed',
      mappedBasicCode: null,
      mappedItemName: null,
      mappedSynonym: null,
      ...at,
    });
  });
  return rowOf(row);
}
