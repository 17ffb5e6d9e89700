/**
 * Which written decision a case gets. Only a 行政许可 (事项类型 01) is decided by a 准予/不予行政许可
 * 决定书 numbered 许〔年〕…号 (行政许可法 第三十八条); every other type — 行政确认, 行政给付, 公共服务 … —
 * is answered by a 办结通知书 (or 不予办理通知书) that never speaks of a licence. Refusing to accept an
 * application is a 不予受理决定书 for a licence and a 不予受理通知书 otherwise.
 */
import type { ItemTypeCode } from '../../../../../contracts/catalog-codes.js';

export type Decision = 'approved' | 'refused' | 'not_accepted';

export interface DecisionKind {
  title: string;
  /** Before 〔year〕 in the document number. */
  prefix: string;
  licensing: boolean;
}

const LICENSING: Record<Decision, DecisionKind> = {
  approved: { title: '准予行政许可决定书', prefix: '许', licensing: true },
  refused: { title: '不予行政许可决定书', prefix: '不许', licensing: true },
  not_accepted: { title: '不予受理决定书', prefix: '不受', licensing: true },
};

const OTHER: Record<Decision, DecisionKind> = {
  approved: { title: '办结通知书', prefix: '办', licensing: false },
  refused: { title: '不予办理通知书', prefix: '不办', licensing: false },
  not_accepted: { title: '不予受理通知书', prefix: '不受', licensing: false },
};

/** A case filed before the type was recorded (and whose item is gone) keeps the licensing documents it always had. */
export function decisionKind(decision: Decision, itemType: ItemTypeCode | null): DecisionKind {
  return (itemType === null || itemType === '01' ? LICENSING : OTHER)[decision];
}
