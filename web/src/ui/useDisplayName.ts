import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName, type DisplayTable } from '../../../contracts/display-names';

/** The display name of a code in the reader's language (contracts/display-names.ts); never the code itself. */
export function useDisplayName(): (table: DisplayTable, code: string | null | undefined) => string {
  const lang = useTranslation().i18n.resolvedLanguage === 'en' ? 'en' : 'zh';
  return useCallback((table: DisplayTable, code: string | null | undefined) => displayName(table, code, lang), [lang]);
}
