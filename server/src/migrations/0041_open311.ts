import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * Open311 GeoReport v2: complaints and suggestions filed by registered API clients (a city's
 * 12345 hotline app, a 311 tool) have no resident account behind them — the client that filed
 * them is recorded instead — and keep where the problem is (the request's location).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `ALTER TABLE supervision.complaint ALTER COLUMN complainant_person_id DROP NOT NULL`,
    `ALTER TABLE supervision.complaint ADD COLUMN filed_by_client text`,
    `ALTER TABLE supervision.complaint ADD CONSTRAINT complaint_filed_by
       CHECK ((complainant_person_id IS NULL) <> (filed_by_client IS NULL))`,
    `CREATE SCHEMA IF NOT EXISTS open311`,
    `CREATE TABLE open311.request (
       complaint_id uuid PRIMARY KEY,
       reference text NOT NULL UNIQUE,
       client_id text NOT NULL,
       service_code text NOT NULL,
       lat double precision CHECK (lat BETWEEN -90 AND 90),
       long double precision CHECK (long BETWEEN -180 AND 180),
       address text CHECK (length(address) <= 250),
       requested_at timestamptz NOT NULL
     )`,
    `CREATE INDEX request_by_time ON open311.request (requested_at DESC)`,
  ]);
}
