import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 数据通, the sharing part: the data-resource catalogue (政务信息资源目录), sharing grants (共享授权),
 * the hash-chained access log (its own chain in lanes, see the exchange README), external client
 * systems, life events (生命周期事件) with their subscriptions, department inboxes and webhook
 * deliveries. The population registry learns the household status (户籍状态) a death cancels.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `ALTER TABLE exchange.person ADD COLUMN household_status text NOT NULL DEFAULT 'registered' CHECK (household_status IN ('registered', 'cancelled'))`,
    `CREATE INDEX person_household_member ON exchange.person (household_id, household_role)`,

    `CREATE TABLE exchange.resource (
       code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]*\\.[a-z][a-z_]*$'),
       name text NOT NULL,
       description text NOT NULL DEFAULT '',
       owner_department_id uuid NOT NULL,
       owner_region_code text NOT NULL,
       subject_kind text NOT NULL CHECK (subject_kind IN ('person', 'enterprise')),
       fields jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'array'),
       sharing_class text NOT NULL CHECK (sharing_class IN ('unconditional', 'conditional', 'not_shared')),
       update_frequency text NOT NULL CHECK (update_frequency IN ('realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly')),
       source text CHECK (source IN ('person', 'household', 'legal_entity')),
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX resource_owner ON exchange.resource (owner_department_id)`,

    `CREATE TABLE exchange.sharing_grant (
       id uuid PRIMARY KEY,
       resource_code text NOT NULL REFERENCES exchange.resource (code),
       consumer_department_id uuid NOT NULL,
       consumer_region_code text NOT NULL,
       owner_department_id uuid NOT NULL,
       owner_region_code text NOT NULL,
       fields text[] NOT NULL CHECK (cardinality(fields) > 0),
       purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
       legal_basis text NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 500),
       status text NOT NULL CHECK (status IN ('pending', 'approved', 'refused', 'revoked')),
       requested_by text NOT NULL,
       requested_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL,
       decided_by text,
       decided_at timestamptz,
       decision_note text
     )`,
    `CREATE INDEX sharing_grant_consumer ON exchange.sharing_grant (consumer_department_id, status)`,
    `CREATE INDEX sharing_grant_owner ON exchange.sharing_grant (owner_department_id, status)`,

    // The access log: append-only, hash-chained in lanes; each lane's head holds its last seq and hash.
    `CREATE TABLE exchange.access_head (
       lane smallint PRIMARY KEY CHECK (lane >= 0),
       seq bigint NOT NULL CHECK (seq >= 0),
       hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
     )`,
    `INSERT INTO exchange.access_head (lane, seq, hash) SELECT l, 0, repeat('0', 64) FROM generate_series(0, 15) AS l`,
    `CREATE TABLE exchange.access_log (
       lane smallint NOT NULL,
       seq bigint NOT NULL CHECK (seq > 0),
       at timestamptz NOT NULL,
       consumer_department_id uuid NOT NULL,
       client_id text,
       officer_id text NOT NULL,
       officer_kind text NOT NULL,
       purpose text NOT NULL,
       resource_code text NOT NULL,
       grant_id uuid,
       subject_kind text NOT NULL CHECK (subject_kind IN ('person', 'enterprise')),
       subject_key text NOT NULL,
       fields text[] NOT NULL,
       prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
       hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
       PRIMARY KEY (lane, seq)
     )`,
    `CREATE INDEX access_log_subject ON exchange.access_log (subject_kind, subject_key, at)`,
    `CREATE FUNCTION exchange.access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
     END
     $$`,
    `CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON exchange.access_log
       FOR EACH STATEMENT EXECUTE FUNCTION exchange.access_log_refuse_change()`,
    `CREATE FUNCTION exchange.access_head_advance() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF NEW.lane <> OLD.lane OR NEW.seq <= OLD.seq THEN
         RAISE EXCEPTION 'access_head may only move forward' USING ERRCODE = 'insufficient_privilege';
       END IF;
       RETURN NEW;
     END
     $$`,
    `CREATE TRIGGER access_head_forward_only BEFORE UPDATE ON exchange.access_head
       FOR EACH ROW EXECUTE FUNCTION exchange.access_head_advance()`,
    `CREATE TRIGGER access_head_kept BEFORE DELETE OR TRUNCATE ON exchange.access_head
       FOR EACH STATEMENT EXECUTE FUNCTION exchange.access_log_refuse_change()`,

    // Department systems outside Tongban: an OAuth client of the identity provider, acting for one department.
    `CREATE TABLE exchange.client (
       client_id text PRIMARY KEY,
       name text NOT NULL,
       department_id uuid NOT NULL,
       region_code text NOT NULL,
       rate_per_minute integer NOT NULL CHECK (rate_per_minute BETWEEN 1 AND 100000),
       registered_by text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       disabled_at timestamptz
     )`,

    `CREATE TABLE exchange.life_event (
       id uuid PRIMARY KEY,
       type text NOT NULL CHECK (type IN ('birth', 'death', 'marriage', 'divorce', 'relocation', 'enterprise_established', 'enterprise_cancelled')),
       occurred_on date NOT NULL,
       region_code text NOT NULL,
       person_ids uuid[] NOT NULL DEFAULT '{}',
       credit_code text,
       notice_enc text NOT NULL,
       recording_department_id uuid NOT NULL,
       recorded_by text NOT NULL,
       recorded_by_kind text NOT NULL,
       source_reference text NOT NULL CHECK (length(source_reference) BETWEEN 1 AND 200),
       recorded_at timestamptz NOT NULL,
       UNIQUE (recording_department_id, source_reference)
     )`,
    `CREATE TABLE exchange.subscription (
       id uuid PRIMARY KEY,
       department_id uuid NOT NULL,
       region_code text NOT NULL,
       event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
       channel text NOT NULL CHECK (channel IN ('inbox', 'webhook')),
       url text,
       secret_enc text,
       active boolean NOT NULL DEFAULT true,
       created_by text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       CHECK ((channel = 'webhook') = (url IS NOT NULL AND secret_enc IS NOT NULL))
     )`,
    `CREATE INDEX subscription_active ON exchange.subscription (active)`,
    `CREATE TABLE exchange.inbox_item (
       id uuid PRIMARY KEY,
       event_id uuid NOT NULL REFERENCES exchange.life_event (id),
       subscription_id uuid NOT NULL REFERENCES exchange.subscription (id),
       department_id uuid NOT NULL,
       region_code text NOT NULL,
       created_at timestamptz NOT NULL,
       acknowledged_at timestamptz,
       acknowledged_by text,
       UNIQUE (event_id, subscription_id)
     )`,
    `CREATE INDEX inbox_item_department ON exchange.inbox_item (department_id, created_at)`,
    `CREATE TABLE exchange.webhook_delivery (
       event_id uuid NOT NULL REFERENCES exchange.life_event (id),
       subscription_id uuid NOT NULL REFERENCES exchange.subscription (id),
       state text NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
       attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
       next_attempt_at timestamptz,
       last_status integer,
       last_error text,
       delivered_at timestamptz,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (event_id, subscription_id)
     )`,
    `CREATE INDEX webhook_delivery_due ON exchange.webhook_delivery (next_attempt_at) WHERE state = 'pending'`,
  ]);
}
