/**
 * Who asked, for 热门搜索 only: a keyed hash of the signed-in person, else of the client address.
 * Neither the address nor the person's id is stored, and the hash cannot be reversed without the key.
 */
import { createHmac } from 'node:crypto';
import type { Actor } from '../../../platform/context.js';

export interface SearchCallers {
  /** The key the askers are hashed with (the platform's index key). */
  askerKey: Buffer;
  /** The region code of the signed-in person's household registration (户籍), if known. */
  householdRegion?: (personId: string) => Promise<string | undefined>;
  /** The big-data centre's key of a person (the key its cases carry), to link searches to applications. */
  personKey?: (personId: string) => string;
}

export function askerOf(key: Buffer, actor: Actor, ip: string): string {
  const who = actor.id ? `${actor.kind}:${actor.id}` : `ip:${ip}`;
  return createHmac('sha256', key).update(who).digest('base64url').slice(0, 22);
}
