/**
 * Text PostgreSQL can store. A `text` value may not hold the NUL character, and a lone UTF-16
 * surrogate (half of a pair, which JSON and URL decoding let through) cannot be encoded as UTF-8:
 * either makes the database refuse the whole statement.
 */

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

/** `s` without NULs, each lone surrogate replaced by U+FFFD (for logs of what people typed). */
export function storableText(s: string): string {
  return s.replace(UNSTORABLE_ALL, (c) => (c === '\u0000' ? '' : '\uFFFD'));
}

/**
 * The path of the first string (value or object key) in `value` that PostgreSQL cannot store, as
 * segments from `value` itself; undefined when every string is storable. Binary data (an
 * uploaded file's Buffer) is bytes, not text, and is not looked into.
 */
export function findUnstorableText(value: unknown, path: string[] = [], depth = 0): string[] | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : path;
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (!isStorableText(key)) return [...path, storableText(key)];
    const found = findUnstorableText(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}
