import './view.css';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisplayName } from '../../../ui/useDisplayName';
import { materialFileUrl, type CaseMaterial } from '../api';

const PdfPages = lazy(() => import('./PdfPages'));

/** The file's bytes, fetched once per opening (a staff read is audited by the server, once). */
async function fileBytes(url: string, signal: AbortSignal): Promise<{ bytes: ArrayBuffer; type: string }> {
  const res = await fetch(url, { credentials: 'same-origin', signal });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return { bytes: await res.arrayBuffer(), type: res.headers.get('content-type') ?? '' };
}

function FilePreview({ url, name }: { url: string; name: string }) {
  const { t } = useTranslation('caseView');
  const file = useQuery({
    queryKey: ['cases', 'material-file', url],
    queryFn: ({ signal }) => fileBytes(url, signal),
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
  if (file.isPending) return <p className="tb-muted">{t('material.loading')}</p>;
  if (file.isError) return <p className="tb-muted">{t('material.failed')}</p>;
  const { bytes, type } = file.data;
  if (type.startsWith('image/')) return <ImagePreview bytes={bytes} type={type} name={name} />;
  if (type.startsWith('application/pdf')) {
    return (
      <Suspense fallback={<p className="tb-muted">{t('material.loading')}</p>}>
        <PdfPages bytes={bytes} />
      </Suspense>
    );
  }
  return <p className="tb-muted">{t('material.noPreview')}</p>;
}

function ImagePreview({ bytes, type, name }: { bytes: ArrayBuffer; type: string; name: string }) {
  // A data URL rather than an object URL: nothing to revoke when the preview closes.
  const src = `data:${type};base64,${btoa(Array.from(new Uint8Array(bytes), (b) => String.fromCharCode(b)).join(''))}`;
  return (
    <div className="tb-preview">
      <img className="tb-preview__image" src={src} alt={name} />
    </div>
  );
}

/**
 * Where a material came from (上传 / 电子证照 / 共享数据 / 在线填报 / 容缺承诺) and, for an uploaded
 * file, an inline preview opened on demand: PDF pages drawn in the page, images as they are.
 */
export function MaterialPreview({ caseId, material }: { caseId: string; material: CaseMaterial }) {
  const { t } = useTranslation('caseView');
  const { t: ta } = useTranslation();
  const name = useDisplayName();
  const [open, setOpen] = useState(false);
  const p = material.provided;
  if (!p) return null;
  return (
    <div className="tb-material-preview">
      <p className="tb-muted tb-small">
        {t('material.source')}
        {ta('app.colon')}
        {name('materialSource', p.kind)}
        {p.kind === 'promise' && p.promise ? ` · ${t('material.promise')}${ta('app.colon')}${p.promise}` : null}
      </p>
      {p.kind === 'upload' && p.id ? (
        <details onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t('material.previewOf', { name: material.name })}</summary>
          {open ? <FilePreview url={materialFileUrl(caseId, p.id)} name={material.name} /> : null}
        </details>
      ) : null}
    </div>
  );
}
