import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * The audit log: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained
 * (each row carries a keyed hash over its fields and its predecessor's hash; see
 * platform/audit). The one-row head holds the last seq and hash: appenders lock it, so
 * concurrent appends serialise and the chain never forks, and a removed tail shows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE TABLE platform.audit_log (
       seq bigint PRIMARY KEY CHECK (seq > 0),
       at timestamptz NOT NULL,
       actor_id text,
       actor_kind text NOT NULL,
       on_behalf_of text,
       action text NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
       target_type text,
       target_id text,
       ip text,
       reason text,
       detail jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object'),
       prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
       hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
     )`,
    `CREATE INDEX audit_log_actor ON platform.audit_log (actor_id, seq)`,
    `CREATE INDEX audit_log_target ON platform.audit_log (target_type, target_id, seq)`,
    `CREATE INDEX audit_log_action ON platform.audit_log (action, seq)`,
    `CREATE INDEX audit_log_at ON platform.audit_log (at)`,
    `CREATE TABLE platform.audit_head (
       only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
       seq bigint NOT NULL CHECK (seq >= 0),
       hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
     )`,
    `INSERT INTO platform.audit_head (only_row, seq, hash) VALUES (true, 0, repeat('0', 64))`,
    `CREATE FUNCTION platform.audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
     END
     $$`,
    `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON platform.audit_log
       FOR EACH STATEMENT EXECUTE FUNCTION platform.audit_refuse_change()`,
    // The head only moves forward, one entry at a time, and is never removed.
    `CREATE FUNCTION platform.audit_head_advance() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF NEW.seq <> OLD.seq + 1 THEN
         RAISE EXCEPTION 'audit_head may only advance by one (% to % refused)', OLD.seq, NEW.seq USING ERRCODE = 'insufficient_privilege';
       END IF;
       RETURN NEW;
     END
     $$`,
    `CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON platform.audit_head
       FOR EACH ROW EXECUTE FUNCTION platform.audit_head_advance()`,
    `CREATE TRIGGER audit_head_kept BEFORE DELETE OR TRUNCATE ON platform.audit_head
       FOR EACH STATEMENT EXECUTE FUNCTION platform.audit_refuse_change()`,
  ]);
}
