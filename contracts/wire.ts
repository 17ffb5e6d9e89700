/**
 * What a shape looks like on the wire. The server's schemas speak of `Date`s; JSON carries them as
 * ISO 8601 strings, so a page reads `Wire<CaseDetail>` where the server returns `CaseDetail`.
 */
import { z } from 'zod';

/** A type as JSON carries it: every `Date` (however deep) becomes its ISO 8601 string. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** The Idempotency-Key header: the same key sent again answers the first result and changes nothing. */
export const IdempotencyKey = z.string().min(8).max(200);
/** The headers of a route that takes an Idempotency-Key. */
export const IdempotencyHeaders = z.object({ 'idempotency-key': IdempotencyKey });
