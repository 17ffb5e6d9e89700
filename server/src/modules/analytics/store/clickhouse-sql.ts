/**
 * The store's DuckDB SQL (`store-sql.ts`, `demand-sql.ts`) as ClickHouse runs it: one text of each
 * question, translated mechanically, so both engines answer the same questions. `lead() OVER`,
 * `::INTEGER`/`::DOUBLE` casts, CTEs and `count(DISTINCT …)` are the same in both.
 */

type Param = string | number | boolean | null;

/** The index just past the parenthesis that closes the one opened at `open`. */
function closing(sql: string, open: number): number {
  let depth = 0;
  for (let i = open; i < sql.length; i++) {
    if (sql[i] === "'") i = sql.indexOf("'", i + 1);
    else if (sql[i] === '(') depth++;
    else if (sql[i] === ')' && --depth === 0) return i + 1;
  }
  throw new Error('unbalanced parentheses in analytics SQL');
}

/** `agg(args) FILTER (WHERE cond)` → ClickHouse's `-If` combinator: `aggIf(args, cond)`. */
function filters(sql: string): string {
  const re = /\b(count|sum|avg|max|min|quantile_disc)\(/g;
  let out = '';
  let at = 0;
  for (let m = re.exec(sql); m; m = re.exec(sql)) {
    const open = m.index + m[1]!.length;
    const end = closing(sql, open);
    const after = /^\s*FILTER\s*\(WHERE\s+/i.exec(sql.slice(end));
    if (!after) continue;
    const filterOpen = end + after[0].indexOf('(');
    const filterEnd = closing(sql, filterOpen);
    const cond = filters(sql.slice(end + after[0].length, filterEnd - 1));
    const args = filters(sql.slice(open + 1, end - 1));
    out += sql.slice(at, m.index);
    out +=
      m[1] === 'quantile_disc'
        ? `quantileExactHighIf(${args.split(',')[1]!.trim()})(${args.split(',')[0]}, ${cond})`
        : m[1] === 'count' && args === '*'
          ? `countIf(${cond})`
          : `${m[1]}If(${args}, ${cond})`;
    at = filterEnd;
    re.lastIndex = filterEnd;
  }
  return out + sql.slice(at);
}

/** ClickHouse's type of a bound value. */
const typeOf = (v: Param) =>
  v === null
    ? 'Nullable(String)'
    : typeof v === 'boolean'
      ? 'Bool'
      : typeof v === 'number'
        ? Number.isInteger(v)
          ? 'Int64'
          : 'Float64'
        : 'String';

/** Translates one statement and its positional parameters to ClickHouse's named, typed ones. */
export function toClickHouse(
  sql: string,
  params: readonly Param[] = [],
): { query: string; params: Record<string, Param> } {
  let query = filters(sql)
    .replace(/\bquantile_disc\(([^,()]+),\s*([0-9.]+)\)/g, 'quantileExactHigh($2)($1)')
    .replace(/\bstarts_with\(/g, 'startsWith(')
    .replace(/\bstrftime\(/g, 'formatDateTime(')
    .replace(/\bany_value\(/g, 'any(')
    .replace(/\bepoch_ms\(/g, 'fromUnixTimestamp64Milli(')
    // A fact table read as its latest version (ReplacingMergeTree): `FROM case_fact a` → `… AS a FINAL`.
    .replace(
      /\b(FROM|JOIN)\s+(case_fact|case_step|task_fact|rating|search_fact|search_click|complaint_fact|license_use|sharing_read)\s+([a-z])\b/g,
      '$1 $2 AS $3 FINAL',
    );
  const named: Record<string, Param> = {};
  let n = 0;
  query = query.replace(/\?/g, () => {
    const name = `p${n}`;
    named[name] = params[n]!;
    return `{${name}:${typeOf(params[n++]!)}}`;
  });
  if (n !== params.length) throw new Error(`analytics SQL has ${n} placeholders for ${params.length} values`);
  return { query, params: named };
}
