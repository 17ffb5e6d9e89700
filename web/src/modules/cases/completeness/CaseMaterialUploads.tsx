import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/Badge';
import type { CaseStatus } from '../api';
import { useMaterials } from '../queries';
import type { CompletenessBag } from './api';
import { MaterialUpload } from './MaterialUpload';

const BEFORE_ACCEPTANCE: readonly CaseStatus[] = ['submitted', 'awaiting_supplement'];
const ACCEPTED: readonly CaseStatus[] = ['in_progress', 'suspended'];
/** The server's default TOLERANCE_DAYS, said before acceptance dates the promise. */
const TOLERANCE_DAYS = 5;

/**
 * The applicant's upload or replace control per material, where the server allows it: before
 * acceptance and while awaiting 补正 every material the applicant brings; after acceptance only
 * those promised under 容缺, until their due date. Nothing is shown otherwise.
 */
export function CaseMaterialUploads({
  caseId,
  status,
  noticeItems = [],
  asSection = false,
}: {
  caseId: string;
  status: CaseStatus;
  noticeItems?: string[];
  asSection?: boolean;
}) {
  const { t } = useTranslation('completeness');
  const bag = useMaterials(caseId);
  if (!bag.data) return null;
  const materials = (bag.data as CompletenessBag).materials.filter((m) => {
    if (m.provided && m.provided.kind !== 'upload' && m.provided.kind !== 'promise') return false; // 免提交, the online form, paper at the window
    if (BEFORE_ACCEPTANCE.includes(status)) return true;
    return ACCEPTED.includes(status) && m.provided?.kind === 'promise';
  });
  if (materials.length === 0) return null;
  const lead =
    status === 'awaiting_supplement'
      ? 'uploads.duringSupplement'
      : ACCEPTED.includes(status)
        ? 'uploads.afterAcceptance'
        : 'uploads.beforeAcceptance';
  const Box = asSection ? 'section' : 'div';
  const Heading = asSection ? 'h2' : 'h3';
  return (
    <Box
      className={asSection ? 'tb-panel tb-case-section tb-case-uploads' : 'tb-case-uploads'}
      data-testid="case-uploads"
      aria-labelledby={`uploads-${caseId}`}
    >
      <Heading id={`uploads-${caseId}`}>{t('uploads.title')}</Heading>
      <p className="tb-muted">{t(lead)}</p>
      <ul className="tb-case-materials">
        {materials.map((m) => {
          const p = m.provided;
          const overdue = p?.kind === 'promise' && p.overdue;
          return (
            <li key={m.index} className="tb-case-upload">
              <span className="tb-case-materials__name">
                {m.name} {noticeItems.includes(m.name) ? <Badge tone="red">{t('uploads.noticed')}</Badge> : null}
              </span>
              <span className="tb-case-materials__state">
                {p?.kind === 'upload' ? (
                  <Badge tone="green">{t('uploads.current')}</Badge>
                ) : p?.kind === 'promise' ? (
                  <Badge tone={overdue ? 'red' : 'blue'}>
                    {overdue
                      ? t('uploads.overdue', { due: p.dueOn })
                      : p.dueOn
                        ? t('uploads.promised', { due: p.dueOn })
                        : t('uploads.promisedUndated', { days: TOLERANCE_DAYS })}
                  </Badge>
                ) : (
                  <Badge tone={m.necessity === 'optional' ? 'gray' : 'red'}>{t('uploads.missing')}</Badge>
                )}
              </span>
              {overdue ? null : (
                <MaterialUpload caseId={caseId} index={m.index} name={m.name} replacing={p?.kind === 'upload'} />
              )}
            </li>
          );
        })}
      </ul>
    </Box>
  );
}
