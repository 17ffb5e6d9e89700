/**
 * What a light page needs from the web app's build (web/dist/.vite/manifest.json): the app's entry
 * and styles, the light script, and the CSS each page inlines (the entry's and its page chunk's).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from './frame.js';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export type PageName = 'home' | 'search' | 'guide' | 'track';

/** Each page's own chunk in the build (the home page ships with the entry). */
const PAGE_SOURCES: Record<PageName, string> = {
  home: 'index.html',
  search: 'src/modules/catalog/search/SearchPage.tsx',
  guide: 'src/modules/catalog/guide/ItemGuidePage.tsx',
  track: 'src/modules/cases/TrackPage.tsx',
};
const BOOT_SOURCE = 'src/light-boot.ts';
const LIGHT_CSS = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'light.css'), 'utf8');

function cssOf(manifest: Manifest, key: string, seen = new Set<string>()): string[] {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return [];
  seen.add(key);
  return [...(chunk.imports ?? []).flatMap((k) => cssOf(manifest, k, seen)), ...(chunk.css ?? [])];
}

/** The documents' parts per page, read once; undefined when the build has no light script (an older build). */
export function loadAssets(webRoot: string): Record<PageName, Document> | undefined {
  const file = path.join(webRoot, '.vite', 'manifest.json');
  if (!fs.existsSync(file)) return undefined;
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  const entry = manifest['index.html'];
  const boot = manifest[BOOT_SOURCE];
  if (!entry || !boot) return undefined;
  const entryCss = cssOf(manifest, 'index.html');
  const read = (f: string) => fs.readFileSync(path.join(webRoot, f), 'utf8');
  const pages = {} as Record<PageName, Document>;
  for (const [name, source] of Object.entries(PAGE_SOURCES) as [PageName, string][]) {
    const files = [...new Set([...entryCss, ...cssOf(manifest, source)])];
    pages[name] = {
      css: files.map(read).join('\n') + LIGHT_CSS,
      boot: { script: `/${boot.file}`, app: `/${entry.file}`, css: entryCss.map((f) => `/${f}`) },
    };
  }
  return pages;
}
