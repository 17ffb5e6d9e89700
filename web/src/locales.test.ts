/**
 * Every namespace has the same keys in 简体中文 and English, the sections the portal's modules add
 * to the default namespace do not overwrite each other, and every key a page asks for in words
 * (`t('cases.mine.title')`, `t(\`guide.materials.${key}\`)`) exists in a namespace the file uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };

const SRC = path.dirname(fileURLToPath(import.meta.url));
const files = import.meta.glob<Record<string, unknown>>('./**/locales/{zh-CN,en}.ts', { eager: true });

/** One namespace per locales/ folder, named as its export is (`adminZhCN` → admin; the shell's `zhCN` → translation). */
const namespaces = new Map<string, { folder: string; zh: Tree; en: Tree }>();
for (const [file, exports] of Object.entries(files)) {
  if (!file.endsWith('/zh-CN.ts')) continue;
  const [name, zh] = Object.entries(exports).find(([k]) => k.endsWith('ZhCN') || k === 'zhCN')!;
  const en = Object.entries(files[file.replace(/zh-CN\.ts$/, 'en.ts')] ?? {}).find(([k]) => /En$|^en$/.test(k))?.[1];
  const ns = name === 'zhCN' ? 'translation' : name.replace(/ZhCN$/, '');
  namespaces.set(ns, { folder: path.dirname(file), zh: zh as Tree, en: (en ?? {}) as Tree });
}

/** The portal's modules that add their sections to the default namespace (as app/i18n.ts merges them). */
const DEFAULT_PARTS = ['translation', 'catalog', 'identity', 'cases', 'licenses', 'workbench'];

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

function lookup(tree: Tree, key: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return node;
}

/** A key exists as it is or as its plural forms (`left_one`, `left_other`). */
const exists = (tree: Tree, key: string) =>
  lookup(tree, key) !== undefined || lookup(tree, `${key}_other`) !== undefined;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'locales' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('locales', () => {
  it('finds the shell and every module namespace', () => {
    expect([...namespaces.keys()]).toEqual(expect.arrayContaining([...DEFAULT_PARTS, 'admin', 'complaints']));
  });

  it.each([...namespaces.keys()])('%s has the same keys in zh-CN and en, none empty', (ns) => {
    const { zh, en } = namespaces.get(ns)!;
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    const empty = [zh, en].flatMap((tree) => keys(tree).filter((k) => (lookup(tree, k) as string).trim() === ''));
    expect(empty).toEqual([]);
  });

  it('the modules sharing the default namespace own disjoint sections', () => {
    const owners = new Map<string, string[]>();
    for (const ns of DEFAULT_PARTS)
      for (const section of Object.keys(namespaces.get(ns)!.zh))
        owners.set(section, [...(owners.get(section) ?? []), ns]);
    expect([...owners].filter(([, by]) => by.length > 1)).toEqual([]);
  });

  it('every key a page asks for exists in a namespace the file uses', () => {
    const merged: Tree = Object.assign({}, ...DEFAULT_PARTS.map((ns) => namespaces.get(ns)!.zh));
    const missing: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(SRC)) {
      const text = fs.readFileSync(file, 'utf8');
      const used = [...text.matchAll(/useTranslation\(\s*'([\w-]+)'/g)].map((m) => namespaces.get(m[1]!)?.zh ?? {});
      const trees = [merged, ...used];
      for (const m of text.matchAll(/\bt\(\s*(?:'([\w.]+)'|`([\w.]+)\$\{)/g)) {
        checked++;
        const whole = m[1];
        const prefix = m[2]?.replace(/\.$/, '');
        const found = whole
          ? trees.some((tree) => exists(tree, whole))
          : trees.some((tree) => typeof lookup(tree, prefix!) === 'object');
        if (!found) missing.push(`${path.relative(SRC, file)}: ${whole ?? `${prefix}.…`}`);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(missing).toEqual([]);
  });
});
