import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './availability.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises a database that cannot be reached', () => {
    for (const e of [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('the database system is starting up', '57P03'),
      withCode('connection failure', '08006'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' }),
      new Error('query failed', { cause: withCode('read ECONNRESET', 'ECONNRESET') }),
    ]) {
      expect(isDatabaseUnavailable(e), String(e)).toBe(true);
    }
  });

  it('leaves faults of the statement or the data alone', () => {
    for (const e of [
      withCode('duplicate key value violates unique constraint', '23505'),
      withCode('invalid byte sequence for encoding "UTF8": 0x00', '22021'),
      withCode('deadlock detected', '40P01'),
      new Error('something else'),
      undefined,
      'ECONNREFUSED',
    ]) {
      expect(isDatabaseUnavailable(e), String(e)).toBe(false);
    }
  });
});
