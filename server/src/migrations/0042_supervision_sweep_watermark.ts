import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * The sweep no longer rewrites clock rows. A clock's stored state is its life only (running,
 * paused, stopped: written when its source moves); yellow and red are read from its precomputed
 * moments against the time. The sweep is a watermark query — moments in (last sweep, now] — that
 * only inserts warnings; a clock saved with a moment already behind the watermark is marked
 * `recheck` so that the next sweep looks at it once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `DROP INDEX supervision.clock_turns_yellow`,
    `DROP INDEX supervision.clock_turns_red`,
    `UPDATE supervision.clock SET state = 'running' WHERE state IN ('yellow', 'red')`,
    `ALTER TABLE supervision.clock DROP CONSTRAINT clock_state_check`,
    `ALTER TABLE supervision.clock ADD CONSTRAINT clock_state_check CHECK (state IN ('running', 'paused', 'stopped'))`,
    `ALTER TABLE supervision.clock ADD COLUMN recheck boolean NOT NULL DEFAULT false`,
    `CREATE INDEX clock_yellow_at ON supervision.clock (yellow_at) WHERE state = 'running'`,
    `CREATE INDEX clock_red_at ON supervision.clock (red_at) WHERE state = 'running'`,
    `CREATE INDEX clock_recheck ON supervision.clock (id) WHERE recheck`,
    // One row: how far the sweep has looked. Sweeps lock it (two nodes take turns); clock writers share it.
    `CREATE TABLE supervision.sweep_mark (
       id integer PRIMARY KEY CHECK (id = 1),
       swept_to timestamptz NOT NULL
     )`,
    `INSERT INTO supervision.sweep_mark (id, swept_to) VALUES (1, '1970-01-01T00:00:00Z')`,
  ]);
}
