/**
 * The application forms (申请表) of the demo catalogue by exact item name: every item of the
 * themes and the most-applied items (see the catalogue README for how those are chosen). The
 * seed gives an item the form written here unless its guide has its own.
 */
import type { FormFieldInput } from '../../../../../../contracts/catalog.js';
import { BUSINESS_FORMS } from './business.js';
import { INSURANCE_FORMS } from './insurance.js';
import { PEOPLE_FORMS } from './people.js';

export const FORMS_BY_ITEM_NAME: Readonly<Record<string, readonly FormFieldInput[]>> = {
  ...PEOPLE_FORMS,
  ...INSURANCE_FORMS,
  ...BUSINESS_FORMS,
};

/** The form written for an item, or none. */
export const formOfItem = (name: string): FormFieldInput[] => [...(FORMS_BY_ITEM_NAME[name] ?? [])];
