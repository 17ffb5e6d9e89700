import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonMe } from '../../identity';
import { Fact } from '../CaseBits';
import type { FormValues } from './api';
import type { FormField } from './formFields';
import { fileSize } from './MaterialRow';
import { reused, type ApplyMaterial, type MaterialChoices } from './materials';
import { ProblemAlert } from '../../../ui/ProblemAlert';

interface Props {
  me: PersonMe;
  fields: FormField[];
  values: FormValues;
  materials: ApplyMaterial[];
  choices: MaterialChoices;
  consent: boolean;
  consentRequired: boolean;
  submitting: boolean;
  error: unknown;
  onEdit: (step: 0 | 1) => void;
  onSubmit: () => void;
}

function useShowValue() {
  const { t } = useTranslation();
  return (f: FormField, v: unknown): string =>
    v === undefined
      ? t('apply.review.empty')
      : f.kind === 'boolean'
        ? t(v ? 'apply.form.yes' : 'apply.form.no')
        : String(v);
}

/** Step 3 · 确认提交: everything the applicant is about to send, each part with a way back to change it. */
export function ReviewStep({
  me,
  fields,
  values,
  materials,
  choices,
  consent,
  consentRequired,
  submitting,
  error,
  onEdit,
  onSubmit,
}: Props) {
  const { t } = useTranslation();
  const show = useShowValue();
  const disposition = (m: ApplyMaterial): string => {
    if (reused(m, consent, consentRequired)) return t('apply.review.reused');
    const c = choices[m.index];
    if (c?.kind === 'file')
      return `${t('apply.review.file')}${t('app.colon')}${c.file.name}（${fileSize(c.file.size)}）`;
    if (c?.kind === 'promise') return `${t('apply.review.promise')}${t('app.colon')}${c.text}`;
    return t('apply.review.notProvided');
  };
  return (
    <div className="tb-apply-review">
      <section className="tb-apply-review__part" aria-labelledby="review-applicant">
        <h3 id="review-applicant">{t('apply.review.applicant')}</h3>
        <p>
          {me.actingFor
            ? t(
                me.actingFor.role === 'legal_representative'
                  ? 'apply.applicant.enterpriseByRepresentative'
                  : 'apply.applicant.enterpriseBy',
                { name: me.actingFor.name, person: me.name },
              )
            : t('apply.applicant.myself', { name: me.name })}
        </p>
      </section>
      <section className="tb-apply-review__part" aria-labelledby="review-form">
        <div className="tb-apply-review__head">
          <h3 id="review-form">{t('apply.steps.form')}</h3>
          <Button type="link" onClick={() => onEdit(0)}>
            {t('apply.review.edit')}
            <span className="sr-only">{t('apply.steps.form')}</span>
          </Button>
        </div>
        <dl className="tb-facts">
          {fields.map((f) => (
            <Fact key={f.key} label={f.label}>
              {show(f, values[f.key])}
            </Fact>
          ))}
        </dl>
      </section>
      <section className="tb-apply-review__part" aria-labelledby="review-materials">
        <div className="tb-apply-review__head">
          <h3 id="review-materials">{t('apply.steps.materials')}</h3>
          <Button type="link" onClick={() => onEdit(1)}>
            {t('apply.review.edit')}
            <span className="sr-only">{t('apply.steps.materials')}</span>
          </Button>
        </div>
        <dl className="tb-facts">
          {materials.map((m) => (
            <Fact key={m.index} label={m.name}>
              {disposition(m)}
            </Fact>
          ))}
        </dl>
      </section>
      <p className="tb-muted">{t('apply.review.statement')}</p>
      {error ? <ProblemAlert error={error} /> : null}
      <div className="tb-apply-buttons">
        <Button autoInsertSpace={false} onClick={() => onEdit(1)} disabled={submitting}>
          {t('apply.back')}
        </Button>
        <Button autoInsertSpace={false} type="primary" size="large" onClick={onSubmit} loading={submitting}>
          {submitting ? t('apply.review.submitting') : t('apply.review.submit')}
        </Button>
      </div>
    </div>
  );
}
