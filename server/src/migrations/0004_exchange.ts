import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE SCHEMA IF NOT EXISTS exchange`,
    // 人口基础库: identifiers and phone encrypted at rest; *_index columns are keyed blind indexes.
    `CREATE TABLE exchange.person (
       id uuid PRIMARY KEY,
       id_number_enc text NOT NULL,
       id_number_index text NOT NULL UNIQUE,
       name text NOT NULL,
       sex text NOT NULL CHECK (sex IN ('male', 'female')),
       birth_date date NOT NULL,
       ethnicity text NOT NULL DEFAULT '汉族',
       region_code text NOT NULL,
       address text NOT NULL,
       household_id uuid NOT NULL,
       household_role text NOT NULL,
       marital_status text NOT NULL CHECK (marital_status IN ('unmarried', 'married', 'divorced', 'widowed')),
       alive boolean NOT NULL DEFAULT true,
       death_date date,
       disability_level smallint CHECK (disability_level BETWEEN 1 AND 4),
       phone_enc text,
       phone_index text,
       source_department text NOT NULL,
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX person_household ON exchange.person (household_id)`,
    `CREATE INDEX person_region ON exchange.person (region_code)`,
    `CREATE INDEX person_phone ON exchange.person (phone_index)`,
    // 法人基础库
    `CREATE TABLE exchange.legal_entity (
       credit_code text PRIMARY KEY,
       name text NOT NULL,
       entity_type text NOT NULL,
       legal_representative_id uuid NOT NULL REFERENCES exchange.person (id),
       status text NOT NULL CHECK (status IN ('active', 'revoked', 'cancelled')),
       industry text NOT NULL,
       business_scope text NOT NULL,
       region_code text NOT NULL,
       address text NOT NULL,
       registered_capital numeric(16, 2),
       established_on date NOT NULL,
       source_department text NOT NULL,
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX legal_entity_rep ON exchange.legal_entity (legal_representative_id)`,
    `CREATE INDEX legal_entity_region ON exchange.legal_entity (region_code)`,
  ]);
}
