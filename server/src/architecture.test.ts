/**
 * Module boundaries, checked on every run: a module imports another only through its index.ts,
 * platform/ imports no module, and modules form no import cycle.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = path.dirname(fileURLToPath(import.meta.url));
const MODULES = path.join(SRC, 'modules');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g;

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts')));
}

const moduleOf = (file: string): string | undefined => {
  const rel = path.relative(MODULES, file);
  return rel.startsWith('..') ? undefined : rel.split(path.sep)[0];
};

describe('architecture', () => {
  const all = files(SRC).filter((f) => !f.endsWith('.test.ts'));

  it('modules import each other only through index.ts', () => {
    const violations: string[] = [];
    for (const file of all) {
      const from = moduleOf(file);
      for (const target of importsOf(file)) {
        const to = moduleOf(target);
        if (to && to !== from && path.relative(path.join(MODULES, to), target) !== 'index.ts') {
          violations.push(`${path.relative(SRC, file)} → ${path.relative(SRC, target)}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('platform imports no module', () => {
    const violations = all
      .filter((f) => path.relative(SRC, f).startsWith('platform'))
      .flatMap((f) =>
        importsOf(f)
          .filter((t) => moduleOf(t))
          .map((t) => `${path.relative(SRC, f)} → ${path.relative(SRC, t)}`),
      );
    expect(violations).toEqual([]);
  });

  it('modules form no cycle', () => {
    const edges = new Map<string, Set<string>>();
    for (const file of all) {
      const from = moduleOf(file);
      if (!from) continue;
      for (const t of importsOf(file)) {
        const to = moduleOf(t);
        if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    const cycles: string[] = [];
    const visit = (node: string, stack: string[]) => {
      if (stack.includes(node)) {
        cycles.push([...stack.slice(stack.indexOf(node)), node].join(' → '));
        return;
      }
      for (const next of edges.get(node) ?? []) visit(next, [...stack, node]);
    };
    for (const m of edges.keys()) visit(m, []);
    expect(cycles).toEqual([]);
  });
});
