/** TanStack Query hooks of the wizard; keys start with 'apply' (drafts and plans belong to the acting applicant). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isRetryable } from '../../../app/http';
import { casesKeys } from '../queries';
import * as api from './api';
import type { MaterialChoice } from './materials';

const retry = (count: number, error: unknown) => count < 2 && isRetryable(error);

/** Drafts and materials plans depend on who applies: a person for themselves or for one enterprise. */
const applyKey = (what: string, itemCode: string, applicant: string) => ['apply', what, itemCode, applicant] as const;

export const useFormSchema = (itemCode: string) =>
  useQuery({
    queryKey: ['apply', 'schema', itemCode],
    queryFn: ({ signal }) => api.getFormSchema(itemCode, signal),
    retry,
  });
export const useDraft = (itemCode: string, applicant: string) =>
  useQuery({
    queryKey: applyKey('draft', itemCode, applicant),
    queryFn: ({ signal }) => api.getDraft(itemCode, signal),
    staleTime: 0,
    gcTime: 0,
    retry,
  });
export const useMaterialsPlan = (itemCode: string, applicant: string, enabled = true) =>
  useQuery({
    queryKey: applyKey('plan', itemCode, applicant),
    queryFn: ({ signal }) => api.getMaterialsPlan(itemCode, signal),
    staleTime: 0,
    retry,
    enabled,
  });

export const useSaveDraft = (itemCode: string) =>
  useMutation({ mutationFn: (form: api.FormValues) => api.saveDraft(itemCode, form) });

export interface MaterialToSend {
  index: number;
  name: string;
  choice: MaterialChoice;
}

export interface SendFailure {
  index: number;
  name: string;
  error: unknown;
}

/** Sends the chosen files and promises to the case one by one; returns the ones that failed. */
export async function sendMaterials(caseId: string, materials: readonly MaterialToSend[]): Promise<SendFailure[]> {
  const failed: SendFailure[] = [];
  for (const m of materials) {
    try {
      if (m.choice.kind === 'file') await api.uploadMaterial(caseId, m.index, m.choice.file);
      else await api.promiseMaterial(caseId, m.index, m.choice.text.trim());
    } catch (error) {
      failed.push({ index: m.index, name: m.name, error });
    }
  }
  return failed;
}

/** 16 random bytes as hex: a valid Idempotency-Key (8–80 of [A-Za-z0-9_-]); getRandomValues works outside secure contexts too. */
export function newIdempotencyKey(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface Submission {
  form: api.FormValues;
  reuseConsent: boolean;
  materials: MaterialToSend[];
}

export type SubmitResult = api.Submitted & { failed: SendFailure[] };

/**
 * Submits the application, then its materials (they attach to a case only). One Idempotency-Key
 * per wizard attempt, kept across retries: a double click or a retry after a lost answer gets the
 * same case back. Materials go only to a case still open for them (秒批 may have decided it already).
 */
export function useSubmitApplication(itemCode: string) {
  const [key] = useState(newIdempotencyKey);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ form, reuseConsent, materials }: Submission): Promise<SubmitResult> => {
      const created = await api.submitApplication({ itemCode, form, reuseConsent }, key);
      const failed = created.status === 'submitted' ? await sendMaterials(created.caseId, materials) : [];
      return { ...created, failed };
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: casesKeys.all });
      queryClient.removeQueries({ queryKey: ['apply', 'draft', itemCode] });
    },
  });
}
