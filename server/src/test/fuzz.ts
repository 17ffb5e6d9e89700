/**
 * Requests generated from the OpenAPI document: for each operation a plausible request built from
 * its schemas (known ids where a parameter names one), then one or two places replaced by hostile
 * values — NUL, lone surrogates, huge and negative numbers, wrong types, overlong text, odd keys.
 * Deterministic: a seeded fast-check generator.
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  minimum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

export interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: JsonSchema }[];
  body?: JsonSchema;
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: unknown;
  /** Where the hostile value went, for the failure report. */
  mutated: string;
}

/** Every operation of an OpenAPI 3.1 document. */
export function operationsOf(doc: {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Operation['parameters']; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }
    >
  >;
}): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content?.['application/json']?.schema,
    })),
  );
}

const HOSTILE_TEXT = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\u0000',
  'a'.repeat(5000),
  '',
  ' ',
  "' OR 1=1 --",
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '%00',
  '${7*7}',
  '𠀀😀',
  '-1',
  '1e400',
  'NaN',
  '9999-99-99',
  '2026-02-30',
  '99999999999999999999999',
];
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_TEXT,
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  [],
  {},
  [null],
  { '\u0000': 1 },
  { ['\uD800']: 'x' },
  JSON.parse('{"__proto__":{"admin":true}}'),
  { constructor: { prototype: {} } },
];

const anyValue = fc.constantFrom(...HOSTILE_VALUES);
const anyText = fc.constantFrom(...HOSTILE_TEXT);

/** A plausible value for a schema, with `known` values for names that identify records. */
function plausible(
  schema: JsonSchema | undefined,
  name: string,
  known: Record<string, string[]>,
  pick: <T>(xs: T[]) => T,
  depth = 0,
): unknown {
  if (!schema || depth > 6) return 'a';
  if (known[name]?.length) return pick(known[name]!);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return pick(schema.enum);
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants?.length) return plausible(pick(variants), name, known, pick, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || pick([true, false]))
          out[key] = plausible(inner, key, known, pick, depth + 1);
      }
      return out;
    }
    case 'array':
      return [plausible(schema.items, name, known, pick, depth + 1)];
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return pick([true, false]);
    case 'string':
      if (schema.format === 'uuid')
        return pick(['00000000-0000-4000-8000-000000000000', '6f1c2b1e-3c3d-4e4f-8a9b-0c1d2e3f4a5b']);
      if (schema.format === 'date') return '2026-05-01';
      if (schema.format === 'date-time') return '2026-05-01T08:00:00.000Z';
      return 'a'.repeat(Math.max(schema.minLength ?? 1, 1));
    default:
      return 'a';
  }
}

/** Replaces the value at a random place of `value` (a leaf, a key, or the whole). */
function mutate(value: unknown, hostile: unknown, pick: <T>(xs: T[]) => T, path = ''): { value: unknown; at: string } {
  if (value !== null && typeof value === 'object' && pick([true, true, false])) {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (entries.length > 0) {
      const [key, inner] = pick(entries);
      if (!Array.isArray(value) && typeof hostile === 'string' && pick([false, false, true])) {
        const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
        delete copy[key];
        copy[hostile] = inner;
        return { value: copy, at: `${path}{key}` };
      }
      const inside = mutate(inner, hostile, pick, `${path}.${key}`);
      const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
        ? [...value]
        : { ...(value as Record<string, unknown>) };
      (copy as Record<string, unknown>)[key] = inside.value;
      return { value: copy, at: inside.at };
    }
  }
  return { value: hostile, at: path || '(whole)' };
}

/** Percent-encoding that also carries lone surrogates (as the 3 bytes a sloppy encoder would send). */
function encode(v: unknown): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  return s.replace(/[\s\S]/gu, (c) => {
    const unit = c.charCodeAt(0);
    if (c.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    }
    return encodeURIComponent(c);
  });
}

/** `count` requests for one operation, deterministic in `seed`. */
export function requestsFor(
  op: Operation,
  known: Record<string, string[]>,
  seed: number,
  count: number,
): FuzzRequest[] {
  const choices = fc.sample(
    fc.tuple(fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), anyValue, anyText, fc.nat({ max: 99 })),
    { seed, numRuns: count },
  );
  return choices.map(([dice, hostileValue, hostileText, roll]) => {
    let d = 0;
    const pick = <T>(xs: T[]): T => xs[dice[d++ % dice.length]! % xs.length]!;
    const path: Record<string, unknown> = {};
    const query: Record<string, unknown> = {};
    const headers: Record<string, string> = { 'idempotency-key': `fuzz-${seed}-${roll}-${dice[0]}` };
    for (const p of op.parameters) {
      const v = plausible(p.schema, p.name, known, pick);
      if (p.in === 'path') path[p.name] = v;
      else if (p.in === 'query' && (p.required || pick([true, false]))) query[p.name] = v;
    }
    let payload = op.body ? plausible(op.body, '', known, pick) : undefined;
    // Where the hostile value goes: a path parameter, a query parameter, or the body.
    const places = [
      ...Object.keys(path).map((k) => `path:${k}`),
      ...op.parameters.filter((p) => p.in === 'query').map((p) => `query:${p.name}`),
      ...(op.body ? ['body', 'body', 'body'] : []),
    ];
    let mutated = 'nothing';
    if (places.length > 0) {
      const place = pick(places);
      const [where, name] = place.split(':') as [string, string | undefined];
      if (where === 'path') path[name!] = pick([hostileText, hostileValue]);
      else if (where === 'query') query[name!] = pick([hostileText, hostileValue]);
      else {
        const m = mutate(payload, hostileValue, pick);
        payload = m.value;
        mutated = `body${m.at}`;
      }
      if (where !== 'body') mutated = place;
    }
    const url =
      op.path.replace(/\{(\w+)\}/g, (_, name: string) => encode(path[name])) +
      (Object.keys(query).length
        ? `?${Object.entries(query)
            .map(([k, v]) => `${encodeURIComponent(k)}=${encode(v)}`)
            .join('&')}`
        : '');
    return { method: op.method, url, headers, ...(payload === undefined ? {} : { payload }), mutated };
  });
}
