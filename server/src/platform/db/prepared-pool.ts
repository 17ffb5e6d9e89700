/**
 * Prepared statements on a PostgreSQL server: every data statement Kysely sends is named by a hash
 * of its text, so each connection parses and plans it once and then only binds and executes (the
 * extended protocol's named statements). Names come from the text itself, so one name never stands
 * for two statements. A connection stops preparing new statements after `PER_CONNECTION` of them
 * (statements with IN-lists of many lengths must not grow the server's memory without bound);
 * transaction control, DDL and anything with more than one command run unnamed as before.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

const PER_CONNECTION = 2000;
const DATA_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;

type Client = pg.PoolClient & { preparedNames?: Set<string> };

/** Statement names by text, remembered for the process (hashing every statement's text cost ~1.5 % of a busy server). */
const names = new Map<string, string>();
function nameOf(text: string): string {
  let name = names.get(text);
  if (name) return name;
  name = `k${createHash('sha1').update(text).digest('hex')}`;
  if (names.size >= 10 * PER_CONNECTION) names.clear();
  names.set(text, name);
  return name;
}

function prepareNamed(client: Client): Client {
  if (client.preparedNames) return client;
  const names = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.preparedNames = names;
  (client as { query: unknown }).query = (text: unknown, values?: unknown) => {
    if (typeof text !== 'string' || !Array.isArray(values) || !DATA_STATEMENT.test(text)) return query(text, values);
    const name = nameOf(text);
    if (!names.has(name)) {
      if (names.size >= PER_CONNECTION) return query(text, values);
      names.add(name);
    }
    return query({ name, text, values });
  };
  return client;
}

/** The pool as Kysely's PostgresDialect sees it: connections that prepare what they run. */
export function preparedStatementsPool(pool: pg.Pool): pg.Pool {
  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'connect') return async () => prepareNamed((await target.connect()) as Client);
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
