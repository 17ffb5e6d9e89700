import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE SCHEMA IF NOT EXISTS platform`,
    `CREATE TABLE platform.outbox (
       id bigserial PRIMARY KEY,
       topic text NOT NULL,
       aggregate_type text NOT NULL,
       aggregate_id text NOT NULL,
       payload jsonb NOT NULL,
       actor_id text,
       occurred_at timestamptz NOT NULL DEFAULT now(),
       delivered_at timestamptz,
       attempts integer NOT NULL DEFAULT 0
     )`,
    `CREATE INDEX outbox_undelivered ON platform.outbox (id) WHERE delivered_at IS NULL`,
    `CREATE INDEX outbox_aggregate ON platform.outbox (aggregate_type, aggregate_id, id)`,
    `CREATE TABLE platform.calendar_override (
       date date NOT NULL,
       kind text NOT NULL CHECK (kind IN ('workday', 'holiday')),
       name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
       region_code text,
       created_by text,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    // One override per day per scope; NULL region means the whole platform.
    `CREATE UNIQUE INDEX calendar_override_day ON platform.calendar_override (date, coalesce(region_code, ''))`,
  ]);
}
