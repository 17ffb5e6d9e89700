import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 证照通: issuing departments' signing keys, e-licences (电子证照) with their versions and history,
 * share codes (亮证), the holder's consents to departments (授权用证) and the use log (用证记录).
 * Holders are identified by kind and the keyed blind index of their ID number or credit code; the
 * identifier itself and the licence's data items are stored encrypted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE SCHEMA IF NOT EXISTS licenses`,
    // A department's keys: one active per algorithm; retired keys stay published for verification.
    `CREATE TABLE licenses.signing_key (
       kid text PRIMARY KEY,
       department_id uuid NOT NULL,
       alg text NOT NULL CHECK (alg IN ('Ed25519', 'SM2')),
       public_key text NOT NULL,
       private_key_enc text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       retired_at timestamptz
     )`,
    `CREATE UNIQUE INDEX signing_key_active ON licenses.signing_key (department_id, alg) WHERE retired_at IS NULL`,
    // Serial numbers per issuing department and licence type.
    `CREATE TABLE licenses.serial_seq (
       department_id uuid NOT NULL,
       type_code text NOT NULL,
       last integer NOT NULL,
       PRIMARY KEY (department_id, type_code)
     )`,
    `CREATE TABLE licenses.license (
       id uuid PRIMARY KEY,
       -- 证照标识: 1.2.156.3005.2.<type>.<issuer credit code>.<serial>.<version>.<check>
       number text NOT NULL UNIQUE,
       lineage_id uuid NOT NULL,
       version integer NOT NULL CHECK (version > 0),
       serial integer NOT NULL,
       type_code text NOT NULL,
       holder_kind text NOT NULL CHECK (holder_kind IN ('person', 'enterprise')),
       holder_index text NOT NULL,
       holder_id_enc text NOT NULL,
       holder_name text NOT NULL,
       issuer_department_id uuid NOT NULL,
       issuer_name text NOT NULL,
       issuer_credit_code text NOT NULL,
       issuer_region_code text NOT NULL,
       issued_at timestamptz NOT NULL,
       valid_from date NOT NULL,
       valid_until date,
       data_enc text NOT NULL,
       alg text NOT NULL CHECK (alg IN ('Ed25519', 'SM2')),
       kid text NOT NULL REFERENCES licenses.signing_key (kid),
       signature text NOT NULL,
       status text NOT NULL CHECK (status IN ('valid', 'suspended', 'revoked', 'superseded')),
       status_reason text,
       status_changed_at timestamptz,
       source_case_id uuid,
       previous_id uuid REFERENCES licenses.license (id),
       UNIQUE (lineage_id, version)
     )`,
    // One licence per case: a case-decided event delivered twice issues once.
    `CREATE UNIQUE INDEX license_source_case ON licenses.license (source_case_id) WHERE source_case_id IS NOT NULL`,
    `CREATE INDEX license_holder ON licenses.license (holder_index, holder_kind, type_code)`,
    `CREATE INDEX license_issuer ON licenses.license (issuer_department_id, issued_at DESC)`,
    // The licence's history, shown to its holder (every version of the lineage).
    `CREATE TABLE licenses.event (
       id bigserial PRIMARY KEY,
       lineage_id uuid NOT NULL,
       license_id uuid NOT NULL REFERENCES licenses.license (id),
       action text NOT NULL CHECK (action IN ('issued', 'suspended', 'reinstated', 'revoked', 'renewed', 'changed', 'superseded')),
       reason text,
       actor_id text,
       actor_kind text NOT NULL,
       at timestamptz NOT NULL
     )`,
    `CREATE INDEX event_lineage ON licenses.event (lineage_id, id)`,
    // 亮证: a short-lived code; only its SHA-256 is stored.
    `CREATE TABLE licenses.share_code (
       code_hash text PRIMARY KEY,
       license_id uuid NOT NULL REFERENCES licenses.license (id),
       created_by uuid NOT NULL,
       created_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL
     )`,
    // 授权用证: the holder lets a department use licences of some types for a purpose until a date.
    `CREATE TABLE licenses.consent (
       id uuid PRIMARY KEY,
       holder_kind text NOT NULL CHECK (holder_kind IN ('person', 'enterprise')),
       holder_index text NOT NULL,
       department_id uuid NOT NULL,
       type_codes text[] NOT NULL,
       purpose text NOT NULL,
       granted_by uuid NOT NULL,
       granted_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL,
       revoked_at timestamptz
     )`,
    `CREATE INDEX consent_holder ON licenses.consent (holder_index, holder_kind)`,
    // 用证记录: every use of a licence by a department, shown to the holder.
    `CREATE TABLE licenses.use_log (
       id bigserial PRIMARY KEY,
       license_id uuid NOT NULL REFERENCES licenses.license (id),
       holder_kind text NOT NULL,
       holder_index text NOT NULL,
       department_id uuid NOT NULL,
       staff_id uuid,
       case_id uuid,
       consent_id uuid REFERENCES licenses.consent (id),
       purpose text NOT NULL,
       at timestamptz NOT NULL
     )`,
    `CREATE INDEX use_log_holder ON licenses.use_log (holder_index, holder_kind, at DESC)`,
    `CREATE INDEX use_log_license ON licenses.use_log (license_id, at DESC)`,
  ]);
}
