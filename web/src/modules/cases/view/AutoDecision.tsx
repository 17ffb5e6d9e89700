import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../api';
import { useEnglish } from '../../../ui/useEnglish';

/**
 * 自动准予的判断依据 (秒批, 免申即享): the rules the system approved the case on, each in words with whether it held and
 * the registry value it read — the rule engine's explanation, for the applicant and for staff.
 */
export function AutoDecision({
  c,
  staff = false,
}: {
  c: Pick<CaseDetail, 'autoDecision' | 'filedBySystem'>;
  staff?: boolean;
}) {
  const { t } = useTranslation('caseView');
  const en = useEnglish();
  if (!c.autoDecision) return null;
  const say = (x: { zh: string; en: string }) => (en ? x.en : x.zh);
  return (
    <section className="tb-panel tb-case-section" aria-labelledby="case-auto-decision">
      <h2 id="case-auto-decision">{t('auto.title')}</h2>
      {c.filedBySystem ? <p>{t(staff ? 'auto.noApplicationStaff' : 'auto.noApplication')}</p> : null}
      <p className="tb-muted">{t('auto.lead', { date: c.autoDecision.referenceDate })}</p>
      <ul className="tb-auto-decision">
        {c.autoDecision.conditions.map((k) => (
          <li key={k.condition.zh}>
            <span className={k.held ? 'tb-auto-held' : 'tb-auto-failed'}>
              {k.held ? t('auto.held') : t('auto.failed')}
            </span>
            {say(k.condition)} <span className="tb-muted">{t('auto.value', { value: say(k.value) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
