import { Alert, Breadcrumb, Button, Checkbox, Form } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { Badge } from '../../../../ui/Badge';
import { PageLoading } from '../../../../ui/PageLoading';
import { ProblemAlert } from '../../../../ui/ProblemAlert';
import { useDocumentTitle } from '../../../../ui/useDocumentTitle';
import { formData, type FormField as WizardField } from '../../apply/formFields';
import { newIdempotencyKey } from '../../apply/queries';
import { SchemaField } from '../../apply/SchemaField';
import { useRegionParam, withRegion } from '../../../catalog';
import { useMe } from '../../../identity';
import { submitBundle, themeApplication, type ThemeApplication } from '../api';
import { PrefilledField } from '../prefill/PrefilledField';
import { PrefillPanel } from '../prefill/PrefillPanel';
import { BundleDone } from './BundleDone';
import { fieldGroups, type Step } from './fields';
import '../forms.css';

function Fields({
  fields,
  prefilled,
  edit,
}: {
  fields: WizardField[];
  prefilled: Map<string, unknown>;
  edit: (k: string) => void;
}) {
  return fields.map((f) =>
    prefilled.has(f.key) ? (
      <PrefilledField
        key={f.key}
        name={f.key}
        label={f.label}
        value={prefilled.get(f.key)}
        onChange={() => edit(f.key)}
      />
    ) : (
      <SchemaField key={f.key} f={f} />
    ),
  );
}

function Materials({ steps }: { steps: Step[] }) {
  const { t } = useTranslation('forms');
  return (
    <section className="tb-panel" aria-labelledby="bundle-materials">
      <h2 id="bundle-materials">{t('theme.materials')}</h2>
      <p className="tb-muted">{t('theme.materialsIntro')}</p>
      {steps.map((s) => (
        <div key={s.basicCode} className="tb-bundle-materials">
          <h3>{s.itemName}</h3>
          <ul>
            {s.materials.map((m) => (
              <li key={m.index}>
                {m.name} {m.held ? <Badge tone="green">{t('theme.held')}</Badge> : null}
                {m.necessity === 'deferrable' ? <Badge tone="orange">{t('theme.deferrable')}</Badge> : null}
                {m.necessity === 'optional' ? <Badge tone="gray">{t('theme.optionalMaterial')}</Badge> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function ApplyForm({ app, region }: { app: ThemeApplication; region: string }) {
  const { t } = useTranslation('forms');
  const [form] = Form.useForm<Record<string, unknown>>();
  const [include, setInclude] = useState<string[]>([]);
  const [prefilled, setPrefilled] = useState(new Map<string, unknown>());
  const [key] = useState(newIdempotencyKey);
  const chosen = (s: Step) => !s.optional || include.includes(s.basicCode);
  const groups = fieldGroups(app, chosen);
  const all = [...groups.shared, ...groups.steps.flatMap((g) => g.fields)];
  const submit = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      submitBundle({ theme: app.slug, region, form: formData(all, values), include }, key),
  });
  const edit = (k: string) => setPrefilled((m) => new Map([...m].filter(([x]) => x !== k)));
  if (submit.data) return <BundleDone bundle={submit.data} />;
  const optional = app.steps.filter((s) => s.optional);
  return (
    <>
      <PrefillPanel
        target={{ theme: app.slug, region }}
        keys={all.map((f) => f.key)}
        onFilled={(values) => {
          const shown = new Set(all.map((f) => f.key));
          const mine = Object.entries(values).filter(([k]) => shown.has(k));
          form.setFieldsValue(Object.fromEntries(mine));
          setPrefilled(new Map(mine));
        }}
      />
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} scrollToFirstError={{ focus: true }}>
        {optional.length > 0 ? (
          <section className="tb-panel" aria-labelledby="bundle-steps">
            <h2 id="bundle-steps">{t('theme.choose')}</h2>
            <ul className="tb-bundle-steps">
              {app.steps
                .filter((s) => !s.optional)
                .map((s) => (
                  <li key={s.basicCode}>
                    {s.itemName} <Badge tone="blue">{t('theme.required')}</Badge>
                  </li>
                ))}
            </ul>
            <Checkbox.Group
              value={include}
              onChange={(v) => setInclude(v as string[])}
              options={optional.map((s) => ({ value: s.basicCode, label: `${s.itemName}（${t('theme.optional')}）` }))}
            />
          </section>
        ) : null}
        <section className="tb-panel" aria-labelledby="bundle-shared">
          <h2 id="bundle-shared">{t('theme.shared')}</h2>
          <Fields fields={groups.shared} prefilled={prefilled} edit={edit} />
        </section>
        {groups.steps.map((g) => (
          <section key={g.step.basicCode} className="tb-panel" aria-label={t('theme.own', { name: g.step.itemName })}>
            <h2>{t('theme.own', { name: g.step.itemName })}</h2>
            <Fields fields={g.fields} prefilled={prefilled} edit={edit} />
          </section>
        ))}
        <Materials steps={app.steps.filter(chosen)} />
        {submit.isError ? <ProblemAlert error={submit.error} /> : null}
        <Button autoInsertSpace={false} type="primary" size="large" htmlType="submit" loading={submit.isPending}>
          {t('theme.submit')}
        </Button>
      </Form>
    </>
  );
}

/** 一件事申报: the whole theme as one application, for a signed-in person. */
export function ThemeApplyPage() {
  const { t } = useTranslation('forms');
  const { t: tr } = useTranslation();
  const { id = '' } = useParams();
  const [region] = useRegionParam();
  const me = useMe();
  const app = useQuery({
    queryKey: ['forms', 'theme-application', id, region ?? ''],
    queryFn: ({ signal }) => themeApplication(id, region, signal),
  });
  useDocumentTitle(app.data ? `${t('theme.title')} · ${app.data.name}` : t('theme.title'));
  const back = withRegion(`/themes/${encodeURIComponent(id)}`, region);
  let body;
  if (me.isPending || app.isPending) body = <PageLoading rows={8} />;
  else if (me.isError) body = <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />;
  else if (me.data.kind === 'anonymous') {
    const here = withRegion(`/themes/${encodeURIComponent(id)}/apply`, region);
    body = <Navigate to={`/login?returnTo=${encodeURIComponent(here)}`} replace />;
  } else if (me.data.kind === 'staff') body = <Alert type="info" showIcon title={t('theme.staff')} />;
  else if (app.isError) body = <ProblemAlert error={app.error} onRetry={() => void app.refetch()} />;
  else body = <ApplyForm app={app.data} region={region ?? '52'} />;
  return (
    <div className="tb-container tb-page tb-bundle-apply">
      <Breadcrumb
        className="tb-breadcrumb"
        items={[
          { key: 'home', title: <Link to={withRegion('/', region)}>{tr('nav.home')}</Link> },
          { key: 'theme', title: <Link to={back}>{app.data?.title ?? '…'}</Link> },
          { key: 'apply', title: t('theme.title') },
        ]}
      />
      <header className="tb-page-header">
        <p className="tb-apply-kicker">{t('theme.title')}</p>
        <h1>{app.data?.name ?? t('theme.title')}</h1>
        <p className="tb-muted">{t('theme.applyLead')}</p>
      </header>
      {body}
    </div>
  );
}

export default ThemeApplyPage;
