/**
 * A PDF's first pages drawn in the page with pdf.js (headless and locked-down browsers have no PDF
 * plug-in). Loaded only by the case pages that preview a material, as its own chunk.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Pages drawn at most: a preview, not a reader (the download has the rest). */
const MAX_PAGES = 5;
const WIDTH_CSS_PX = 640;

async function drawPages(
  doc: PDFDocumentProxy,
  into: HTMLElement,
  label: (n: number) => string,
  isCancelled: () => boolean,
): Promise<void> {
  const count = Math.min(doc.numPages, MAX_PAGES);
  for (let n = 1; n <= count && !isCancelled(); n++) {
    const page = await doc.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: (WIDTH_CSS_PX / base.width) * ratio });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label(n));
    canvas.className = 'tb-preview__page';
    await page.render({ canvas, viewport }).promise;
    if (!isCancelled()) into.append(canvas);
  }
}

export default function PdfPages({ bytes }: { bytes: ArrayBuffer }) {
  const { t } = useTranslation('caseView');
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'done'; total: number } | { kind: 'failed' }>({
    kind: 'loading',
  });
  useEffect(() => {
    let cancelled = false;
    const el = box.current;
    if (!el) return;
    el.replaceChildren();
    // pdf.js takes the buffer over (transfers it to its worker): give it a copy.
    const task = getDocument({ data: new Uint8Array(bytes.slice(0)), isEvalSupported: false });
    task.promise
      .then(async (doc) => {
        await drawPages(
          doc,
          el,
          (n) => t('material.page', { n, total: doc.numPages }),
          () => cancelled,
        );
        if (!cancelled) setState({ kind: 'done', total: doc.numPages });
      })
      .catch(() => {
        if (!cancelled) setState({ kind: 'failed' });
      });
    return () => {
      cancelled = true;
      // Stopping a load that is no longer wanted; a failure to stop has nobody left to tell.
      task.destroy().catch(() => undefined);
    };
  }, [bytes, t]);
  return (
    <div className="tb-preview">
      {state.kind === 'loading' ? <p className="tb-muted">{t('material.loading')}</p> : null}
      {state.kind === 'failed' ? <p className="tb-muted">{t('material.failed')}</p> : null}
      <div ref={box} className="tb-preview__pages" />
      {state.kind === 'done' && state.total > MAX_PAGES ? (
        <p className="tb-muted tb-small">{t('material.morePages', { shown: MAX_PAGES, total: state.total })}</p>
      ) : null}
    </div>
  );
}
