/**
 * Data scope (数据权限): the one mechanism by which every repository query is limited to what the
 * caller may see. A query names which of its columns carry the region, the department, the owning
 * person and the owning enterprise; `withinScope` adds the matching conditions for the actor:
 *
 * - staff: the region column within their region subtree; when the query names a department
 *   column (the record is a department's work), the department among the staff member's own —
 *   staff without departments act for none. A call site may name roles whose work spans every
 *   department of their region (`regionWide`: a 综合窗口 accepting for all of them, 效能监察);
 *   for those roles the department is not checked. A record of the region itself (no department
 *   column: a resident, a staff member, a department's entry) is within scope for staff of the region;
 * - a person: rows they own, or, while acting for an enterprise, rows that enterprise owns;
 * - the system: everything; anyone else: nothing.
 *
 * A query that names no column the actor's kind is scoped by gets no rows, never all of them.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from './context.js';

export interface ScopeColumns {
  region?: string;
  department?: string;
  /** Column holding the owning person's account id. */
  person?: string;
  /** Column holding the owning enterprise's account id. */
  enterprise?: string;
}

export interface ScopeOptions {
  /** Roles that act for every department of the actor's region here (the department is not checked for them). */
  regionWide?: readonly string[];
}

const NOTHING = sql<SqlBool>`false`;

const actsRegionWide = (actor: Actor, opts: ScopeOptions) =>
  opts.regionWide?.some((r) => actor.roles.includes(r)) ?? false;

/** The condition that keeps rows within the actor's scope. */
export function scopeCondition(actor: Actor, cols: ScopeColumns, opts: ScopeOptions = {}): Expression<SqlBool> {
  switch (actor.kind) {
    case 'system':
      return sql<SqlBool>`true`;
    case 'staff': {
      if (!cols.region || !actor.regionScope) return NOTHING;
      const region = regionCondition(actor, cols.region);
      if (actsRegionWide(actor, opts)) return region;
      if (!cols.department) return region;
      if (!actor.departmentIds?.length) return NOTHING;
      return sql<SqlBool>`(${region} AND ${sql.ref(cols.department)} = ANY(${sql.val(actor.departmentIds)}::uuid[]))`;
    }
    case 'person': {
      if (!actor.id) return NOTHING;
      if (actor.actingFor)
        return cols.enterprise ? sql<SqlBool>`${sql.ref(cols.enterprise)} = ${actor.actingFor.enterpriseId}` : NOTHING;
      return cols.person ? sql<SqlBool>`${sql.ref(cols.person)} = ${actor.id}` : NOTHING;
    }
    default:
      return NOTHING;
  }
}

/** Adds the actor's scope to a query: `withinScope(query, actor, { region: 'p.regionCode' })`. */
export function withinScope<QB extends { where(expression: Expression<SqlBool>): QB }>(
  qb: QB,
  actor: Actor,
  cols: ScopeColumns,
  opts: ScopeOptions = {},
): QB {
  return qb.where(scopeCondition(actor, cols, opts));
}

/** Whether a single record (already loaded) is within the actor's scope, by the same rules. */
export function isWithinScope(
  actor: Actor,
  record: { regionCode?: string; departmentId?: string; personId?: string; enterpriseId?: string },
  opts: ScopeOptions = {},
): boolean {
  switch (actor.kind) {
    case 'system':
      return true;
    case 'staff':
      if (record.regionCode === undefined || !isWithinRegion(actor, record.regionCode)) return false;
      if (actsRegionWide(actor, opts)) return true;
      if (record.departmentId === undefined) return true;
      return actor.departmentIds?.includes(record.departmentId) ?? false;
    case 'person':
      if (actor.actingFor)
        return record.enterpriseId !== undefined && record.enterpriseId === actor.actingFor.enterpriseId;
      return record.personId !== undefined && record.personId === actor.id;
    default:
      return false;
  }
}

/**
 * Whether a region lies within the staff member's region subtree, whatever their departments: for
 * the work of a region rather than of a department (its departments, its windows, its staff).
 */
export function isWithinRegion(actor: Actor, regionCode: string): boolean {
  if (actor.kind === 'system') return true;
  return actor.kind === 'staff' && Boolean(actor.regionScope) && regionCode.startsWith(actor.regionScope!);
}

/** The condition form of `isWithinRegion` for a region column. */
export function regionCondition(actor: Actor, column: string): Expression<SqlBool> {
  if (actor.kind === 'system') return sql<SqlBool>`true`;
  if (actor.kind !== 'staff' || !actor.regionScope) return NOTHING;
  return sql<SqlBool>`${sql.ref(column)} LIKE ${escapeLike(actor.regionScope) + '%'}`;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
