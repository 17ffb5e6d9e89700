/**
 * Application forms (申请表): an item's field list becomes a JSON Schema (2020-12) that the portal
 * renders and the server validates applications with — identifiers by their check digits, phones,
 * region codes, dates that exist.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { FormField } from '../../../../../contracts/catalog.js';
import type { FieldError } from '../../../platform/errors.js';
import { isValidCreditCode, isValidIdNumber, isValidRegionCode } from '../../../platform/validators/index.js';

/** What kind of personal data a field holds (`x-personal` in its JSON Schema), if any: ID-number and phone fields always. */
export function personalKind(f: Pick<FormField, 'type' | 'personal'>): FormField['personal'] {
  return f.personal ?? (f.type === 'idNumber' ? 'id' : f.type === 'phone' ? 'phone' : undefined);
}

/**
 * The keys of a form that may be stored in clear: declared by one of the forms and personal in
 * none. Everything else a form holds — personal fields, and keys no form declares — is encrypted.
 */
export function clearFormKeys(forms: readonly (readonly FormField[])[]): Set<string> {
  const all = forms.flat();
  const personal = new Set(all.filter((f) => personalKind(f)).map((f) => f.key));
  return new Set(all.filter((f) => !personal.has(f.key)).map((f) => f.key));
}

const FORMAT: Record<string, string> = {
  date: 'date',
  idNumber: 'id-number',
  creditCode: 'credit-code',
  phone: 'mobile',
  region: 'region-code',
};

/** The JSON Schema of a form (keywords common to draft-07 and 2020-12): an object of the fields, closed to others. */
export function jsonSchemaOf(fields: readonly FormField[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const f of fields) {
    const personal = personalKind(f);
    const base = {
      title: f.label,
      ...(f.help ? { description: f.help } : {}),
      ...(f.unit ? { 'x-unit': f.unit } : {}),
      ...(f.example !== undefined ? { examples: [f.example] } : {}),
      ...(personal ? { 'x-personal': personal } : {}),
    };
    switch (f.type) {
      case 'number':
        properties[f.key] = {
          ...base,
          type: 'number',
          ...(f.min !== undefined ? { minimum: f.min } : {}),
          ...(f.max !== undefined ? { maximum: f.max } : {}),
        };
        break;
      case 'boolean':
        properties[f.key] = { ...base, type: 'boolean' };
        break;
      case 'choice':
        properties[f.key] = { ...base, type: 'string', enum: f.options ?? [] };
        break;
      case 'string':
      case 'text':
        properties[f.key] = {
          ...base,
          type: 'string',
          minLength: f.required ? 1 : 0,
          maxLength: f.max ?? (f.type === 'text' ? 2000 : 200),
        };
        break;
      default:
        properties[f.key] = { ...base, type: 'string', format: FORMAT[f.type] };
    }
  }
  return {
    type: 'object',
    properties,
    required: fields.filter((f) => f.required).map((f) => f.key),
    additionalProperties: false,
  };
}

const ajv = new Ajv({ allErrors: true, strict: true, validateFormats: true })
  .addKeyword({ keyword: 'x-personal', schemaType: 'string' })
  .addKeyword({ keyword: 'x-unit', schemaType: 'string' })
  .addFormat(
    'date',
    (s: string) =>
      /^\d{4}-\d{2}-\d{2}$/.test(s) &&
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
  )
  .addFormat('id-number', (s: string) => isValidIdNumber(s))
  .addFormat('credit-code', (s: string) => isValidCreditCode(s))
  .addFormat('mobile', /^1[3-9]\d{9}$/)
  .addFormat('region-code', (s: string) => isValidRegionCode(s));

const compiled = new Map<string, ValidateFunction>();

function message(e: ErrorObject, fields: readonly FormField[]): { zh: string; en: string } {
  const key = (e.instancePath.split('/')[1] ??
    (e.params as { missingProperty?: string }).missingProperty ??
    '') as string;
  const label = fields.find((f) => f.key === key)?.label ?? key;
  switch (e.keyword) {
    case 'required':
      return { zh: `请填写「${label}」`, en: `${label} is required` };
    case 'format':
      return { zh: `「${label}」格式不正确或校验位不符`, en: `${label} is not valid` };
    case 'enum':
      return { zh: `「${label}」须为给定选项之一`, en: `${label} must be one of the choices` };
    case 'additionalProperties':
      return {
        zh: `表单中没有「${(e.params as { additionalProperty: string }).additionalProperty}」这一项`,
        en: `Unknown field ${(e.params as { additionalProperty: string }).additionalProperty}`,
      };
    case 'maxLength':
    case 'maximum':
      return { zh: `「${label}」超出允许范围`, en: `${label} is too long or too large` };
    case 'minLength':
    case 'minimum':
      return { zh: `「${label}」不能为空或过小`, en: `${label} is empty or too small` };
    default:
      return { zh: `「${label}」填写有误`, en: `${label} is invalid` };
  }
}

/**
 * 备注: the one field of an item without an application form. Such an item takes remarks and
 * nothing else, so that no undeclared data (personal or not) is filed under no label.
 */
export const REMARKS_FIELD: FormField = {
  key: 'remarks',
  label: '备注',
  type: 'text',
  required: false,
  max: 2000,
  help: '需要向受理窗口说明的其他情况',
};

/** The fields an application for the item may hold: its form, or remarks only when it has none. */
export const fieldsOfForm = (fields: readonly FormField[]): readonly FormField[] =>
  fields.length ? fields : [REMARKS_FIELD];

/** Field-error code of a key that the item's form does not declare. */
export const UNKNOWN_FIELD = 'CASES.FORM_UNKNOWN_FIELD';

/**
 * Every problem of an application's form data, as field errors (`form.<key>`). An item without a
 * form takes `remarks` only; any other key is an unknown field.
 */
export function validateApplicationForm(declared: readonly FormField[], data: unknown): FieldError[] {
  const fields = fieldsOfForm(declared);
  const cacheKey = JSON.stringify(fields);
  let validate = compiled.get(cacheKey);
  if (!validate) {
    validate = ajv.compile(jsonSchemaOf(fields));
    if (compiled.size > 2_000) compiled.clear();
    compiled.set(cacheKey, validate);
  }
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => {
    const key =
      e.keyword === 'required'
        ? (e.params as { missingProperty: string }).missingProperty
        : e.keyword === 'additionalProperties'
          ? (e.params as { additionalProperty: string }).additionalProperty
          : (e.instancePath.split('/')[1] ?? '');
    const code = e.keyword === 'additionalProperties' ? UNKNOWN_FIELD : 'CASES.FORM_INVALID';
    return { field: `form.${key}`, code, message: message(e, fields) };
  });
}
