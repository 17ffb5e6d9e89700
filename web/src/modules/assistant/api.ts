import type { AskAnswer, AskInput, QuestionList, QuestionMapping, QuestionRow } from '../../../../contracts/assistant';
import type { Wire } from '../../../../contracts/wire';
import { getJson, sendJson } from '../../app/http';

export type { AskAnswer, Aspect, GuideSection, NextAction } from '../../../../contracts/assistant';

export const askAssistant = (input: AskInput) => sendJson<AskAnswer>('POST', '/api/assistant/ask', input);
export const rateAnswer = (input: { conversationId: string; answerId: string; helpful: boolean }) =>
  sendJson<void>('POST', '/api/assistant/feedback', input);

export type { QuestionRow, QuestionMapping } from '../../../../contracts/assistant';

export const listQuestions = (status: 'open' | 'mapped' | 'dismissed', signal?: AbortSignal) =>
  getJson<Wire<QuestionList>>('/api/admin/assistant/questions', { status }, signal).then((r) => r.questions);
export const mapQuestion = (id: string, mapping: QuestionMapping) =>
  sendJson<Wire<QuestionRow>>('POST', `/api/admin/assistant/questions/${id}/mapping`, mapping);
/** Services whose name matches, for mapping a question to one (the catalogue's public search). */
export const findServices = (q: string, signal?: AbortSignal) =>
  getJson<{ items: { code: string; name: string; region: { name: string } }[] }>(
    '/api/catalog/search',
    { q, pageSize: 10 },
    signal,
  ).then((r) => r.items);
