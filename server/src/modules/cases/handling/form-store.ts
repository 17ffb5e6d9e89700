/**
 * Application forms at rest: the fields the item's form marks personal (`x-personal`: ID numbers,
 * phones, addresses, names) and any key no form declares are sealed into `form_enc` with the field
 * cipher; the rest stays in the `form` column, where process conditions read it. Reads put the
 * form together again; staff who oversee rather than handle see the personal values masked.
 */
import type { FormField } from '../../../../../contracts/catalog.js';
import type { Actor } from '../../../platform/context.js';
import { openSealedRecord, reencryptColumns, sealRecord, type FieldCipher } from '../../../platform/crypto/index.js';
import type { Db } from '../../../platform/db/index.js';
import { maskPersonal } from '../../../platform/privacy/index.js';
import { clearFormKeys, personalKind } from '../../catalog/index.js';

/** The columns of a form as stored, for one or more items' forms (a theme's bundle shares one form). */
export function sealForm(
  cipher: FieldCipher,
  forms: readonly (readonly FormField[])[],
  form: Record<string, unknown>,
): { form: string; formEnc: string | null } {
  const kinds = Object.fromEntries(forms.flat().flatMap((f) => (personalKind(f) ? [[f.key, personalKind(f)!]] : [])));
  const { clear, sealed } = sealRecord(cipher, form, clearFormKeys(forms), kinds);
  return { form: JSON.stringify(clear), formEnc: sealed };
}

/** The whole form again. */
export const openForm = (
  cipher: FieldCipher,
  row: { form: Record<string, unknown>; formEnc: string | null },
): Record<string, unknown> => openSealedRecord(cipher, row.form, row.formEnc).record;

/** Staff who handle cases (window, approvers, heads) need the values themselves; other staff in scope see them masked. */
const HANDLING_ROLES = new Set(['window_clerk', 'approver', 'department_head']);

/** The form as this reader may see it, and whether personal values were disclosed in full (staff reads are audited). */
export function formFor(
  cipher: FieldCipher,
  actor: Actor,
  row: { form: Record<string, unknown>; formEnc: string | null },
): { form: Record<string, unknown>; disclosed: boolean } {
  const { record, kinds } = openSealedRecord(cipher, row.form, row.formEnc);
  if (!row.formEnc || actor.kind !== 'staff' || actor.roles.some((r) => HANDLING_ROLES.has(r)))
    return { form: record, disclosed: Boolean(row.formEnc) };
  const sealedKeys = Object.keys(record).filter((k) => !(k in row.form));
  return {
    form: { ...record, ...Object.fromEntries(sealedKeys.map((k) => [k, maskPersonal(kinds[k], record[k])])) },
    disclosed: false,
  };
}

/** Re-encrypts the module's personal data with the current data key (key rotation). */
export async function reencryptCaseData(db: Db, cipher: FieldCipher): Promise<number> {
  let n = 0;
  for (const table of ['cases.case', 'cases.draft', 'cases.bundle'])
    n += await reencryptColumns(db, cipher, { table, key: 'id', columns: ['form_enc'] });
  return (
    n +
    (await reencryptColumns(db, cipher, {
      table: 'cases.delivery',
      key: 'case_id',
      columns: ['recipient_enc', 'phone_enc', 'address_enc'],
    }))
  );
}
