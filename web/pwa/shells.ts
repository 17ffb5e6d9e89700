import type { OutputAsset, OutputBundle, OutputChunk } from 'rolldown';

/**
 * The pages a resident opens first, each with its own copy of index.html (web/dist/shells/NAME.html,
 * chosen by the server's fallback for the path: server/src/platform/http/web.ts) that preloads the
 * page's own chunks, so the browser fetches them with the entry instead of after it has run.
 */
export const ROUTE_SHELLS = {
  search: /modules\/catalog\/search\/SearchPage\.tsx$/,
  guide: /modules\/catalog\/guide\/ItemGuidePage\.tsx$/,
  track: /modules\/cases\/TrackPage\.tsx$/,
} as const;

/** The chunks a chunk loads before it runs, with itself, and the CSS they bring. */
export function closure(bundle: OutputBundle, start: OutputChunk): string[] {
  const files = new Set<string>();
  const visit = (chunk: OutputChunk) => {
    if (files.has(chunk.fileName)) return;
    files.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const name of chunk.imports) {
      const next = bundle[name];
      if (next?.type === 'chunk') visit(next);
    }
  };
  visit(start);
  return [...files];
}

export function pageChunk(bundle: OutputBundle, page: RegExp): OutputChunk {
  const chunk = Object.values(bundle).find(
    (o): o is OutputChunk => o.type === 'chunk' && !!o.facadeModuleId && page.test(o.facadeModuleId),
  );
  if (!chunk) throw new Error(`no chunk of its own for ${page}`);
  return chunk;
}

/** index.html with modulepreload links for what each route's page chunk loads beyond the entry. */
export function routeShells(bundle: OutputBundle): { fileName: string; source: string }[] {
  const index = bundle['index.html'] as OutputAsset | undefined;
  if (!index) throw new Error('route shells: index.html is not in the bundle yet');
  const html = String(index.source);
  return Object.entries(ROUTE_SHELLS).map(([name, page]) => {
    const links = closure(bundle, pageChunk(bundle, page))
      .filter((f) => f.endsWith('.js') && !html.includes(`/${f}"`))
      .map((f) => `    <link rel="modulepreload" crossorigin href="/${f}">\n`)
      .join('');
    return { fileName: `shells/${name}.html`, source: html.replace('  </head>', `${links}  </head>`) };
  });
}
