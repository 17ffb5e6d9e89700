import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item } from '../../../../../contracts/catalog';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import type { PersonMe } from '../../identity';
import { problemOf } from '../../../ui/problems';
import type { FormValues, MaterialsPlan } from './api';
import { ApplicantPicker } from './ApplicantPicker';
import { DoneStep } from './DoneStep';
import { fieldsOf, prefill, type FormField } from './formFields';
import { FormStep } from './FormStep';
import { applyMaterials, reused, type MaterialChoices } from './materials';
import { MaterialsStep } from './MaterialsStep';
import { useDraft, useFormSchema, useMaterialsPlan, useSubmitApplication, type MaterialToSend } from './queries';
import { ReviewStep } from './ReviewStep';

const STEPS = ['form', 'materials', 'review', 'done'] as const;
type Step = 0 | 1 | 2 | 3;
/** 服务对象 企业法人: the item serves enterprises, so acting for one is offered. */
const ENTERPRISE = '2';
/** 服务对象 自然人: without it the item is for 法人 only, and a person applies only for an enterprise. */
const PERSON = '1';

/** The steps as an ordered list, the current one marked for screen readers too. */
function StepList({ current }: { current: Step }) {
  const { t } = useTranslation();
  return (
    <ol className="tb-case-steps tb-apply-steps" aria-label={t('apply.steps.label')}>
      {STEPS.map((s, i) => (
        <li
          key={s}
          className={`tb-case-steps__step is-${i < current || current === 3 ? 'done' : i === current ? 'current' : 'todo'}`}
          aria-current={i === current ? 'step' : undefined}
        >
          <span className="tb-case-steps__dot" aria-hidden="true">
            {i + 1}
          </span>
          <span>{t(`apply.steps.${s}`)}</span>
        </li>
      ))}
    </ol>
  );
}

/** The server's field errors of the form (`form.<key>`), by field; undefined when the problem names none. */
function formFieldErrors(error: unknown): Record<string, string[]> | undefined {
  const errors = problemOf(error)?.errors?.filter((e) => e.field.startsWith('form.'));
  if (!errors?.length) return undefined;
  const byField: Record<string, string[]> = {};
  for (const e of errors) (byField[e.field.slice('form.'.length)] ??= []).push(e.message);
  return byField;
}

interface WizardProps {
  item: Item;
  me: PersonMe;
  fields: FormField[];
  draft: { form: FormValues; updatedAt: string } | null;
  /** null: the server cannot say yet which materials it holds. */
  plan: MaterialsPlan | null;
}

function Wizard({ item, me, fields, draft, plan }: WizardProps) {
  const { t } = useTranslation();
  const enterpriseOnly = !item.serviceObjects.includes(PERSON) && item.serviceObjects.includes(ENTERPRISE);
  const [step, setStepState] = useState<Step>(0);
  const [values, setValues] = useState<FormValues>(() => ({ ...prefill(fields, me), ...draft?.form }));
  const [choices, setChoices] = useState<MaterialChoices>({});
  const [consent, setConsent] = useState(false);
  const [serverErrors, setServerErrors] = useState<{ fields: Record<string, string[]>; error: unknown }>();
  const submit = useSubmitApplication(item.code);
  const materials = useMemo(() => applyMaterials(item.materials, plan), [item.materials, plan]);
  const consentRequired = plan?.consentRequired ?? false;
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const setStep = (next: Step) => {
    moved.current = true;
    setStepState(next);
  };

  // After a step change (not on arrival), focus goes to the new step's heading so that keyboard and screen-reader users start there.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    heading.current?.focus();
  }, [step]);

  const toSend: MaterialToSend[] = materials.flatMap((m) => {
    const choice = choices[m.index];
    return choice && !reused(m, consent, consentRequired) ? [{ index: m.index, name: m.name, choice }] : [];
  });

  const send = () =>
    submit.mutate(
      { form: values, reuseConsent: consent && materials.some((m) => m.satisfiedBy), materials: toSend },
      {
        onSuccess: () => setStep(3),
        onError: (error) => {
          const byField = formFieldErrors(error);
          if (!byField) return;
          setServerErrors({ fields: byField, error });
          setStep(0);
        },
      },
    );

  return (
    <>
      <StepList current={step} />
      <section className="tb-panel tb-apply-panel" aria-labelledby="apply-step-title">
        <h2 id="apply-step-title" ref={heading} tabIndex={-1}>
          {t(`apply.steps.${STEPS[step]}`)}
        </h2>
        {step === 0 ? (
          <>
            <ApplicantPicker
              me={me}
              forEnterprises={item.serviceObjects.includes(ENTERPRISE)}
              enterpriseOnly={enterpriseOnly}
            />
            {enterpriseOnly && !me.actingFor ? null : (
              <FormStep
                itemCode={item.code}
                fields={fields}
                values={values}
                restoredFrom={draft?.updatedAt}
                serverErrors={serverErrors}
                onNext={(v) => {
                  setValues(v);
                  setServerErrors(undefined);
                  setStep(1);
                }}
              />
            )}
          </>
        ) : step === 1 ? (
          <MaterialsStep
            materials={materials}
            planKnown={plan !== null}
            consentRequired={consentRequired}
            choices={choices}
            consent={consent}
            onChoices={setChoices}
            onConsent={setConsent}
            onBack={() => setStep(0)}
            onNext={() => setStep(2)}
          />
        ) : step === 2 ? (
          <ReviewStep
            me={me}
            fields={fields}
            values={values}
            materials={materials}
            choices={choices}
            consent={consent}
            consentRequired={consentRequired}
            submitting={submit.isPending}
            error={submit.error}
            onEdit={setStep}
            onSubmit={send}
          />
        ) : (
          <DoneStep result={submit.data!} materials={toSend} />
        )}
      </section>
    </>
  );
}

/** 在线申报 for one item and the acting applicant: loads the form schema, the draft and the materials plan, then runs the steps. */
export function ApplyWizard({ item, me }: { item: Item; me: PersonMe }) {
  const applicant = me.actingFor?.enterpriseId ?? 'self';
  const schema = useFormSchema(item.code);
  const draft = useDraft(item.code, applicant);
  const plan = useMaterialsPlan(item.code, applicant);
  const fields = useMemo(() => (schema.data ? fieldsOf(schema.data) : []), [schema.data]);
  if (schema.isPending || draft.isPending || plan.isPending) return <PageLoading rows={8} />;
  if (schema.isError || draft.isError) {
    return (
      <ProblemAlert
        error={schema.error ?? draft.error}
        onRetry={() => {
          void schema.refetch();
          void draft.refetch();
        }}
      />
    );
  }
  // Without the plan the wizard still works: every material is then uploaded.
  return <Wizard item={item} me={me} fields={fields} draft={draft.data} plan={plan.data ?? null} />;
}
