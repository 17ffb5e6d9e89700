/**
 * 智能客服 in the portal: the chat panel the app frame shows on every portal page (lazily), the
 * quick-question chips a guide page offers, the catalogue team's list of unanswered questions (a
 * section of 管理后台), and the module's strings.
 */
import { lazy } from 'react';

export const AssistantPanel = lazy(() => import('./AssistantPanel'));
/** 客服未解答问题, a section of 管理后台 for catalogue administrators. */
export const AssistantQuestionsPage = lazy(() => import('./QuestionsPage'));
export { QuestionChips } from './QuestionChips';
export { assistantZhCN, type AssistantMessages } from './locales/zh-CN';
export { assistantEn } from './locales/en';
