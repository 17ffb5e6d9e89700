import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * A rectification of a bad review whose status moves (called back, resolved, withdrawn on appeal)
 * publishes `evaluation.rectification-changed` from the database, whichever statement moved it,
 * so 电子监察 stops the return-visit and rectification clocks. Payloads hold ids only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE FUNCTION evaluation.publish_rectification_changed() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, actor_id)
       VALUES ('evaluation.rectification-changed', 'evaluation.rectification', NEW.id::text,
               jsonb_build_object('rectificationId', NEW.id, 'status', NEW.status), NULL);
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER publish_rectification_changed AFTER UPDATE OF status ON evaluation.rectification FOR EACH ROW
       WHEN (NEW.status IS DISTINCT FROM OLD.status)
       EXECUTE FUNCTION evaluation.publish_rectification_changed()`,
  ]);
}
