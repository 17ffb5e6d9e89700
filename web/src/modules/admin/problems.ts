/** The server's field errors (problem+json `errors`) as form paths, so that each shows next to its field. */
import type { FormInstance } from 'antd';
import { ProblemError } from '../../app/http';

export interface FieldProblem {
  /** The field as the API names it, without the request part (`materials.0.name`). */
  field: string;
  path: (string | number)[];
  message: string;
}

/** `body.guide.materials.0.name` → `materials.0.name` → `['materials', 0, 'name']`. */
export function fieldProblems(error: unknown, strip: readonly string[] = ['body.guide.', 'body.']): FieldProblem[] {
  if (!(error instanceof ProblemError)) return [];
  return (error.problem.errors ?? []).map((e) => {
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
