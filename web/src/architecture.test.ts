/**
 * The web app's borders and the contracts' independence, checked on every run: a web module
 * imports another only through its index.ts and modules form no cycle; ui/ and modules take
 * nothing from the app shell but its fetch helper (app/http), and ui/ imports no module;
 * contracts/ imports nothing of the server or the web.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.dirname(fileURLToPath(import.meta.url));
const MODULES = path.join(SRC, 'modules');
const REPO = path.resolve(SRC, '../..');
const CONTRACTS = path.join(REPO, 'contracts');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Static, side-effect (`import './x.css'`) and dynamic (`import('./x')`) imports of relative paths. */
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function resolve(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec.replace(/\.js$/, ''));
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return base;
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => resolve(file, m[1]!));
}

const inside = (dir: string, file: string) => !path.relative(dir, file).startsWith('..');
const moduleOf = (file: string): string | undefined =>
  inside(MODULES, file) ? path.relative(MODULES, file).split(path.sep)[0] : undefined;
const show = (from: string, to: string) => `${path.relative(REPO, from)} → ${path.relative(REPO, to)}`;

const web = files(SRC);
const edges = web.flatMap((from) => importsOf(from).map((to) => ({ from, to })));

describe('web architecture', () => {
  it('modules import each other only through index.ts', () => {
    const violations = edges
      .filter(({ from, to }) => {
        const a = moduleOf(from);
        const b = moduleOf(to);
        return b && a !== b && path.relative(path.join(MODULES, b), to) !== 'index.ts';
      })
      .map(({ from, to }) => show(from, to));
    expect(violations).toEqual([]);
  });

  it('modules form no cycle', () => {
    const graph = new Map<string, Set<string>>();
    for (const { from, to } of edges) {
      const a = moduleOf(from);
      const b = moduleOf(to);
      if (a && b && a !== b) graph.set(a, (graph.get(a) ?? new Set()).add(b));
    }
    const cycles: string[] = [];
    const visit = (node: string, stack: string[]) => {
      if (stack.includes(node)) {
        cycles.push([...stack.slice(stack.indexOf(node)), node].join(' → '));
        return;
      }
      for (const next of graph.get(node) ?? []) visit(next, [...stack, node]);
    };
    for (const m of graph.keys()) visit(m, []);
    expect(cycles).toEqual([]);
  });

  it('ui imports no module, and ui and modules take only the fetch helper from the app shell', () => {
    const APP = path.join(SRC, 'app');
    const HTTP = path.join(APP, 'http.ts');
    const violations = edges
      .filter(({ from, to }) => {
        const fromUi = inside(path.join(SRC, 'ui'), from);
        if (!fromUi && !moduleOf(from)) return false;
        return (fromUi && moduleOf(to)) || (inside(APP, to) && to !== HTTP);
      })
      .map(({ from, to }) => show(from, to));
    expect(violations).toEqual([]);
  });

  it('the fetch helper imports no module', () => {
    const http = path.join(SRC, 'app', 'http.ts');
    expect(importsOf(http).filter((to) => moduleOf(to) || inside(path.join(SRC, 'app'), to))).toEqual([]);
  });

  it('the web reaches outside web/src only for contracts', () => {
    const violations = edges
      .filter(({ to }) => !inside(SRC, to) && !inside(CONTRACTS, to))
      .map(({ from, to }) => show(from, to));
    expect(violations).toEqual([]);
  });
});

describe('contracts', () => {
  it('import nothing of the server or the web (their tests may, to compare)', () => {
    const violations = files(CONTRACTS)
      .flatMap((from) => importsOf(from).map((to) => ({ from, to })))
      .filter(({ to }) => !inside(CONTRACTS, to))
      .map(({ from, to }) => show(from, to));
    expect(violations).toEqual([]);
  });
});
