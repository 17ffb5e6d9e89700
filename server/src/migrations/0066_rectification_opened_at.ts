import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * `evaluation.rectification-opened` says when it happened, as the case steps do: `at`, the moment of
 * the bad review that opened it. Notify tells only news (`NOTIFY_MAX_AGE_HOURS`), and the outbox row's
 * own time is when it was written — for a history seeded or imported later, not when it happened.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE OR REPLACE FUNCTION evaluation.publish_rectification_opened() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, actor_id)
       VALUES ('evaluation.rectification-opened', 'evaluation.rectification', NEW.id::text,
               jsonb_build_object('rectificationId', NEW.id, 'ratingId', NEW.rating_id,
                                  'departmentId', NEW.department_id, 'rectifyDue', NEW.rectify_due,
                                  'at', (SELECT r.rated_at FROM evaluation.rating r WHERE r.id = NEW.rating_id)),
               NULL);
       RETURN NULL;
     END $$`,
  ]);
}
