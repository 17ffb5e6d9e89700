/**
 * The rule as a form: conditions chosen from the fact catalogue (fact, comparison, value — numbers,
 * an enumeration's values, or a region), and test cases giving a value for each fact the
 * conditions name (a date for 年龄 and the "days since" facts), with the expected outcome.
 */
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEnglish } from '../../ui/useEnglish';
import type { FactView } from './api';

export const REGIONS = ['52', '5201', '5226'] as const;
export type Region = (typeof REGIONS)[number];
export const PLACES = ['520102001001', '520103001001', '522631100001'] as const;
const NUMERIC_OPS = ['gte', 'gt', 'lte', 'lt', 'eq', 'ne'] as const;

export interface ConditionValues {
  fact?: string;
  op?: string;
  value?: number;
  values?: string[];
  region?: string;
}

type Op = (typeof NUMERIC_OPS)[number] | 'in' | 'notIn' | 'within';
export function opsOf(fact: FactView | undefined): readonly Op[] {
  if (!fact) return [];
  if (fact.kind === 'enum') return ['in', 'notIn'];
  if (fact.kind === 'region') return ['within'];
  return NUMERIC_OPS;
}

function ValueInput({ fact, name }: { fact: FactView | undefined; name: number }) {
  const { t } = useTranslation('policynew');
  const en = useEnglish();
  if (fact?.kind === 'enum')
    return (
      <Form.Item name={[name, 'values']} label={t('value')} rules={[{ required: true }]}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          options={fact.values.map((v) => ({ value: v.value, label: en ? v.name.en : v.name.zh }))}
        />
      </Form.Item>
    );
  if (fact?.kind === 'region')
    return (
      <Form.Item name={[name, 'region']} label={t('value')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
        />
      </Form.Item>
    );
  return (
    <Form.Item name={[name, 'value']} label={t('value')} rules={[{ required: true }]}>
      <InputNumber />
    </Form.Item>
  );
}

export function ConditionsField({ facts }: { facts: readonly FactView[] }) {
  const { t } = useTranslation('policynew');
  const en = useEnglish();
  const form = Form.useFormInstance();
  const chosen = (Form.useWatch('when', form) ?? []) as ConditionValues[];
  const factOf = (i: number) => facts.find((f) => f.fact === chosen[i]?.fact);
  return (
    <Form.List name="when">
      {(fields, { add, remove }) => (
        <>
          {fields.map(({ key, name }, i) => (
            <fieldset key={key} className="tb-policynew__row">
              <legend>{t('conditionN', { n: i + 1 })}</legend>
              <Form.Item name={[name, 'fact']} label={t('fact')} rules={[{ required: true }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={facts.map((f) => ({ value: f.fact, label: en ? f.label.en : f.label.zh }))}
                />
              </Form.Item>
              <Form.Item name={[name, 'op']} label={t('op')} rules={[{ required: true }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={opsOf(factOf(i)).map((op) => ({ value: op, label: t(`ops.${op}`) }))}
                />
              </Form.Item>
              <ValueInput fact={factOf(i)} name={name} />
              <Button onClick={() => remove(name)}>{t('remove')}</Button>
            </fieldset>
          ))}
          <Button onClick={() => add({})}>{t('addCondition')}</Button>
        </>
      )}
    </Form.List>
  );
}

/** One input per fact the conditions name (not the region: every test case says where the person lives). */
function FactInput({ fact, name }: { fact: FactView; name: number }) {
  const en = useEnglish();
  const label = en ? fact.label.en : fact.label.zh;
  const at = [name, 'facts', fact.source];
  if (fact.kind === 'enum')
    return (
      <Form.Item name={at} label={label}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={fact.values.map((v) => ({ value: v.value, label: en ? v.name.en : v.name.zh }))}
        />
      </Form.Item>
    );
  if (fact.kind === 'number')
    return (
      <Form.Item name={at} label={label}>
        <InputNumber />
      </Form.Item>
    );
  return (
    <Form.Item name={at} label={`${label}${en ? ' (date)' : '（日期）'}`}>
      <Input type="date" />
    </Form.Item>
  );
}

export function ExamplesField({ facts }: { facts: readonly FactView[] }) {
  const { t } = useTranslation('policynew');
  const form = Form.useFormInstance();
  const chosen = (Form.useWatch('when', form) ?? []) as ConditionValues[];
  const named = facts.filter((f) => f.kind !== 'region' && chosen.some((c) => c?.fact === f.fact));
  return (
    <Form.List name="examples">
      {(fields, { add, remove }) => (
        <>
          {fields.map(({ key, name }, i) => (
            <fieldset key={key} className="tb-policynew__row">
              <legend>{t('exampleN', { n: i + 1 })}</legend>
              <Form.Item name={[name, 'name']} label={t('exampleName')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name={[name, 'on']} label={t('on')} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
              <Form.Item name={[name, 'facts', 'regionCode']} label={t('places.label')} rules={[{ required: true }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={PLACES.map((p) => ({ value: p, label: t(`places.${p}`) }))}
                />
              </Form.Item>
              {named.map((f) => (
                <FactInput key={f.fact} fact={f} name={name} />
              ))}
              <Form.Item name={[name, 'eligible']} label={t('expect')} rules={[{ required: true }]}>
                <Select
                  options={[
                    { value: true, label: t('eligible') },
                    { value: false, label: t('notEligible') },
                  ]}
                />
              </Form.Item>
              <Form.Item name={[name, 'amount']} label={t('expectAmount')}>
                <InputNumber min={0} />
              </Form.Item>
              <Button onClick={() => remove(name)}>{t('remove')}</Button>
            </fieldset>
          ))}
          <Button onClick={() => add({})}>{t('addExample')}</Button>
        </>
      )}
    </Form.List>
  );
}
