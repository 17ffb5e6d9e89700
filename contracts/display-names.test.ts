import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUS_ZH } from '../server/src/modules/cases/handling/load.js';
import type { CaseStatus, TaskStatus } from '../server/src/modules/cases/cases.tables.js';
import { CASE_EVENT_TYPES } from '../server/src/modules/cases/process/events.js';
import { DEPARTMENTS } from '../server/src/modules/catalog/seed/departments.js';
import type { GrantStatus } from '../server/src/modules/exchange/exchange.tables.js';
import { POLICY_AUDIT_STEPS } from '../server/src/modules/proactive/admin/versions.service.js';
import type { LicenseAction } from '../server/src/modules/licenses/licenses.tables.js';
import type { EffectiveStatus } from '../server/src/modules/licenses/status.js';
import { ItemType } from './catalog.js';
import { StaffRoleName } from './identity.js';
import { DISPLAY_NAMES, displayName, hasDisplayName, type DisplayTable } from './display-names.js';

/** Every member of a union type, checked by the compiler: a new member makes these objects incomplete. */
const TASK_STATUSES: Record<TaskStatus, true> = {
  open: true,
  approved: true,
  returned: true,
  refused: true,
  cancelled: true,
};
const CASE_STATUSES: Record<CaseStatus, true> = {
  waiting: true,
  submitted: true,
  awaiting_supplement: true,
  in_progress: true,
  suspended: true,
  approved: true,
  refused: true,
  not_accepted: true,
  withdrawn: true,
  terminated: true,
};
const LICENSE_STATUSES: Record<EffectiveStatus, true> = {
  valid: true,
  suspended: true,
  revoked: true,
  superseded: true,
  expired: true,
  not_yet_valid: true,
};
const LICENSE_ACTIONS: Record<LicenseAction, true> = {
  issued: true,
  suspended: true,
  reinstated: true,
  revoked: true,
  renewed: true,
  changed: true,
  superseded: true,
};
const GRANT_DECISIONS: Record<Exclude<GrantStatus, 'pending'>, true> = { approved: true, refused: true, revoked: true };
const MATERIAL_SOURCES = ['upload', 'license', 'shared_data', 'promise', 'form'];

const unnamed = (table: DisplayTable, codes: Iterable<string>) => [...codes].filter((c) => !hasDisplayName(table, c));

function serverSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return serverSources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('test-kit.ts') ? [p] : [];
  });
}

/**
 * The audit actions the server writes, read from its source: the action argument of `recordAudit`
 * and `auditEntry`, and `action:` in records given to `appendAudit`. Actions built from a template
 * (`licenses.${action}`, `exchange.grant-${status}`) are expanded from their unions below.
 */
function auditActionsInSource(): Set<string> {
  const found = new Set<string>();
  const patterns = [
    /recordAudit\([^;]*?'([a-z]+\.[a-z]+(?:-[a-z]+)*)'/g,
    /auditEntry\(\s*\w+,\s*'([a-z]+\.[a-z]+(?:-[a-z]+)*)'/g,
    /action:\s*'([a-z]+\.[a-z]+(?:-[a-z]+)*)'/g,
  ];
  for (const file of serverSources(join(import.meta.dirname, '../server/src'))) {
    const text = readFileSync(file, 'utf8');
    if (!/appendAudit|recordAudit|auditEntry/.test(text)) continue;
    for (const re of patterns) for (const m of text.matchAll(re)) found.add(m[1]!);
  }
  return found;
}

describe('display names', () => {
  it('name every case event kind, case status and task status the server has', () => {
    expect(unnamed('caseEvent', CASE_EVENT_TYPES)).toEqual([]);
    expect(unnamed('caseStatus', Object.keys(CASE_STATUSES))).toEqual([]);
    expect(unnamed('caseStatus', Object.keys(STATUS_ZH))).toEqual([]);
    expect(unnamed('taskStatus', Object.keys(TASK_STATUSES))).toEqual([]);
    // The server's own Chinese status words are the table's.
    for (const [code, zh] of Object.entries(STATUS_ZH)) expect(displayName('caseStatus', code, 'zh')).toBe(zh);
  });

  it('name every audit action the server writes', () => {
    const actions = auditActionsInSource();
    // The scan must see the known call styles, or it proves nothing.
    expect(actions).toContain('identity.oidc-claims-read');
    expect(actions).toContain('exchange.grant-requested');
    expect(actions).toContain('cases.material-read');
    for (const a of Object.keys(LICENSE_ACTIONS)) actions.add(`licenses.${a}`);
    for (const s of Object.keys(GRANT_DECISIONS)) actions.add(`exchange.grant-${s}`);
    for (const s of POLICY_AUDIT_STEPS) actions.add(`proactive.policy-${s}`);
    expect(unnamed('auditAction', actions)).toEqual([]);
  });

  it('name every department category, item type, licence status and material source', () => {
    expect(unnamed('departmentCategory', new Set(DEPARTMENTS.map((d) => d.category)))).toEqual([]);
    expect(unnamed('itemType', ItemType.options)).toEqual([]);
    expect(unnamed('licenseStatus', Object.keys(LICENSE_STATUSES))).toEqual([]);
    expect(unnamed('materialSource', MATERIAL_SOURCES)).toEqual([]);
  });

  it('answer a code with no name with a generic word, never the code', () => {
    expect(displayName('caseEvent', 'something-new', 'zh')).toBe('办理环节');
    expect(displayName('caseEvent', 'something-new', 'en')).toBe('Case step');
    expect(displayName('departmentCategory', 'toString', 'zh')).toBe('其他类别');
    expect(displayName('auditTarget', null, 'en')).toBe('Other record');
  });

  it('have both languages everywhere, English without Chinese', () => {
    for (const [table, { names, fallback }] of Object.entries(DISPLAY_NAMES)) {
      for (const [code, n] of [...Object.entries(names), ['(fallback)', fallback] as const]) {
        expect(n.zh, `${table}.${code}`).toMatch(/\p{Script=Han}/u);
        // English may quote a Chinese term in brackets (容缺), never be Chinese itself.
        expect(n.en.replace(/\([^)]*\)/g, ''), `${table}.${code}`).not.toMatch(/\p{Script=Han}/u);
      }
    }
  });
  it('name every staff role (refusals name the roles a step needs)', () => {
    expect(StaffRoleName.options.filter((r) => !hasDisplayName('staffRole', r))).toEqual([]);
  });
});
