import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * Events people must be told about, published on the outbox in the transaction that records them.
 * The case event log is written from many statements (some in one CTE with the case and its
 * tasks), so the database publishes the notable entries itself: `cases.case-<type>` for a case
 * submitted, accepted, not accepted, asked for 补正, a fee due and a result dispatched;
 * `evaluation.rectification-opened` when a bad review opens a rectification, and
 * `supervision.complaint-answered` when a complaint gets its answer. Payloads hold ids only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE FUNCTION cases.publish_notable_event() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, actor_id)
       VALUES ('cases.case-' || NEW.type, 'cases.case', NEW.case_id::text,
               jsonb_build_object('caseId', NEW.case_id, 'caseEventId', NEW.id, 'type', NEW.type,
                                  'taskId', NEW.task_id, 'at', NEW.at),
               NEW.actor_id::text);
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER publish_notable_event AFTER INSERT ON cases.event FOR EACH ROW
       WHEN (NEW.type IN ('submitted', 'accepted', 'not-accepted', 'supplement-requested', 'fee-due', 'delivery-dispatch'))
       EXECUTE FUNCTION cases.publish_notable_event()`,
    `CREATE FUNCTION evaluation.publish_rectification_opened() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, actor_id)
       VALUES ('evaluation.rectification-opened', 'evaluation.rectification', NEW.id::text,
               jsonb_build_object('rectificationId', NEW.id, 'ratingId', NEW.rating_id,
                                  'departmentId', NEW.department_id, 'rectifyDue', NEW.rectify_due),
               NULL);
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER publish_rectification_opened AFTER INSERT ON evaluation.rectification FOR EACH ROW
       EXECUTE FUNCTION evaluation.publish_rectification_opened()`,
    `CREATE FUNCTION supervision.publish_complaint_answered() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, actor_id)
       VALUES ('supervision.complaint-answered', 'supervision.complaint', NEW.id::text,
               jsonb_build_object('complaintId', NEW.id, 'reference', NEW.reference,
                                  'complainantPersonId', NEW.complainant_person_id),
               NEW.replied_by::text);
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER publish_complaint_answered AFTER UPDATE OF status ON supervision.complaint FOR EACH ROW
       WHEN (NEW.status = 'answered' AND OLD.status IS DISTINCT FROM 'answered')
       EXECUTE FUNCTION supervision.publish_complaint_answered()`,
  ]);
}
