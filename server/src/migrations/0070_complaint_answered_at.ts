import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * `supervision.complaint-answered` says when the answer was given (`at`, the complaint's
 * `replied_at`), as a case step's event does: notify tells nobody of news older than
 * `NOTIFY_MAX_AGE_HOURS` by the moment an event states, and without one it took the outbox row's
 * time — so the demo history's months-old answers (written under its simulated clock) would have
 * reached the made-up complainants' 我的消息 as today's news.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE OR REPLACE FUNCTION supervision.publish_complaint_answered() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, actor_id)
       VALUES ('supervision.complaint-answered', 'supervision.complaint', NEW.id::text,
               jsonb_build_object('complaintId', NEW.id, 'reference', NEW.reference,
                                  'complainantPersonId', NEW.complainant_person_id, 'at', NEW.replied_at),
               NEW.replied_by::text);
       RETURN NULL;
     END $$`,
  ]);
}
