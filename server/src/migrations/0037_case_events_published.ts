import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * The case event log is published: every row appended to `cases.event` — by whichever of the
 * module's statements writes it — also appends a `cases.case-event` outbox event in the same
 * transaction, so that supervision (and any other subscriber) learns of every step at least once
 * without reading the cases tables. The payload names the step; subscribers ask the cases module's
 * front door for the facts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE FUNCTION cases.publish_event() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, actor_id, occurred_at)
         VALUES ('cases.case-event', 'case', NEW.case_id::text,
                 jsonb_build_object('eventId', NEW.id, 'caseId', NEW.case_id, 'type', NEW.type, 'taskId', NEW.task_id,
                                    'actorId', NEW.actor_id, 'actorKind', NEW.actor_kind, 'at', NEW.at),
                 NEW.actor_id, NEW.at);
         RETURN NULL;
       END $$`,
    `CREATE TRIGGER event_published AFTER INSERT ON cases.event FOR EACH ROW EXECUTE FUNCTION cases.publish_event()`,
  ]);
}
