import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 好差评 ratings are published for the big-data centre: a rating given, or its status changed by an
 * appeal (申诉复核 may remove it), appends `evaluation.rating-recorded` to the outbox in the same
 * transaction. The payload holds the rating's level, where and through which channel it was given,
 * and ids; never the comment.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE FUNCTION evaluation.publish_rating() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, actor_id)
       VALUES ('evaluation.rating-recorded', 'evaluation.rating', NEW.id::text,
               jsonb_build_object('ratingId', NEW.id, 'caseId', NEW.case_id, 'itemCode', NEW.item_code,
                                  'departmentId', NEW.department_id, 'regionCode', NEW.region_code,
                                  'channel', NEW.channel, 'level', NEW.level, 'status', NEW.status,
                                  'ratedAt', NEW.rated_at, 'raterPersonId', NEW.rater_person_id),
               NULL);
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER publish_rating AFTER INSERT OR UPDATE OF status ON evaluation.rating FOR EACH ROW
       EXECUTE FUNCTION evaluation.publish_rating()`,
  ]);
}
