/**
 * Calls of the forms module: a theme applied for as one (一件事), a form filled from the
 * registries with consent (预填). Shapes come from contracts/.
 */
import type { ThemeApplication, TrackedBundle } from '../../../../../contracts/bundles';
import type { PrefillAnswer, PrefillRequest } from '../../../../../contracts/prefill';
import { getJson, sendJson } from '../../../app/http';

export type { ThemeApplication, TrackedBundle, PrefillAnswer };

export const themeApplication = (theme: string, region: string | undefined, signal?: AbortSignal) =>
  getJson<ThemeApplication>(
    `/api/catalog/themes/${encodeURIComponent(theme)}/application`,
    region ? { region } : undefined,
    signal,
  );

export interface SubmittedBundle {
  bundleId: string;
  trackingCode: string;
  cases: { caseId: string; itemCode: string; itemName: string; status: string }[];
}

export const submitBundle = (
  input: { theme: string; region: string; form: Record<string, unknown>; include: string[] },
  idempotencyKey: string,
) => sendJson<SubmittedBundle>('POST', '/api/bundles', input, { 'idempotency-key': idempotencyKey });

export const prefill = (input: PrefillRequest) => sendJson<PrefillAnswer>('POST', '/api/me/prefill', input);
