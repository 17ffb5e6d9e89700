import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * Single sign-on (统一身份认证 OpenID Connect provider): clients registered by administrators, the
 * provider's own records (sessions, grants, codes, tokens, interactions), its signing keys
 * (encrypted at rest) and the enterprise a person acted for when signing in to each client.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE TABLE identity.oidc_client (
       client_id text PRIMARY KEY,
       name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
       redirect_uris text[] NOT NULL DEFAULT '{}',
       grant_types text[] NOT NULL,
       public boolean NOT NULL,
       secret_enc text,
       id_token_alg text NOT NULL CHECK (id_token_alg IN ('ES256', 'RS256')),
       created_by uuid NOT NULL REFERENCES identity.staff (id),
       created_at timestamptz NOT NULL DEFAULT now(),
       disabled_at timestamptz,
       CHECK (public = (secret_enc IS NULL))
     )`,
    // Everything oidc-provider persists, one row per model instance; expired rows are never read.
    `CREATE TABLE identity.oidc_payload (
       kind text NOT NULL,
       id text NOT NULL,
       payload jsonb NOT NULL,
       grant_id text,
       user_code text,
       uid text,
       expires_at timestamptz,
       consumed_at timestamptz,
       PRIMARY KEY (kind, id)
     )`,
    `CREATE INDEX oidc_payload_grant ON identity.oidc_payload (grant_id) WHERE grant_id IS NOT NULL`,
    `CREATE INDEX oidc_payload_uid ON identity.oidc_payload (kind, uid) WHERE uid IS NOT NULL`,
    `CREATE INDEX oidc_payload_user_code ON identity.oidc_payload (kind, user_code) WHERE user_code IS NOT NULL`,
    `CREATE INDEX oidc_payload_expires ON identity.oidc_payload (expires_at) WHERE expires_at IS NOT NULL`,
    // One row: the provider's signing keys as an encrypted JWK set.
    `CREATE TABLE identity.oidc_keyset (
       id text PRIMARY KEY,
       jwks_enc text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE identity.oidc_acting_for (
       client_id text NOT NULL REFERENCES identity.oidc_client (client_id),
       account_id uuid NOT NULL,
       enterprise_id uuid REFERENCES identity.enterprise_account (id),
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (client_id, account_id)
     )`,
  ]);
}
