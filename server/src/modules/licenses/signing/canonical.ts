/**
 * The canonical form of a licence's content (签名原文): JSON with object keys sorted by their
 * UTF-16 code units at every level (as RFC 8785 JCS sorts them), no insignificant whitespace,
 * every string and key in Unicode NFC (so 「é」 typed as one code point or as e + ◌́ signs the same),
 * `undefined` members dropped, dates as ISO 8601 text. Only finite numbers are allowed. The bytes
 * are its UTF-8 encoding: what the issuer signs and every verifier recomputes.
 */
export type CanonicalValue =
  | string
  | number
  | boolean
  | null
  | Date
  | undefined
  | CanonicalValue[]
  | { [key: string]: CanonicalValue };

function serialise(v: CanonicalValue): string {
  if (v === null) return 'null';
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v.normalize('NFC'));
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v)) throw new Error('canonical form: numbers must be finite');
      return JSON.stringify(v);
    case 'object': {
      if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : serialise(x))).join(',')}]`;
      const entries = Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => [k.normalize('NFC'), x] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (let i = 1; i < entries.length; i++)
        if (entries[i]![0] === entries[i - 1]![0])
          throw new Error(`canonical form: duplicate key after normalisation: ${entries[i]![0]}`);
      return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${serialise(x)}`).join(',')}}`;
    }
    default:
      throw new Error(`canonical form: unsupported value ${typeof v}`);
  }
}

export const canonicalJson = (v: CanonicalValue): string => serialise(v);
export const canonicalBytes = (v: CanonicalValue): Buffer => Buffer.from(serialise(v), 'utf8');
