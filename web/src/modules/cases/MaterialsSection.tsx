import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Badge } from '../../ui/Badge';
import { materialFileUrl } from './api';
import { useMaterials } from './queries';
import { MaterialPreview } from './view/MaterialPreview';

/** 申办一袋: each material of the guide, what was provided (a file or a 容缺 promise) and what is missing. */
/** Materials the applicant did not bring: the platform held them (免提交) or the online form is the material. */
const REUSED = {
  license: 'cases.detail.byLicense',
  shared_data: 'cases.detail.byShared',
  form: 'cases.detail.byForm',
} as const;

export function MaterialsSection({ caseId, headingId }: { caseId: string; headingId: string }) {
  const { t } = useTranslation();
  const bag = useMaterials(caseId);
  return (
    <section className="tb-panel tb-case-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('cases.detail.materials')}</h2>
      {bag.isPending ? (
        <p className="tb-muted">{t('app.loading')}</p>
      ) : bag.isError ? (
        <ProblemAlert error={bag.error} onRetry={() => void bag.refetch()} />
      ) : bag.data.materials.length === 0 ? (
        <p>{t('cases.detail.noMaterials')}</p>
      ) : (
        <>
          <p className={bag.data.missingRequired.length ? 'tb-case-missing' : 'tb-text-green'}>
            {bag.data.missingRequired.length
              ? t('cases.detail.missingRequired', { names: bag.data.missingRequired.join(t('app.listSep')) })
              : t('cases.detail.allProvided')}
          </p>
          <ul className="tb-case-materials">
            {bag.data.materials.map((m) => (
              <li key={m.index}>
                <span className="tb-case-materials__name">
                  {m.name}
                  {m.necessity !== 'required' ? (
                    <span className="tb-muted tb-small">（{t('cases.detail.optional')}）</span>
                  ) : null}
                </span>
                <span className="tb-case-materials__state">
                  {m.provided?.kind === 'upload' ? (
                    <>
                      <Badge tone="green">{t('cases.detail.provided')}</Badge>{' '}
                      <a href={materialFileUrl(caseId, m.provided.id)} download>
                        {t('cases.detail.download')}
                        <span className="sr-only">{m.name}</span>
                      </a>
                    </>
                  ) : m.provided && m.provided.kind in REUSED ? (
                    <Badge tone="green">{t(REUSED[m.provided.kind as keyof typeof REUSED])}</Badge>
                  ) : m.provided?.kind === 'promise' ? (
                    <Badge tone="blue" title={m.provided.promise ?? undefined}>
                      {t('cases.detail.promised')}
                    </Badge>
                  ) : (
                    <Badge tone={m.necessity === 'required' ? 'red' : 'gray'}>{t('cases.detail.missing')}</Badge>
                  )}
                </span>
                <MaterialPreview caseId={caseId} material={m} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
