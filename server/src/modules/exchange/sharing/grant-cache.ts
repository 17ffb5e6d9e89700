/**
 * Grants as the query path reads them, with their resource, kept in memory. The cache is never
 * trusted alone: every answered query reads the grant's live status and end in the statement that
 * reads the subject (`sources.ts`) and starts again when they differ, so a decision taken on any
 * node is obeyed by the next query on every node. A decision on this node also evicts at once. A
 * pending grant is not kept (its approval must answer at once); revoked and refused ones are final.
 * Concurrent misses of one grant share one read. Expiry is always checked against the clock.
 */
import type { Db } from '../../../platform/db/index.js';
import { sq, type GrantStatus, type ResourceField, type ResourceSource, type SubjectKind } from '../exchange.tables.js';

export interface GrantForUse {
  id: string;
  consumerDepartmentId: string;
  consumerRegionCode: string;
  fields: string[];
  status: GrantStatus;
  expiresAt: Date;
  resource: { code: string; name: string; subjectKind: SubjectKind; fields: string[]; source: ResourceSource | null };
}

/** How long a grant is kept without being read again (its state is checked at every query anyway). */
export const GRANT_CACHE_TTL_MS = 5 * 60_000;

export class GrantCache {
  private readonly entries = new Map<string, { grant: GrantForUse; until: number }>();
  private readonly reading = new Map<string, Promise<GrantForUse | undefined>>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = GRANT_CACHE_TTL_MS,
  ) {}

  find(id: string): Promise<GrantForUse | undefined> {
    const hit = this.entries.get(id);
    if (hit && hit.until > Date.now()) return Promise.resolve(hit.grant);
    const inFlight = this.reading.get(id);
    if (inFlight) return inFlight;
    const read = this.read(id).finally(() => this.reading.delete(id));
    this.reading.set(id, read);
    return read;
  }

  private async read(id: string): Promise<GrantForUse | undefined> {
    const g = await sq(this.db)
      .selectFrom('exchange.sharingGrant as g')
      .innerJoin('exchange.resource as r', 'r.code', 'g.resourceCode')
      .select([
        'g.id',
        'g.consumerDepartmentId',
        'g.consumerRegionCode',
        'g.fields',
        'g.status',
        'g.expiresAt',
        'r.code',
        'r.name',
        'r.subjectKind',
        'r.fields as resourceFields',
        'r.source',
      ])
      .where('g.id', '=', id)
      .executeTakeFirst();
    if (!g) return undefined;
    const fields = (
      typeof g.resourceFields === 'string' ? (JSON.parse(g.resourceFields) as ResourceField[]) : g.resourceFields
    ).map((f) => f.key);
    const grant: GrantForUse = {
      id: g.id,
      consumerDepartmentId: g.consumerDepartmentId,
      consumerRegionCode: g.consumerRegionCode,
      fields: g.fields,
      status: g.status,
      expiresAt: g.expiresAt,
      resource: { code: g.code, name: g.name, subjectKind: g.subjectKind, fields, source: g.source },
    };
    if (grant.status === 'pending') return grant;
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(id, { grant, until: Date.now() + this.ttlMs });
    return grant;
  }

  /** Forgets a grant: a decision on it was taken here, or a query saw it changed in the database. */
  evict(id: string): void {
    this.entries.delete(id);
  }

  /** Whether the grant as kept still is what the database holds. */
  static current(kept: GrantForUse, live: { status: GrantStatus; expiresAt: Date } | undefined): boolean {
    return live !== undefined && live.status === kept.status && live.expiresAt.getTime() === kept.expiresAt.getTime();
  }
}
