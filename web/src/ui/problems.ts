/**
 * Reading the problems the API answers with (RFC 9457 problem+json): the code, the message in the
 * current language, and the field errors put next to the form fields they name.
 */
import type { FormInstance } from 'antd';
import { ProblemError, type Problem } from '../app/http';

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

export interface FieldProblem {
  /** The field as the API names it, without the request part (`materials.0.name`). */
  field: string;
  path: (string | number)[];
  message: string;
}

/** `body.guide.materials.0.name` → `materials.0.name` → `['materials', 0, 'name']`. */
export function fieldProblems(error: unknown, strip: readonly string[] = ['body.guide.', 'body.']): FieldProblem[] {
  return (problemOf(error)?.errors ?? []).map((e) => {
    const prefix = strip.find((p) => e.field.startsWith(p));
    const field = prefix ? e.field.slice(prefix.length) : e.field;
    const path = field
      .split('.')
      .filter(Boolean)
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    return { field, path, message: e.message };
  });
}

const samePath = (a: readonly (string | number)[], b: readonly (string | number)[]) =>
  a.length === b.length && a.every((x, i) => String(x) === String(b[i]));

/**
 * Puts each problem on the form field it names, when the form has that field; returns the
 * problems no field shows (the page lists them on their own).
 */
export function applyFieldProblems(form: FormInstance, problems: FieldProblem[]): FieldProblem[] {
  const registered = form.getFieldsError().map((f) => f.name);
  const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unplaced: FieldProblem[] = [];
  for (const p of problems) {
    const name = registered.find((n) => samePath(n, p.path));
    if (!name) {
      unplaced.push(p);
      continue;
    }
    const key = p.path.join('.');
    const entry = byPath.get(key) ?? { name, errors: [] };
    entry.errors.push(p.message);
    byPath.set(key, entry);
  }
  form.setFields([...byPath.values()]);
  return unplaced;
}

/**
 * Puts the server's field errors (`body.idNumber`) on a flat form's fields, by the first part of
 * each path. `rename` maps API field names to form field names where they differ. Returns whether
 * any field got an error.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, rename: Record<string, string> = {}): boolean {
  const flat = fieldProblems(error, ['body.']).map((p) => {
    const top = String(p.path[0] ?? '');
    return { ...p, path: [rename[top] ?? top] };
  });
  return applyFieldProblems(form, flat).length < flat.length;
}
