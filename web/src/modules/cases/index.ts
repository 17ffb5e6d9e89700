/**
 * 审批服务系统, the resident's side: applying (申办), 我的办件, a case with its result, 全程一码 — and
 * the case pieces the staff workbench shows too. What the router and other modules may use;
 * nothing else of this folder is imported from outside it.
 */
import { lazy } from 'react';

export const MyCasesPage = lazy(() => import('./MyCasesPage'));
export const MyCasePage = lazy(() => import('./MyCasePage'));
export const TrackPage = lazy(() => import('./TrackPage'));
export const ApplyPage = lazy(() => import('./apply/ApplyPage'));
/** 一件事: a theme applied for as one application, with one tracking code. */
export const ThemeApplyPage = lazy(() =>
  import('./forms/theme/ThemeApplyPage').then((m) => ({ default: m.ThemeApplyPage })),
);

/** The case API's calls (the workbench's steps go through them too). */
export * as casesApi from './api';
export type { CaseDetail } from './api';
export { approveAnotherNotice, overduePromises, type CompletenessBag } from './completeness/api';
export {
  useCase,
  useCaseStep,
  useDelivery,
  useMaterials,
  useRectifications,
  useTaskQueue,
  useWindowQueue,
} from './queries';
export { byUrgency, deadlineTone } from './model';
export { CaseCard, CaseClockFacts, DeadlineBadge, DeadlineLegend, isConflict, StatusBadge } from './CaseBits';
export { AcceptanceReceiptLink } from './AcceptanceReceipt';
export { DecisionLink } from './CaseResults';
export { DeliveryFacts } from './DeliveryFacts';
export { FeesList } from './FeesList';
export { MaterialsSection } from './MaterialsSection';
export { CaseEvents, taskLabel } from './view/CaseEvents';
export { CaseLicences } from './view/CaseLicences';
export { FormView } from './view/FormView';
export { AutoDecision } from './view/AutoDecision';
export { fieldsOf, formData } from './apply/formFields';
export { newIdempotencyKey, useFormSchema } from './apply/queries';
export { SchemaField } from './apply/SchemaField';
export { useHeldMaterials } from './guide/useHeldMaterials';

export { casesZhCN, type CasesMessages } from './locales/zh-CN';
export { casesEn } from './locales/en';
export { caseViewZhCN, type CaseViewMessages } from './view/locales/zh-CN';
export { caseViewEn } from './view/locales/en';
export { completenessZhCN, type CompletenessMessages } from './completeness/locales/zh-CN';
export { completenessEn } from './completeness/locales/en';
export { formsZhCN, type FormsMessages } from './forms/locales/zh-CN';
export { formsEn } from './forms/locales/en';
