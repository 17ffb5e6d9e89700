import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * Data-sharing reads reach the big-data centre one event per statement, not one per read: the access
 * chain appends a lane's queued reads in one statement (exchange/access-log), and a row trigger
 * wrote an outbox row for each of them, which doubled the database's work per audited query
 * (`bench:exchange`). `exchange.reads-shared` carries the statement's reads, in chain order, with
 * the same facts as `exchange.data-shared` (which older outbox rows keep, for a rebuild). Never
 * the subject.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `DROP TRIGGER publish_read ON exchange.access_log`,
    `DROP FUNCTION exchange.publish_read()`,
    `CREATE FUNCTION exchange.publish_reads() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, actor_id)
       SELECT 'exchange.reads-shared', 'exchange.access', min(lane) || ':' || min(seq),
              jsonb_build_object('reads', jsonb_agg(jsonb_build_object(
                'lane', lane, 'seq', seq, 'consumerDepartmentId', consumer_department_id,
                'resourceCode', resource_code, 'officerKind', officer_kind, 'at', at) ORDER BY lane, seq)),
              NULL
         FROM new_reads
       HAVING count(*) > 0;
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER publish_reads AFTER INSERT ON exchange.access_log REFERENCING NEW TABLE AS new_reads
       FOR EACH STATEMENT EXECUTE FUNCTION exchange.publish_reads()`,
  ]);
}
