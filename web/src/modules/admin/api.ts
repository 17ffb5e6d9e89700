/**
 * Typed calls to the administration APIs behind 管理后台: the catalogue's publishing workflow and
 * themes, process definitions (with BPMN 2.0), staff and roles, the working-day calendar, sharing
 * grants and the audit log. Shapes come from contracts/ as types only, or follow the route schemas
 * (catalog-admin.routes, cases.routes, identity admin.routes, calendar.routes, exchange.routes);
 * dates arrive as ISO strings.
 */
import type { z } from 'zod';
import type {
  ItemGuide as ItemGuideType,
  Item as ItemType,
  Theme as ThemeType,
  ThemeInput as ThemeInputType,
  ThemeSummary,
} from '../../../../contracts/catalog';
import type {
  AdminItemDetail as AdminItemDetailShape,
  AdminItemRow as AdminItemRowShape,
  VersionStatus,
} from '../../../../contracts/catalog-admin';
import type { ProcessDefinition as ProcessDefinitionType } from '../../../../contracts/cases';
import type {
  StaffInput as StaffInputSchema,
  StaffRoleName,
  StaffSummary as StaffSummarySchema,
} from '../../../../contracts/identity';
import { getJson, sendFile, sendJson } from '../../app/http';
import { listDepartments as listCatalogDepartments, type Department as CatalogDepartment } from '../catalog';
import type { Wire } from '../../../../contracts/wire';
import type { AuditChainCheck, AuditEntry as AuditEntryShape } from '../../../../contracts/audit';
import type { Grant as GrantSchema } from '../../../../contracts/exchange';

export type ItemGuide = ItemGuideType;
export type AdminItem = Wire<ItemType>;
export type ProcessDefinition = ProcessDefinitionType;
export type StaffRole = z.infer<typeof StaffRoleName>;
export type Theme = ThemeType;
export type ThemeInput = ThemeInputType;
export type { ThemeSummary };

/** Status of a version in the publishing workflow (草稿 → 审核中 → 已发布 → 已废止; 已被替代 for old ones). */
export type ItemStatus = VersionStatus;
export type AdminItemRow = Wire<AdminItemRowShape>;
export type AdminItemDetail = Wire<AdminItemDetailShape>;

const enc = encodeURIComponent;

export async function listAdminItems(
  query: { status?: ItemStatus; page?: number; pageSize?: number },
  signal?: AbortSignal,
): Promise<AdminItemRow[]> {
  return (
    await getJson<{ items: AdminItemRow[] }>(
      '/api/admin/catalog/items',
      { status: query.status, page: query.page ?? 1, pageSize: query.pageSize ?? 200 },
      signal,
    )
  ).items;
}

export function getAdminItem(code: string, signal?: AbortSignal): Promise<AdminItemDetail> {
  return getJson<AdminItemDetail>(`/api/admin/catalog/items/${enc(code)}`, undefined, signal);
}

export function saveGuide(code: string, guide: ItemGuide): Promise<{ code: string; version: number }> {
  return sendJson('PUT', `/api/admin/catalog/items/${enc(code)}`, { guide });
}

export type ItemTransition = 'submit' | 'approve' | 'reject' | 'retire';

export function transitionItem(
  code: string,
  step: ItemTransition,
  comment: string,
): Promise<{ status: ItemStatus; version: number }> {
  return sendJson('POST', `/api/admin/catalog/items/${enc(code)}/${step}`, { comment });
}

export async function listThemes(signal?: AbortSignal): Promise<ThemeSummary[]> {
  return (await getJson<{ themes: ThemeSummary[] }>('/api/catalog/themes', undefined, signal)).themes;
}

export function getTheme(slug: string, signal?: AbortSignal): Promise<Theme> {
  return getJson<Theme>(`/api/catalog/themes/${enc(slug)}`, undefined, signal);
}

export function saveTheme(theme: ThemeInput): Promise<{ slug: string }> {
  const { slug, ...body } = theme;
  return sendJson('PUT', `/api/admin/catalog/themes/${enc(slug)}`, body);
}

/** A department as `/api/catalog/departments` answers it. */
export type Department = CatalogDepartment;

export const listDepartments = listCatalogDepartments as (
  region: string | undefined,
  signal?: AbortSignal,
) => Promise<Department[]>;

export interface DepartmentInput {
  key: string;
  name: string;
  shortName: string;
  category: string;
  regionCode: string;
  creditCode: string;
  address: string;
  phone: string;
}
export const createDepartment = (input: DepartmentInput) =>
  sendJson<{ id: string }>('POST', '/api/admin/catalog/departments', input);
export const updateDepartment = (
  id: string,
  input: Pick<DepartmentInput, 'name' | 'shortName' | 'address' | 'phone'>,
) => sendJson<void>('PUT', `/api/admin/catalog/departments/${enc(id)}`, input);

export function getDefinition(
  itemCode: string,
  signal?: AbortSignal,
): Promise<{ version: number; definition: ProcessDefinition }> {
  return getJson(`/api/admin/cases/definitions/${enc(itemCode)}`, undefined, signal);
}

export function saveDefinition(itemCode: string, definition: ProcessDefinition): Promise<{ version: number }> {
  return sendJson('PUT', `/api/admin/cases/definitions/${enc(itemCode)}`, definition);
}

/** Where the browser downloads the active definition as BPMN 2.0 XML (same-origin GET with the session cookie). */
export const bpmnUrl = (itemCode: string) => `/api/admin/cases/definitions/${enc(itemCode)}/bpmn`;

export function importBpmn(itemCode: string, xml: string): Promise<{ version: number }> {
  return sendFile('PUT', bpmnUrl(itemCode), new Blob([xml], { type: 'application/xml' }));
}

export type StaffSummary = z.infer<typeof StaffSummarySchema>;
export type StaffInput = z.input<typeof StaffInputSchema>;

export async function listStaff(signal?: AbortSignal): Promise<StaffSummary[]> {
  return (await getJson<{ staff: StaffSummary[] }>('/api/admin/staff', undefined, signal)).staff;
}

export function createStaff(input: StaffInput): Promise<{ id: string; totpUri: string | null }> {
  return sendJson('POST', '/api/admin/staff', input);
}

/** Deactivating ends the staff member's sessions and API tokens at once (audited with the reason). */
export function setStaffActive(id: string, active: boolean, reason: string): Promise<void> {
  return sendJson('PUT', `/api/admin/staff/${enc(id)}/active`, { active, reason });
}

export function changeStaffRoles(
  id: string,
  input: Pick<StaffInput, 'roles' | 'regionCode' | 'departmentIds'>,
): Promise<{ totpUri: string | null }> {
  return sendJson('PUT', `/api/admin/staff/${enc(id)}/roles`, input);
}

/** 实名关联: records a staff member's ID number (for 亲属回避); answers it masked, and whether the registry knows it. */
export function recordStaffIdNumber(id: string, idNumber: string): Promise<{ idNumber: string; inRegistry: boolean }> {
  return sendJson('PUT', `/api/admin/staff/${enc(id)}/id-number`, { idNumber });
}

export interface DayOverride {
  date: string;
  kind: 'workday' | 'holiday';
  name: string;
}

export interface CalendarYears {
  statutory: { first: number; last: number };
  declared: { year: number; note: string; declaredAt: string }[];
}

export async function listOverrides(year: number, signal?: AbortSignal): Promise<DayOverride[]> {
  return (await getJson<{ overrides: DayOverride[] }>('/api/admin/calendar/overrides', { year }, signal)).overrides;
}

export function setOverride(o: DayOverride): Promise<DayOverride> {
  return sendJson('PUT', `/api/admin/calendar/overrides/${enc(o.date)}`, { kind: o.kind, name: o.name });
}

export function removeOverride(date: string): Promise<void> {
  return sendJson('DELETE', `/api/admin/calendar/overrides/${enc(date)}`);
}

export function getCalendarYears(signal?: AbortSignal): Promise<CalendarYears> {
  return getJson('/api/calendar/years', undefined, signal);
}

export function declareYear(year: number, note: string): Promise<{ year: number; note: string }> {
  return sendJson('PUT', `/api/admin/calendar/years/${year}`, { note });
}

export function computeDeadline(
  from: string,
  workingDays: number,
  signal?: AbortSignal,
): Promise<{ from: string; workingDays: number; due: string; beyondKnownCalendar: boolean }> {
  return getJson('/api/calendar/deadline', { from, workingDays }, signal);
}

export type { GrantStatus } from '../../../../contracts/exchange';
export type Grant = Wire<z.infer<typeof GrantSchema>>;

export async function listGrants(side: 'owner' | 'consumer', signal?: AbortSignal): Promise<Grant[]> {
  return (await getJson<{ grants: Grant[] }>('/api/exchange/grants', { side, limit: 200 }, signal)).grants;
}

export function decideGrant(id: string, decision: 'approve' | 'refuse' | 'revoke', note: string): Promise<Grant> {
  return sendJson('POST', `/api/exchange/grants/${enc(id)}/${decision}`, { note });
}

export type AuditEntry = Wire<AuditEntryShape>;

export interface AuditQuery {
  actorId?: string;
  targetId?: string;
  action?: string;
  beforeSeq?: number;
}

export async function listAudit(query: AuditQuery, signal?: AbortSignal): Promise<AuditEntry[]> {
  return (await getJson<{ entries: AuditEntry[] }>('/api/admin/audit', { ...query, limit: 50 }, signal)).entries;
}

export function verifyAudit(): Promise<AuditChainCheck> {
  return getJson('/api/admin/audit/verify');
}
