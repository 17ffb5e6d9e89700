import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * More of the platform's life for the big-data centre, each published in the transaction that
 * writes it (as case events, 0037, and ratings, 0051):
 * - `supervision.complaint-recorded`: a complaint (投诉) filed, or its status changed (answered,
 *   closed): where it is handled, its case, when filed, its answer deadline and when answered.
 *   Never its content, its reply or who complained.
 * - `licenses.license-used`: a licence read by a department (用证), within a case (免提交: it
 *   replaced a paper material) or under the holder's consent. Never the holder or the licence's data.
 * - `exchange.data-shared`: a data-sharing read logged in the access chain: which department read
 *   which resource, and how (staff, client, system, the person's own prefill). Never the subject.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE FUNCTION supervision.publish_complaint() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, actor_id)
       VALUES ('supervision.complaint-recorded', 'supervision.complaint', NEW.id::text,
               jsonb_build_object('complaintId', NEW.id, 'kind', NEW.kind, 'caseId', NEW.case_id,
                                  'departmentId', NEW.department_id, 'regionCode', NEW.region_code,
                                  'status', NEW.status, 'filedAt', NEW.created_at, 'dueOn', NEW.due_on,
                                  'answeredAt', NEW.replied_at),
               NULL);
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER publish_complaint AFTER INSERT OR UPDATE OF status ON supervision.complaint FOR EACH ROW
       EXECUTE FUNCTION supervision.publish_complaint()`,
    `CREATE FUNCTION licenses.publish_use() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, actor_id)
       VALUES ('licenses.license-used', 'licenses.use', NEW.id::text,
               jsonb_build_object('useId', NEW.id, 'departmentId', NEW.department_id, 'caseId', NEW.case_id,
                                  'byConsent', NEW.consent_id IS NOT NULL, 'at', NEW.at),
               NULL);
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER publish_use AFTER INSERT ON licenses.use_log FOR EACH ROW EXECUTE FUNCTION licenses.publish_use()`,
    `CREATE FUNCTION exchange.publish_read() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, actor_id)
       VALUES ('exchange.data-shared', 'exchange.access', NEW.lane || ':' || NEW.seq,
               jsonb_build_object('lane', NEW.lane, 'seq', NEW.seq, 'consumerDepartmentId', NEW.consumer_department_id,
                                  'resourceCode', NEW.resource_code, 'officerKind', NEW.officer_kind, 'at', NEW.at),
               NULL);
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER publish_read AFTER INSERT ON exchange.access_log FOR EACH ROW EXECUTE FUNCTION exchange.publish_read()`,
  ]);
}
