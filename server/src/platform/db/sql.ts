import { sql, type Kysely } from 'kysely';

/**
 * Runs DDL statements one by one (the extended query protocol takes one statement at a time).
 * Used by migrations, which keep their SQL plain and readable.
 */
export async function execStatements(db: Kysely<unknown>, statements: string[]): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

/** Whether a database error is a unique-constraint violation (SQLSTATE 23505), on either dialect. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}
