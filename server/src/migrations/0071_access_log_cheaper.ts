import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * The hash chains' columns are checked as 64 lower-case hex digits by a length and a character
 * class instead of the regular expression `^[0-9a-f]{64}$`: the same rows pass and fail, but the
 * bounded repetition cost PostgreSQL's regex engine ~7 µs per check, and every access-log row has
 * two — 14 of the ~40 µs an append cost the database per row (`bench:exchange`, measured on
 * PostgreSQL 15 with 15-row statements: 39–45 µs a row with the expression, 26–31 µs without).
 * The platform audit chain's columns get the same checks.
 *
 * And `exchange.reads-shared` is written by the access chain itself, in the statement that appends
 * the reads (exchange/access-log), from the payload its contract types: the statement trigger of
 * 0067 read the new rows back from a transition table and built the JSON in PL/pgSQL, ~10 µs a row
 * of the database's time. The chain is the table's only writer, and the table refuses updates and
 * deletes.
 */
const HEX64 = (column: string) => `length(${column}) = 64 AND ${column} !~ '[^0-9a-f]'`;

const rechecked = (table: string, constraint: string, column: string) => [
  `ALTER TABLE ${table} DROP CONSTRAINT ${constraint}`,
  `ALTER TABLE ${table} ADD CONSTRAINT ${constraint} CHECK (${HEX64(column)})`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    ...rechecked('exchange.access_log', 'access_log_prev_hash_check', 'prev_hash'),
    ...rechecked('exchange.access_log', 'access_log_hash_check', 'hash'),
    ...rechecked('exchange.access_head', 'access_head_hash_check', 'hash'),
    ...rechecked('platform.audit_log', 'audit_log_prev_hash_check', 'prev_hash'),
    ...rechecked('platform.audit_log', 'audit_log_hash_check', 'hash'),
    ...rechecked('platform.audit_head', 'audit_head_hash_check', 'hash'),
    `DROP TRIGGER publish_reads ON exchange.access_log`,
    `DROP FUNCTION exchange.publish_reads()`,
  ]);
}
