import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE SCHEMA IF NOT EXISTS catalog`,
    // 行政区划: five levels, codes unpadded (2/4/6/9/12 digits).
    `CREATE TABLE catalog.region (
       code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?$'),
       name text NOT NULL,
       level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
       parent_code text REFERENCES catalog.region (code)
     )`,
    `CREATE INDEX region_parent ON catalog.region (parent_code)`,
    `CREATE TABLE catalog.department (
       id uuid PRIMARY KEY,
       key text NOT NULL UNIQUE,
       region_code text NOT NULL REFERENCES catalog.region (code),
       name text NOT NULL,
       short_name text NOT NULL,
       category text NOT NULL,
       credit_code text NOT NULL UNIQUE,
       address text NOT NULL DEFAULT '',
       phone text NOT NULL DEFAULT '',
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX department_region ON catalog.department (region_code)`,
    // One row per implementation (实施编码); its guide lives in versions.
    `CREATE TABLE catalog.item (
       id uuid PRIMARY KEY,
       code text NOT NULL UNIQUE,
       basic_code text NOT NULL,
       department_id uuid NOT NULL REFERENCES catalog.department (id),
       region_code text NOT NULL REFERENCES catalog.region (code),
       published_version integer,
       latest_version integer NOT NULL DEFAULT 1,
       retired_at timestamptz,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       UNIQUE (basic_code, department_id)
     )`,
    `CREATE INDEX item_basic_code ON catalog.item (basic_code)`,
    `CREATE INDEX item_region ON catalog.item (region_code)`,
    `CREATE TABLE catalog.item_version (
       item_id uuid NOT NULL REFERENCES catalog.item (id),
       version integer NOT NULL,
       status text NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'superseded', 'retired')),
       name text NOT NULL,
       guide jsonb NOT NULL,
       created_by text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       published_at timestamptz,
       PRIMARY KEY (item_id, version)
     )`,
    // At most one open draft or review per item, at most one published version.
    `CREATE UNIQUE INDEX item_version_one_open ON catalog.item_version (item_id) WHERE status IN ('draft', 'in_review')`,
    `CREATE UNIQUE INDEX item_version_one_published ON catalog.item_version (item_id) WHERE status = 'published'`,
    // Every workflow action, append-only.
    `CREATE TABLE catalog.item_history (
       id bigserial PRIMARY KEY,
       item_id uuid NOT NULL REFERENCES catalog.item (id),
       version integer NOT NULL,
       action text NOT NULL,
       from_status text,
       to_status text NOT NULL,
       actor_id text NOT NULL,
       comment text NOT NULL DEFAULT '',
       at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX item_history_item ON catalog.item_history (item_id, id)`,
    // The search read model: one row per published item, rewritten whenever an item is published
    // or retired. Lexemes by weight (A names and keywords, B department and summary, C body) feed
    // the in-process index on every API node; `generation` in search_state tells nodes to reload.
    `CREATE TABLE catalog.search_doc (
       item_id uuid PRIMARY KEY REFERENCES catalog.item (id),
       code text NOT NULL,
       region_code text NOT NULL,
       item_type text NOT NULL,
       name text NOT NULL,
       lexemes_a text[] NOT NULL,
       lexemes_b text[] NOT NULL,
       lexemes_c text[] NOT NULL,
       hit jsonb NOT NULL
     )`,
    `CREATE INDEX search_doc_region ON catalog.search_doc (region_code text_pattern_ops)`,
    `CREATE TABLE catalog.search_state (
       id boolean PRIMARY KEY DEFAULT true CHECK (id),
       generation bigint NOT NULL
     )`,
    `INSERT INTO catalog.search_state (id, generation) VALUES (true, 0)`,
    // Global synonyms (口语 → 规范用语), editable by catalogue administrators.
    `CREATE TABLE catalog.synonym (
       term text PRIMARY KEY,
       expansions text[] NOT NULL
     )`,
    `CREATE TABLE catalog.theme (
       id uuid PRIMARY KEY,
       slug text NOT NULL UNIQUE,
       name text NOT NULL,
       title text NOT NULL,
       audience text NOT NULL CHECK (audience IN ('person', 'enterprise')),
       description text NOT NULL DEFAULT '',
       icon text NOT NULL DEFAULT 'file',
       shared_fields jsonb NOT NULL DEFAULT '[]',
       steps jsonb NOT NULL,
       sort_order integer NOT NULL DEFAULT 0,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    // Every query people type: zero-result ones are unmet demand for analytics.
    `CREATE TABLE catalog.search_log (
       id bigserial PRIMARY KEY,
       query text NOT NULL,
       region_code text,
       result_count integer NOT NULL,
       top_code text,
       at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX search_log_zero ON catalog.search_log (at) WHERE result_count = 0`,
  ]);
}
