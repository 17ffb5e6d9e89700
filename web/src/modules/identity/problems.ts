/** Helpers for the problems the identity API answers with: codes, the message in the current language, field errors. */
import type { FormInstance } from 'antd';
import { ProblemError, type Problem } from '../../app/http';

export function problemOf(error: unknown): Problem | undefined {
  return error instanceof ProblemError ? error.problem : undefined;
}

export function problemCode(error: unknown): string | undefined {
  return problemOf(error)?.code;
}

/** The problem's message in `language`, so that a shown error follows a language switch. */
export function problemMessage(problem: Problem, language: string | undefined): string {
  const pick = language === 'en' ? problem.message?.en : problem.message?.zh;
  return pick || problem.detail || problem.title;
}

/**
 * Puts the server's field errors (`body.idNumber`) on the form's fields. `rename` maps API field
 * names to form field names where they differ. Returns whether any field got an error.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, rename: Record<string, string> = {}): boolean {
  const problem = problemOf(error);
  if (!problem?.errors?.length) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const byField = new Map<string, string[]>();
  for (const e of problem.errors) {
    const apiField = e.field.replace(/^body\./, '').split('.')[0] ?? '';
    const name = rename[apiField] ?? apiField;
    if (!known.has(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), e.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}
