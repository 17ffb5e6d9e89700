import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 消息通知: what a person is told (a notification per event and recipient), each attempt to tell
 * them through a channel (a delivery, with its idempotency key and lease), the receipts of each
 * delivery (sent, delivered, failed, read), the in-app inbox (站内信), per-person preferences and
 * quiet hours, and the administrators' template overrides. Addresses and variables are personal
 * data: encrypted at rest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE SCHEMA IF NOT EXISTS notify`,
    `CREATE TABLE notify.template (
       event text NOT NULL,
       channel text NOT NULL CHECK (channel IN ('sms', 'email', 'inbox', 'wechat')),
       locale text NOT NULL CHECK (locale IN ('zh-CN', 'en')),
       title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
       body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
       updated_by uuid NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (event, channel, locale)
     )`,
    `CREATE TABLE notify.notification (
       id uuid PRIMARY KEY,
       key text NOT NULL UNIQUE,
       event text NOT NULL,
       urgent boolean NOT NULL,
       recipient_kind text NOT NULL CHECK (recipient_kind IN ('person', 'staff', 'address')),
       recipient_id uuid,
       locale text NOT NULL,
       vars_enc text NOT NULL,
       link text,
       created_at timestamptz NOT NULL
     )`,
    `CREATE TABLE notify.delivery (
       id uuid PRIMARY KEY,
       notification_id uuid NOT NULL REFERENCES notify.notification (id),
       channel text NOT NULL CHECK (channel IN ('sms', 'email', 'inbox', 'wechat')),
       idempotency_key text NOT NULL UNIQUE,
       to_enc text,
       fallback_of uuid REFERENCES notify.delivery (id),
       state text NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'delivered', 'failed', 'read')),
       attempts integer NOT NULL DEFAULT 0,
       next_attempt_at timestamptz NOT NULL,
       lease_until timestamptz,
       provider_ref text,
       last_error text,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL
     )`,
    `CREATE INDEX delivery_due ON notify.delivery (next_attempt_at) WHERE state IN ('pending', 'sending')`,
    `CREATE INDEX delivery_of_notification ON notify.delivery (notification_id)`,
    `CREATE TABLE notify.receipt (
       id bigserial PRIMARY KEY,
       delivery_id uuid NOT NULL REFERENCES notify.delivery (id),
       status text NOT NULL CHECK (status IN ('sent', 'delivered', 'failed', 'read')),
       at timestamptz NOT NULL,
       detail text
     )`,
    `CREATE INDEX receipt_of_delivery ON notify.receipt (delivery_id, id)`,
    `CREATE TABLE notify.inbox (
       id uuid PRIMARY KEY,
       delivery_id uuid NOT NULL UNIQUE REFERENCES notify.delivery (id),
       recipient_kind text NOT NULL CHECK (recipient_kind IN ('person', 'staff')),
       recipient_id uuid NOT NULL,
       event text NOT NULL,
       title text NOT NULL,
       body text NOT NULL,
       link text,
       created_at timestamptz NOT NULL,
       read_at timestamptz
     )`,
    `CREATE INDEX inbox_of_recipient ON notify.inbox (recipient_kind, recipient_id, created_at DESC)`,
    `CREATE INDEX inbox_unread ON notify.inbox (recipient_kind, recipient_id) WHERE read_at IS NULL`,
    `CREATE TABLE notify.preference (
       account_kind text NOT NULL CHECK (account_kind IN ('person', 'staff')),
       account_id uuid NOT NULL,
       channels text[] NOT NULL,
       email_enc text,
       wechat_open_id_enc text,
       quiet_from smallint CHECK (quiet_from BETWEEN 0 AND 1439),
       quiet_to smallint CHECK (quiet_to BETWEEN 0 AND 1439),
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (account_kind, account_id)
     )`,
  ]);
}
