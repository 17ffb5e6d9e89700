import { useTranslation } from 'react-i18next';
import { ITEM_TYPE_NAMES, type ItemTypeCode as ItemType } from '../../../../contracts/catalog-codes';

/** 事项类型 name in the UI language (GB/T 39046 code list from the contract). */
export function useItemTypeName(): (type: ItemType) => string {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'zh';
  return (type) => ITEM_TYPE_NAMES[type]?.[lang] ?? type;
}
