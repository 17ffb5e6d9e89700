/**
 * Data scope (数据权限): the one mechanism by which every repository query is limited to what the
 * caller may see. A query names which of its columns carry the region, the department, the owning
 * person and the owning enterprise; `withinScope` adds the matching conditions for the actor:
 *
 * - staff: the region column within their region subtree and, when they are limited to some
 *   departments, the department column among them;
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

const NOTHING = sql<SqlBool>`false`;

/** The condition that keeps rows within the actor's scope. */
export function scopeCondition(actor: Actor, cols: ScopeColumns): Expression<SqlBool> {
  switch (actor.kind) {
    case 'system':
      return sql<SqlBool>`true`;
    case 'staff': {
      if (!cols.region || !actor.regionScope) return NOTHING;
      const conditions = [sql<SqlBool>`${sql.ref(cols.region)} LIKE ${escapeLike(actor.regionScope) + '%'}`];
      if (actor.departmentIds?.length) {
        if (!cols.department) return NOTHING;
        conditions.push(sql<SqlBool>`${sql.ref(cols.department)} = ANY(${sql.val(actor.departmentIds)}::uuid[])`);
      }
      return sql<SqlBool>`(${sql.join(conditions, sql` AND `)})`;
    }
    case 'person': {
      if (!actor.id) return NOTHING;
      if (actor.actingFor) return cols.enterprise ? sql<SqlBool>`${sql.ref(cols.enterprise)} = ${actor.actingFor.enterpriseId}` : NOTHING;
      return cols.person ? sql<SqlBool>`${sql.ref(cols.person)} = ${actor.id}` : NOTHING;
    }
    default:
      return NOTHING;
  }
}

/** Adds the actor's scope to a query: `withinScope(query, actor, { region: 'p.regionCode' })`. */
export function withinScope<QB extends { where(expression: Expression<SqlBool>): QB }>(qb: QB, actor: Actor, cols: ScopeColumns): QB {
  return qb.where(scopeCondition(actor, cols));
}

/** Whether a single record (already loaded) is within the actor's scope, by the same rules. */
export function isWithinScope(actor: Actor, record: { regionCode?: string; departmentId?: string; personId?: string; enterpriseId?: string }): boolean {
  switch (actor.kind) {
    case 'system':
      return true;
    case 'staff':
      if (!actor.regionScope || record.regionCode === undefined || !record.regionCode.startsWith(actor.regionScope)) return false;
      return !actor.departmentIds?.length || (record.departmentId !== undefined && actor.departmentIds.includes(record.departmentId));
    case 'person':
      if (actor.actingFor) return record.enterpriseId !== undefined && record.enterpriseId === actor.actingFor.enterpriseId;
      return record.personId !== undefined && record.personId === actor.id;
    default:
      return false;
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
