/**
 * The condition expression language used in BPMN `conditionExpression`s and 秒批 rules: a
 * conjunction of comparisons on dotted form-field paths, with JSON literals.
 *
 *   ${business.area > 100 && business.kind in ["food", "drink"] && !business.chain}
 *
 *   expr    := cond ("&&" cond)*
 *   cond    := path                       truthy
 *            | "!" path                   falsy
 *            | path ("=="|"!=") scalar     eq / ne (string, number, true, false)
 *            | path (">"|">="|"<"|"<=") number
 *            | path "in" "[" [item ("," item)*] "]"    item: string or number
 *
 * The `${…}` wrapper is optional on input. Each operator takes only the value that fits it, so a
 * parsed condition always passes `valueFitsOp`.
 */
import type { Condition } from '../../../../../contracts/cases.js';

/** The `language` URI written on BPMN formal expressions. */
export const EXPRESSION_LANGUAGE = 'https://tongban.gov.cn/bpmn/condition';

const CMP: Partial<Record<Condition['op'], string>> = { eq: '==', ne: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' };
const OP_BY_SYMBOL = new Map(Object.entries(CMP).map(([op, sym]) => [sym, op as Condition['op']]));

const literal = (v: string | number | boolean): string => (Object.is(v, -0) ? '-0' : JSON.stringify(v));

function formatOne(c: Condition): string {
  switch (c.op) {
    case 'truthy':
      return c.field;
    case 'falsy':
      return `!${c.field}`;
    case 'in': {
      const items = Array.isArray(c.value) ? c.value : [];
      return `${c.field} in [${items.map(literal).join(', ')}]`;
    }
    default: {
      const v = c.value;
      if (v === undefined || Array.isArray(v)) throw new Error(`condition ${c.field} ${c.op} has no scalar value`);
      return `${c.field} ${CMP[c.op]} ${literal(v)}`;
    }
  }
}

/** `${a > 1 && !b}`. The conditions must fit their operators (see `valueFitsOp`). */
export function formatConditions(conditions: readonly Condition[]): string {
  return `\${${conditions.map(formatOne).join(' && ')}}`;
}

type Token = {
  kind: 'path' | 'op' | 'punct' | 'string' | 'number' | 'bool';
  text: string;
  value?: string | number | boolean;
};

const TOKEN =
  /\s*(?:(?<string>"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*")|(?<number>-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)|(?<op>&&|==|!=|>=|<=|>|<|!)|(?<punct>[[\],])|(?<path>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*))/y;

function tokenize(src: string): Token[] | string {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m?.groups) return `unexpected character at ${pos}`;
    pos = TOKEN.lastIndex;
    const g = m.groups;
    if (g.string !== undefined) tokens.push({ kind: 'string', text: g.string, value: JSON.parse(g.string) as string });
    else if (g.number !== undefined) {
      const n = Number(g.number);
      if (!Number.isFinite(n)) return `number out of range: ${g.number}`;
      tokens.push({ kind: 'number', text: g.number, value: n });
    } else if (g.op !== undefined) tokens.push({ kind: 'op', text: g.op });
    else if (g.punct !== undefined) tokens.push({ kind: 'punct', text: g.punct });
    else if (g.path !== undefined) tokens.push({ kind: 'path', text: g.path });
  }
  return tokens;
}

/**
 * Parses an expression back into conditions, or returns a short English reason. Words such as
 * `true` or `in` are paths where a path is expected and keywords elsewhere.
 */
export function parseConditions(source: string): { ok: true; conditions: Condition[] } | { ok: false; reason: string } {
  let src = source.trim();
  if (src.startsWith('${') && src.endsWith('}')) src = src.slice(2, -1);
  const tokens = tokenize(src);
  if (typeof tokens === 'string') return { ok: false, reason: tokens };
  let i = 0;
  const peek = () => tokens[i];
  const fail = (reason: string) => ({ ok: false as const, reason });
  const scalar = (t: Token | undefined): t is Token & { value: string | number | boolean } =>
    !!t &&
    (t.kind === 'string' || t.kind === 'number' || (t.kind === 'path' && (t.text === 'true' || t.text === 'false')));
  const scalarValue = (t: Token & { value?: unknown }) => (t.kind === 'path' ? t.text === 'true' : t.value);

  const conditions: Condition[] = [];
  for (;;) {
    let t = tokens[i++];
    if (!t) return fail('expected a field path');
    if (t.kind === 'op' && t.text === '!') {
      t = tokens[i++];
      if (t?.kind !== 'path') return fail('expected a field path after !');
      conditions.push({ field: t.text, op: 'falsy' });
    } else if (t.kind === 'path') {
      const field = t.text;
      const next = peek();
      if (!next || (next.kind === 'op' && next.text === '&&')) {
        conditions.push({ field, op: 'truthy' });
      } else if (next.kind === 'path' && next.text === 'in') {
        i++;
        if (tokens[i++]?.text !== '[') return fail('expected [ after in');
        const items: (string | number)[] = [];
        if (peek()?.text === ']') i++;
        else
          for (;;) {
            const item = tokens[i++];
            if (item?.kind !== 'string' && item?.kind !== 'number') return fail('a list holds strings and numbers');
            items.push(item.value as string | number);
            const sep = tokens[i++];
            if (sep?.text === ']') break;
            if (sep?.text !== ',') return fail('expected , or ]');
          }
        conditions.push({ field, op: 'in', value: items });
      } else if (next.kind === 'op' && OP_BY_SYMBOL.has(next.text)) {
        i++;
        const op = OP_BY_SYMBOL.get(next.text)!;
        const v = tokens[i++];
        if (op === 'eq' || op === 'ne') {
          if (!scalar(v)) return fail(`expected a string, number or boolean after ${next.text}`);
          conditions.push({ field, op, value: scalarValue(v) as string | number | boolean });
        } else {
          if (v?.kind !== 'number') return fail(`expected a number after ${next.text}`);
          conditions.push({ field, op, value: v.value as number });
        }
      } else return fail(`unexpected ${next.text}`);
    } else return fail(`unexpected ${t.text}`);

    const sep = tokens[i++];
    if (!sep) break;
    if (sep.text !== '&&') return fail(`expected && instead of ${sep.text}`);
  }
  if (conditions.length === 0) return fail('empty expression');
  return { ok: true, conditions };
}
