import { Alert, Button, Checkbox } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { missingMaterials, reused, type ApplyMaterial, type MaterialChoices } from './materials';
import { MaterialRow } from './MaterialRow';

interface Props {
  materials: ApplyMaterial[];
  /** False when the server cannot yet say which materials it holds (the plan endpoint answered 404). */
  planKnown: boolean;
  consentRequired: boolean;
  choices: MaterialChoices;
  consent: boolean;
  onChoices: (c: MaterialChoices) => void;
  onConsent: (on: boolean) => void;
  onBack: () => void;
  onNext: () => void;
}

/** Step 2 · 申请材料 (申办一袋): what the platform holds for the applicant, and a file or promise for the rest. */
export function MaterialsStep({
  materials,
  planKnown,
  consentRequired,
  choices,
  consent,
  onChoices,
  onConsent,
  onBack,
  onNext,
}: Props) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(false);
  const missing = new Set(missingMaterials(materials, choices, consent, consentRequired).map((m) => m.index));
  const reusable = materials.some((m) => m.satisfiedBy);
  const next = () => {
    setChecked(true);
    if (missing.size === 0) onNext();
  };
  return (
    <div className="tb-apply-materials">
      {!planKnown ? <Alert type="info" showIcon title={t('apply.materials.planUnavailable')} /> : null}
      {reusable && consentRequired ? (
        <Checkbox className="tb-apply-consent" checked={consent} onChange={(e) => onConsent(e.target.checked)}>
          {t('apply.materials.consent')}
        </Checkbox>
      ) : null}
      <p className="tb-muted">{t('apply.materials.afterSubmit')}</p>
      {materials.length === 0 ? (
        <p>{t('apply.materials.none')}</p>
      ) : (
        <ul className="tb-apply-material-list" aria-label={t('apply.materials.listLabel')}>
          {materials.map((m) => (
            <MaterialRow
              key={m.index}
              m={m}
              reused={reused(m, consent, consentRequired)}
              choice={choices[m.index]}
              missing={checked && missing.has(m.index)}
              onChange={(c) => onChoices({ ...choices, [m.index]: c })}
            />
          ))}
        </ul>
      )}
      {checked && missing.size > 0 ? (
        <p className="tb-field-error" role="alert">
          {t('apply.materials.stillMissing', { count: missing.size })}
        </p>
      ) : null}
      <div className="tb-apply-buttons">
        <Button autoInsertSpace={false} onClick={onBack}>
          {t('apply.back')}
        </Button>
        <Button autoInsertSpace={false} type="primary" onClick={next}>
          {t('apply.next')}
        </Button>
      </div>
    </div>
  );
}
