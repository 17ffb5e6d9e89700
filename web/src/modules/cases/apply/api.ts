/**
 * Calls of the application wizard (在线申报): the item's form as JSON Schema, drafts, the materials
 * plan (免提交 by e-licence or shared data), submission with an Idempotency-Key, and — once the
 * case exists — its materials (files or 容缺 promises). Materials attach to a case only, so they
 * are sent right after the case is created.
 */
import { getJson, ProblemError, sendFile, sendJson } from '../../../app/http';
import type { CaseStatus } from '../api';

/** One property of the form schema (see server/src/modules/catalog/forms/application-form.ts). */
export interface SchemaProperty {
  title: string;
  description?: string;
  type: 'string' | 'number' | 'boolean';
  format?: 'date' | 'id-number' | 'credit-code' | 'mobile' | 'region-code';
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

export interface FormSchema {
  title: string;
  properties: Record<string, SchemaProperty>;
  required: string[];
}

export type FormValues = Record<string, unknown>;

export type SatisfiedBy =
  | { kind: 'license'; licenseId: string; typeName: string; number: string }
  | { kind: 'shared'; resource: string; resourceName: string }
  | { kind: 'form' };

/** What the platform already holds for each material of the item (GET /api/applications/{itemCode}/materials). */
export interface MaterialsPlan {
  materials: {
    index: number;
    name: string;
    necessity: 'required' | 'optional' | 'deferrable';
    satisfiedBy: SatisfiedBy | null;
  }[];
  consentRequired: boolean;
}

export interface Submitted {
  caseId: string;
  trackingCode: string;
  status: CaseStatus;
}

const itemPath = (code: string) => encodeURIComponent(code);

/** A 404 is an answer here (no draft yet; a server without the endpoint yet), not a failure. */
async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (e) {
    if (e instanceof ProblemError && e.status === 404) return null;
    throw e;
  }
}

export const getFormSchema = (itemCode: string, signal?: AbortSignal) =>
  getJson<FormSchema>(`/api/catalog/items/${itemPath(itemCode)}/form-schema`, undefined, signal);

export const getDraft = (itemCode: string, signal?: AbortSignal) =>
  orNull(getJson<{ form: FormValues; updatedAt: string }>(`/api/drafts/${itemPath(itemCode)}`, undefined, signal));
export const saveDraft = (itemCode: string, form: FormValues) =>
  sendJson<{ updatedAt: string }>('PUT', `/api/drafts/${itemPath(itemCode)}`, { form });

export const getMaterialsPlan = (itemCode: string, signal?: AbortSignal) =>
  orNull(getJson<MaterialsPlan>(`/api/applications/${itemPath(itemCode)}/materials`, undefined, signal));

export function submitApplication(
  input: { itemCode: string; form: FormValues; reuseConsent: boolean },
  idempotencyKey: string,
): Promise<Submitted> {
  const body = input.reuseConsent ? input : { itemCode: input.itemCode, form: input.form };
  return sendJson<Submitted>('POST', '/api/cases', body, { 'idempotency-key': idempotencyKey });
}

const materialPath = (caseId: string, index: number) => `/api/cases/${encodeURIComponent(caseId)}/materials/${index}`;
export const uploadMaterial = (caseId: string, index: number, file: File) =>
  sendFile<{ materialId: string }>('PUT', materialPath(caseId, index), file);
export const promiseMaterial = (caseId: string, index: number, promise: string) =>
  sendJson<{ materialId: string }>('POST', `${materialPath(caseId, index)}/promise`, { promise });
