import './view.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../../ui/Fact';
import { RegionName } from '../../catalog';
import type { CaseFormField } from '../api';
import { useEnglish } from '../../../ui/useEnglish';
import { shortDate } from '../../../ui/format';

/**
 * 申请表: the submitted form labelled by the item's fields, in the order of the form — yes/no,
 * dates, numbers and regions in words; entries the form no longer has (or nested ones) under a
 * generic heading, never under their keys. Staff receive identifiers already masked by the server.
 */
export function FormView({
  fields,
  form,
  headingId,
  masked,
}: {
  fields: CaseFormField[];
  form: Record<string, unknown>;
  headingId: string;
  masked: boolean;
}) {
  const { t } = useTranslation('caseView');
  const known = new Set(fields.map((f) => f.key));
  const others = Object.entries(form).filter(([k]) => !known.has(k));
  return (
    <section className="tb-panel tb-case-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('form.title')}</h2>
      {fields.length === 0 && others.length === 0 ? <p className="tb-muted">{t('form.none')}</p> : null}
      {masked && fields.some((f) => f.type === 'idNumber' || f.type === 'phone') ? (
        <p className="tb-muted tb-small">{t('form.masked')}</p>
      ) : null}
      <dl className="tb-facts tb-form-view">
        {fields.map((f) => (
          <Fact key={f.key} label={f.label}>
            <Value field={f} value={form[f.key]} />
          </Fact>
        ))}
        {others.map(([k, v], i) => (
          <Fact key={k} label={`${t('form.other')} ${i + 1}`}>
            <Value value={v} />
          </Fact>
        ))}
      </dl>
    </section>
  );
}

/** One value in words; arrays as a numbered list and objects as a nested list of their entries. */
function Value({ field, value }: { field?: CaseFormField; value: unknown }): ReactNode {
  const { t } = useTranslation('caseView');
  const en = useEnglish();
  if (value === undefined || value === null || value === '') return <span className="tb-muted">{t('form.empty')}</span>;
  if (typeof value === 'boolean') return t(value ? 'form.yes' : 'form.no');
  if (typeof value === 'number') return value.toLocaleString(en ? 'en-GB' : 'zh-CN');
  if (Array.isArray(value)) {
    return (
      <ol className="tb-form-view__list">
        {value.map((v, i) => (
          <li key={i}>
            <Value value={v} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object') {
    return (
      <dl className="tb-form-view__nested">
        {Object.values(value as Record<string, unknown>).map((v, i) => (
          <Fact key={i} label={t('form.item', { n: i + 1 })}>
            <Value value={v} />
          </Fact>
        ))}
      </dl>
    );
  }
  const text = String(value);
  if (field?.type === 'date') return shortDate(text, en);
  if (field?.type === 'region') return <RegionName code={text} />;
  if (field?.type === 'idNumber' || field?.type === 'creditCode' || field?.type === 'phone')
    return <span className="tb-code">{text}</span>;
  return <span className="tb-form-view__text">{text}</span>;
}
