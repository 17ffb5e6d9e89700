import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE SCHEMA IF NOT EXISTS identity`,
    `CREATE TABLE identity.staff (
       id uuid PRIMARY KEY,
       username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
       display_name text NOT NULL,
       region_code text NOT NULL,
       department_ids uuid[] NOT NULL DEFAULT '{}',
       roles text[] NOT NULL DEFAULT '{}',
       active boolean NOT NULL DEFAULT true,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    // API tokens for staff and systems: only the SHA-256 of the token is kept.
    `CREATE TABLE identity.api_token (
       token_hash text PRIMARY KEY,
       staff_id uuid NOT NULL REFERENCES identity.staff (id),
       label text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       expires_at timestamptz,
       revoked_at timestamptz
     )`,
  ]);
}
