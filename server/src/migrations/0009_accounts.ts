import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * Accounts of 用户通: natural persons bound to a verified 公民身份号码, enterprises by 统一社会信用代码
 * with their legal representative and agents, sessions, SMS one-time codes, and sign-in secrets
 * for staff (password, TOTP).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `ALTER TABLE identity.staff
       ADD COLUMN password_hash text,
       ADD COLUMN totp_secret_enc text,
       ADD COLUMN failed_logins integer NOT NULL DEFAULT 0,
       ADD COLUMN locked_until timestamptz`,
    `CREATE TABLE identity.person_account (
       id uuid PRIMARY KEY,
       registry_person_id uuid NOT NULL UNIQUE,
       id_number_enc text NOT NULL,
       id_number_index text NOT NULL UNIQUE,
       name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
       phone_enc text NOT NULL,
       phone_index text NOT NULL UNIQUE,
       password_hash text NOT NULL,
       real_name_level smallint NOT NULL CHECK (real_name_level BETWEEN 1 AND 3),
       language text NOT NULL DEFAULT 'zh-CN' CHECK (language IN ('zh-CN', 'en')),
       region_code text NOT NULL,
       failed_logins integer NOT NULL DEFAULT 0,
       locked_until timestamptz,
       active boolean NOT NULL DEFAULT true,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE identity.enterprise_account (
       id uuid PRIMARY KEY,
       credit_code text NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
       name text NOT NULL,
       region_code text NOT NULL,
       created_by uuid NOT NULL REFERENCES identity.person_account (id),
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    // 法定代表人 and 经办人/委托代理人: who may act for an enterprise, in what, until when.
    `CREATE TABLE identity.enterprise_agent (
       id uuid PRIMARY KEY,
       enterprise_id uuid NOT NULL REFERENCES identity.enterprise_account (id),
       person_id uuid NOT NULL REFERENCES identity.person_account (id),
       role text NOT NULL CHECK (role IN ('legal_representative', 'agent')),
       scopes text[] NOT NULL DEFAULT '{}',
       expires_at timestamptz,
       granted_by uuid NOT NULL REFERENCES identity.person_account (id),
       granted_at timestamptz NOT NULL DEFAULT now(),
       revoked_at timestamptz,
       CHECK (role = 'legal_representative' OR expires_at IS NOT NULL)
     )`,
    `CREATE UNIQUE INDEX enterprise_agent_live ON identity.enterprise_agent (enterprise_id, person_id) WHERE revoked_at IS NULL`,
    `CREATE INDEX enterprise_agent_person ON identity.enterprise_agent (person_id) WHERE revoked_at IS NULL`,
    // Only the SHA-256 of a session token is kept.
    `CREATE TABLE identity.session (
       token_hash text PRIMARY KEY,
       subject_kind text NOT NULL CHECK (subject_kind IN ('person', 'staff')),
       subject_id uuid NOT NULL,
       acting_for uuid REFERENCES identity.enterprise_account (id),
       csrf_token text NOT NULL,
       ip text,
       user_agent text,
       created_at timestamptz NOT NULL DEFAULT now(),
       last_seen_at timestamptz NOT NULL DEFAULT now(),
       expires_at timestamptz NOT NULL,
       revoked_at timestamptz
     )`,
    `CREATE INDEX session_subject ON identity.session (subject_kind, subject_id) WHERE revoked_at IS NULL`,
    `CREATE TABLE identity.sms_code (
       id uuid PRIMARY KEY,
       phone_index text NOT NULL,
       purpose text NOT NULL CHECK (purpose IN ('register', 'sign-in')),
       code_hash text NOT NULL,
       attempts integer NOT NULL DEFAULT 0,
       created_at timestamptz NOT NULL DEFAULT now(),
       expires_at timestamptz NOT NULL,
       consumed_at timestamptz
     )`,
    `CREATE INDEX sms_code_phone ON identity.sms_code (phone_index, created_at)`,
  ]);
}
