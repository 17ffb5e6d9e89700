/**
 * The application form as a reader sees it: the item's field list (labels, kinds, choices) beside
 * the values, so that pages label what was filed instead of showing keys. Staff see identifiers
 * see identifiers masked (脱敏) as everywhere else on screen: ID numbers and mobile numbers, whether in
 * a field of that kind or inside any other text; the applicant sees their own form in full.
 */
import type { FormField } from '../../../../../contracts/catalog.js';
import { maskPersonalText } from '../../../platform/logger.js';
import { maskIdNumber, maskPhone } from '../../../platform/privacy/index.js';

export type FormViewField = Pick<FormField, 'key' | 'label' | 'type' | 'help'> & { options?: string[] };

function maskValue(field: FormViewField | undefined, v: unknown): unknown {
  if (typeof v === 'string') {
    if (field?.type === 'idNumber') return maskIdNumber(v);
    if (field?.type === 'phone') return maskPhone(v);
    return maskPersonalText(v);
  }
  if (Array.isArray(v)) return v.map((x) => maskValue(undefined, x));
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskValue(undefined, x)]));
  return v;
}

/** `mask`: identifiers masked (every staff reader); the applicant sees the form in full. */
export function formForReader(
  fields: readonly FormField[],
  form: Record<string, unknown>,
  mask: boolean,
): { formFields: FormViewField[]; form: Record<string, unknown> } {
  const formFields = fields.map((f) => ({
    key: f.key,
    label: f.label,
    type: f.type,
    ...(f.help ? { help: f.help } : {}),
    ...(f.options ? { options: f.options } : {}),
  }));
  if (!mask) return { formFields, form };
  const byKey = new Map(formFields.map((f) => [f.key, f]));
  return {
    formFields,
    form: Object.fromEntries(Object.entries(form).map(([k, v]) => [k, maskValue(byKey.get(k), v)])),
  };
}
