/**
 * The application form as the wizard renders it: each property of the item's JSON Schema becomes
 * a field with its input kind, limits and whether it is required — the same facts the server
 * validates with, so that the checks here mirror its own.
 */
import type { PersonMe } from '../../identity';
import type { FormSchema, FormValues, SchemaProperty } from './api';

export type FieldKind =
  | 'string'
  | 'text'
  | 'number'
  | 'boolean'
  | 'choice'
  | 'date'
  | 'idNumber'
  | 'creditCode'
  | 'phone'
  | 'region';

export interface FormField {
  key: string;
  label: string;
  help?: string;
  kind: FieldKind;
  required: boolean;
  options?: string[];
  min?: number;
  max?: number;
}

const KIND_BY_FORMAT: Record<NonNullable<SchemaProperty['format']>, FieldKind> = {
  date: 'date',
  'id-number': 'idNumber',
  'credit-code': 'creditCode',
  mobile: 'phone',
  'region-code': 'region',
};

/** Longest single-line text the catalogue gives a `string` field; anything longer is a `text` (multi-line) field. */
const SINGLE_LINE_MAX = 200;

function kindOf(p: SchemaProperty): FieldKind {
  if (p.type === 'number') return 'number';
  if (p.type === 'boolean') return 'boolean';
  if (p.enum) return 'choice';
  if (p.format) return KIND_BY_FORMAT[p.format];
  return (p.maxLength ?? 0) > SINGLE_LINE_MAX ? 'text' : 'string';
}

export function fieldsOf(schema: FormSchema): FormField[] {
  const required = new Set(schema.required);
  return Object.entries(schema.properties).map(([key, p]) => ({
    key,
    label: p.title,
    help: p.description,
    kind: kindOf(p),
    required: required.has(key),
    options: p.enum,
    min: p.minimum,
    max: p.type === 'number' ? p.maximum : p.maxLength,
  }));
}

/** What the form sends: trimmed text, identifiers in upper case, and no empty optional fields (the schema has no nulls). */
export function formData(fields: readonly FormField[], values: FormValues): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    let v = values[f.key];
    if (typeof v === 'string') {
      v = v.trim();
      if (f.kind === 'idNumber' || f.kind === 'creditCode') v = (v as string).toUpperCase();
    }
    if (v === undefined || v === null || v === '') continue;
    out[f.key] = v;
  }
  return out;
}

/** Names of the enterprise in forms that ask for it (经营者名称, 企业名称). */
const ENTERPRISE_NAME_KEYS = new Set(['operatorName', 'companyName']);

/**
 * Facts the platform already knows, for empty fields: the name and credit code of the enterprise
 * the person acts for. (The person's own identifiers come masked from /api/me and are never pre-filled.)
 */
export function prefill(fields: readonly FormField[], me: PersonMe): FormValues {
  const enterprise = me.actingFor;
  if (!enterprise) return {};
  const out: FormValues = {};
  for (const f of fields) {
    if (ENTERPRISE_NAME_KEYS.has(f.key)) out[f.key] = enterprise.name;
    else if (f.kind === 'creditCode' && f.key === 'creditCode') out[f.key] = enterprise.creditCode;
  }
  return out;
}
