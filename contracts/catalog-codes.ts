/**
 * Code lists without zod, so that the web app can show names without loading the schemas.
 * GB/T 39046-2020 Annex A.
 */
/** 数量限制 of a guide that sets none: the default value, shown in the reader's language. */
export const NO_QUANTITY_LIMIT = '无数量限制';

export type ItemTypeCode = '00' | '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '20';

/** 事项类型 names. */
export const ITEM_TYPE_NAMES: Record<ItemTypeCode, { zh: string; en: string }> = {
  '00': { zh: '行政权力', en: 'Administrative power' },
  '01': { zh: '行政许可', en: 'Administrative licensing' },
  '02': { zh: '行政处罚', en: 'Administrative penalty' },
  '03': { zh: '行政强制', en: 'Administrative enforcement' },
  '04': { zh: '行政征收', en: 'Administrative levy' },
  '05': { zh: '行政给付', en: 'Administrative payment' },
  '06': { zh: '行政检查', en: 'Administrative inspection' },
  '07': { zh: '行政确认', en: 'Administrative confirmation' },
  '08': { zh: '行政奖励', en: 'Administrative reward' },
  '09': { zh: '行政裁决', en: 'Administrative adjudication' },
  '10': { zh: '其他行政权力', en: 'Other administrative power' },
  '20': { zh: '公共服务', en: 'Public service' },
};
