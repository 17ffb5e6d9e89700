import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * Standalone audit appends are written in batches (platform/audit: one transaction and one lock of
 * the head for the entries of concurrent callers), so the head may now move past several entries at
 * once — but only onto entries already appended: every seq between the old head and the new one
 * present, the last with the head's hash. One step at a time is allowed as before (the single
 * append writes the row and the head in one statement, where the row is not yet visible to this
 * trigger). The head still never moves back, skips, or goes away.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE OR REPLACE FUNCTION platform.audit_head_advance() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF NEW.seq = OLD.seq + 1 THEN
         RETURN NEW;
       END IF;
       IF NEW.seq > OLD.seq + 1
          AND (SELECT count(*) FROM platform.audit_log WHERE seq > OLD.seq AND seq <= NEW.seq) = NEW.seq - OLD.seq
          AND EXISTS (SELECT 1 FROM platform.audit_log WHERE seq = NEW.seq AND hash = NEW.hash) THEN
         RETURN NEW;
       END IF;
       RAISE EXCEPTION 'audit_head may only advance by one, or onto the entries just appended (% to % refused)', OLD.seq, NEW.seq
         USING ERRCODE = 'insufficient_privilege';
     END
     $$`,
  ]);
}
