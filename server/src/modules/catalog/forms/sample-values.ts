/**
 * 示例样表: the values a filled-in sample of a form shows — each field's own `example`, or a
 * made-up value of its kind that passes the same checks as a real one (check digits included),
 * so that the sample never teaches a wrong format.
 */
import type { FormField } from '../../../../../contracts/catalog.js';
import { makeCreditCode, makeIdNumber } from '../../../platform/validators/index.js';

const NAMES = ['张晓明', '李秀英', '王建国', '刘芳', '陈志强', '杨丽'];

function sampleOf(f: FormField, i: number): unknown {
  if (f.example !== undefined) return f.example;
  switch (f.type) {
    case 'idNumber':
      return makeIdNumber('520102', `19${80 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`, 100 + i);
    case 'creditCode':
      return makeCreditCode('9', '1', '520102', `MA6${String(1000 + i).padStart(5, '0')}`.slice(0, 8));
    case 'phone':
      return `1385101${String(1000 + i).slice(-4)}`;
    case 'date':
      return '2026-12-01';
    case 'region':
      return '520102';
    case 'choice':
      return f.options?.[0] ?? '';
    case 'boolean':
      return true;
    case 'number':
      return Math.min(f.max ?? Number.MAX_SAFE_INTEGER, Math.max(f.min ?? 0, 1));
    default:
      return f.personal === 'name' ? NAMES[i % NAMES.length]! : `示例${f.label}`.slice(0, f.max ?? 200);
  }
}

/** A complete, valid sample of a form (every field filled, the optional ones too). */
export function sampleValues(fields: readonly FormField[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f, i) => [f.key, sampleOf(f, i)]));
}
