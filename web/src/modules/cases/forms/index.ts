/**
 * Application forms beyond one item's wizard — a theme applied for as one (一件事申报), its one
 * tracking code on the tracking page, prefill from the registries with consent (预填). Inside the
 * cases module (it builds on the wizard's fields); the guide's 空白表格 / 示例样表 links are the
 * catalog's (`catalog/guide/FormDownloads`), with their strings in this folder's `forms` namespace.
 */
export { ThemeApplyPage } from './theme/ThemeApplyPage';
export { BundleTrack } from './track/BundleTrack';
export { PrefillPanel } from './prefill/PrefillPanel';
export { PrefilledField } from './prefill/PrefilledField';
export type { TrackedBundle } from './api';
export { formsEn } from './locales/en';
export { formsZhCN, type FormsMessages } from './locales/zh-CN';
