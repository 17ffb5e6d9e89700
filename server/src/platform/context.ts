import type { Db } from './db/index.js';

/** Who is calling. Identity fills this in; anonymous callers have no id. */
export interface Actor {
  id: string | null;
  kind: 'anonymous' | 'person' | 'staff' | 'system';
  roles: readonly string[];
  /** Region subtree the actor may act in (staff), e.g. '520103'. */
  regionScope?: string;
  /** Departments the actor works for (staff); none means none (see platform/scope.ts for region-wide roles). */
  departmentIds?: readonly string[];
  /** The enterprise a person acts for (法定代表人 or 经办人), with what the authorisation allows. */
  actingFor?: ActingFor;
  /** How the caller proved who they are. */
  via?: 'session' | 'token';
  /** The person's name (or the staff member's display name), read with the session. */
  name?: string;
}

export interface ActingFor {
  enterpriseId: string;
  creditCode: string;
  name: string;
  role: 'legal_representative' | 'agent';
  scopes: readonly string[];
}

export const ANONYMOUS: Actor = Object.freeze({ id: null, kind: 'anonymous', roles: [] });
export const SYSTEM: Actor = Object.freeze({ id: 'system', kind: 'system', roles: ['system'] });

/** The logging a use case needs (pino's and Fastify's loggers both fit). */
export interface Log {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
  debug(obj: unknown, msg?: string): void;
}

/** What every use case receives: the database (or a transaction), the caller, a logger, the clock. */
export interface Ctx {
  db: Db;
  actor: Actor;
  log: Log;
  now: () => Date;
}
