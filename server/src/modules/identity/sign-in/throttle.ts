/**
 * Sign-in throttling that slows guessing without locking anyone out. Failures are counted per
 * account — or, for a name with no account behind it, per that name, so that both behave alike —
 * and per client address:
 * - an account with {@link STEP_UP_AFTER} failures needs a second factor with the password (an SMS
 *   code to the account's phone; staff always give their TOTP code), and each further failure
 *   makes the next attempt wait 2, 4, 8… seconds, at most {@link ACCOUNT_MAX_WAIT_S}: the right
 *   person is never kept out longer than that;
 * - a client address past {@link CLIENT_FREE} failures waits likewise, at most
 *   {@link CLIENT_MAX_WAIT_S} seconds.
 * Attempts refused while waiting neither count nor extend the wait. A success clears both; counts
 * are forgotten after a quiet day.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/index.js';
import { tooManyRequests } from '../../../platform/errors.js';
import { iq } from '../identity.tables.js';

export const STEP_UP_AFTER = 5;
export const ACCOUNT_MAX_WAIT_S = 60;
export const CLIENT_FREE = 10;
export const CLIENT_MAX_WAIT_S = 15 * 60;
const FORGET_AFTER_MS = 86_400_000;

export interface ThrottleKeys {
  account: string;
  client: string;
}

export interface ThrottleState {
  /** Recent failures on the account (or the unknown name). */
  accountFailures: number;
  /** Seconds until the next attempt is allowed (0: now). */
  waitSeconds: number;
}

const waitAfter = (failures: number, free: number, max: number): number =>
  failures <= free ? 0 : Math.min(2 ** (failures - free), max);

export async function readThrottle(db: Db, keys: ThrottleKeys, now: Date): Promise<ThrottleState> {
  const rows = await iq(db)
    .selectFrom('identity.signInThrottle')
    .select(['key', 'failures', 'lastFailureAt', 'waitUntil'])
    .where('key', 'in', [keys.account, keys.client])
    .where('lastFailureAt', '>', new Date(now.getTime() - FORGET_AFTER_MS))
    .execute();
  const waits = rows.map((r) => (r.waitUntil ? Math.ceil((r.waitUntil.getTime() - now.getTime()) / 1000) : 0));
  return {
    accountFailures: rows.find((r) => r.key === keys.account)?.failures ?? 0,
    waitSeconds: Math.max(0, ...waits),
  };
}

/** Counts a failure on both keys and sets their next allowed attempt. */
export async function recordThrottledFailure(db: Db, keys: ThrottleKeys, now: Date): Promise<void> {
  const stale = new Date(now.getTime() - FORGET_AFTER_MS);
  for (const [key, free, max] of [
    [keys.account, STEP_UP_AFTER, ACCOUNT_MAX_WAIT_S],
    [keys.client, CLIENT_FREE, CLIENT_MAX_WAIT_S],
  ] as const) {
    // One statement: concurrent failures each count.
    const { rows } = await sql<{ failures: number }>`
      INSERT INTO identity.sign_in_throttle (key, failures, last_failure_at) VALUES (${key}, 1, ${now})
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN identity.sign_in_throttle.last_failure_at < ${stale} THEN 1 ELSE identity.sign_in_throttle.failures + 1 END,
        last_failure_at = ${now}
      RETURNING failures`.execute(db);
    const wait = waitAfter(rows[0]!.failures, free, max);
    if (wait)
      await iq(db)
        .updateTable('identity.signInThrottle')
        .set({ waitUntil: new Date(now.getTime() + wait * 1000) })
        .where('key', '=', key)
        .execute();
  }
}

export async function clearThrottle(db: Db, keys: ThrottleKeys): Promise<void> {
  await iq(db).deleteFrom('identity.signInThrottle').where('key', 'in', [keys.account, keys.client]).execute();
}

export const throttled = (retryAfterSeconds: number) =>
  tooManyRequests(
    'IDENTITY.SIGN_IN_THROTTLED',
    { zh: '登录尝试过于频繁，请稍候再试', en: 'Too many sign-in attempts; wait a moment and try again' },
    [],
    { retryAfterSeconds },
  );
