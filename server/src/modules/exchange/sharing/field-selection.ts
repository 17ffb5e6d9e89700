/**
 * Field selection (数据项选择): which data items of a resource a query may return. A query names the
 * items it wants (or none: every granted item); each must exist in the resource and be covered by
 * the grant. Nothing outside the answer of `selectFields` ever leaves `pickFields`.
 */

/** A data item's key as queries name it: `birthDate`, `householdRole`. */
export const FIELD_KEY = /^[a-z][A-Za-z0-9]{0,63}$/;

export type FieldSelection =
  | { ok: true; fields: string[] }
  /** `fields`: the offending names, in the order asked. */
  | { ok: false; problem: 'unknown' | 'not-granted'; fields: string[] };

/**
 * The items a query returns: the requested ones (deduplicated), or every granted item when none
 * are requested, in the resource's own order. Unknown names are reported before ungranted ones.
 */
export function selectFields(
  resourceFields: readonly string[],
  granted: readonly string[],
  requested?: readonly string[],
): FieldSelection {
  const known = new Set(resourceFields);
  const allowed = new Set(granted.filter((f) => known.has(f)));
  const asked = requested && requested.length > 0 ? [...new Set(requested)] : undefined;
  if (!asked) return { ok: true, fields: resourceFields.filter((f) => allowed.has(f)) };
  const unknown = asked.filter((f) => !known.has(f));
  if (unknown.length) return { ok: false, problem: 'unknown', fields: unknown };
  const refused = asked.filter((f) => !allowed.has(f));
  if (refused.length) return { ok: false, problem: 'not-granted', fields: refused };
  const wanted = new Set(asked);
  return { ok: true, fields: resourceFields.filter((f) => wanted.has(f)) };
}

/** A new object holding only `fields` of `record` (own properties only; absent ones as null). */
export function pickFields(
  record: Readonly<Record<string, unknown>>,
  fields: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const f of fields) out[f] = Object.hasOwn(record, f) ? record[f] : null;
  return { ...out };
}
