import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemGuide } from '../api';

const NECESSITY = ['required', 'optional', 'deferrable'] as const;
const SOURCE = ['applicant', 'government', 'e_license', 'online_form'] as const;
const MATERIAL_FORM = ['paper', 'electronic', 'either'] as const;
const DELIVERY = ['pickup', 'post', 'online'] as const;
const FIELD_TYPES = [
  'string',
  'text',
  'number',
  'date',
  'boolean',
  'choice',
  'idNumber',
  'creditCode',
  'phone',
  'region',
] as const;
/** Kinds of personal data a field may hold: stored encrypted, masked for staff who only oversee. */
const PERSONAL_KINDS = ['id', 'phone', 'address', 'name'] as const;

const NEW_MATERIAL = {
  name: '',
  necessity: 'required',
  source: 'applicant',
  form: 'either',
  originals: 1,
  copies: 0,
  basis: '',
  issuer: '',
  paperSpec: 'A4',
  instructions: '',
  acceptanceStandard: '',
};
const NEW_FEE = { name: '', standard: '', basis: '', waivable: false };
const NEW_FIELD = { key: '', label: '', type: 'string', required: true };

/**
 * The main fields of a 办事指南: name, summary, conditions, materials (necessity, source, the
 * licence that can replace it), time limits, visits, fees, delivery and the application form.
 * Everything else in the guide is kept as it is and sent back with the edit.
 */
export function GuideForm({
  form,
  guide,
  disabled,
  onFinish,
}: {
  form: FormInstance;
  guide: ItemGuide;
  disabled: boolean;
  onFinish: () => void;
}) {
  const { t } = useTranslation('admin');
  const remove = (label: string, onClick: () => void) => (
    <Button
      type="text"
      danger
      icon={<MinusCircleOutlined aria-hidden="true" />}
      onClick={onClick}
      aria-label={label}
      className="tb-admin-remove"
    />
  );
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={guide}
      disabled={disabled}
      onFinish={onFinish}
      className="tb-admin-guide"
      aria-label={t('guide.formLabel')}
      scrollToFirstError
    >
      <fieldset className="tb-panel">
        <legend>{t('guide.basic')}</legend>
        <Form.Item
          name="name"
          label={t('guide.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="summary" label={t('guide.summary')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </fieldset>

      <fieldset className="tb-panel">
        <legend>{t('guide.conditions')}</legend>
        <Form.List name="conditions">
          {(fields, { add, remove: drop }) => (
            <>
              {fields.map((field, i) => (
                <div key={field.key} className="tb-admin-row">
                  <Form.Item
                    name={field.name}
                    label={t('guide.condition', { n: i + 1 })}
                    rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                    className="tb-admin-grow"
                  >
                    <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} />
                  </Form.Item>
                  {remove(t('guide.removeCondition', { n: i + 1 }), () => drop(field.name))}
                </div>
              ))}
              <Button icon={<PlusOutlined aria-hidden="true" />} onClick={() => add('')}>
                {t('guide.addCondition')}
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>

      <fieldset className="tb-panel">
        <legend>{t('guide.materials')}</legend>
        <Form.List name="materials">
          {(fields, { add, remove: drop }) => (
            <>
              {fields.map((field, i) => (
                <fieldset key={field.key} className="tb-admin-sub">
                  <legend>{t('guide.material', { n: i + 1 })}</legend>
                  <div className="tb-admin-grid">
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('guide.materialName')}
                      rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                      className="tb-admin-wide"
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'necessity']} label={t('guide.necessity')}>
                      <Select options={NECESSITY.map((v) => ({ value: v, label: t(`guide.necessities.${v}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'source']} label={t('guide.source')}>
                      <Select options={SOURCE.map((v) => ({ value: v, label: t(`guide.sources.${v}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'form']} label={t('guide.materialForm')}>
                      <Select
                        options={MATERIAL_FORM.map((v) => ({ value: v, label: t(`guide.materialForms.${v}`) }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'licenseType']}
                      label={t('guide.licenseType')}
                      extra={t('guide.licenseTypeHelp')}
                    >
                      <Input maxLength={50} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'originals']} label={t('guide.originals')}>
                      <InputNumber min={0} max={99} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'copies']} label={t('guide.copies')}>
                      <InputNumber min={0} max={99} />
                    </Form.Item>
                  </div>
                  {remove(t('guide.removeMaterial', { n: i + 1 }), () => drop(field.name))}
                </fieldset>
              ))}
              <Button icon={<PlusOutlined aria-hidden="true" />} onClick={() => add({ ...NEW_MATERIAL })}>
                {t('guide.addMaterial')}
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>

      <fieldset className="tb-panel">
        <legend>{t('guide.limits')}</legend>
        <div className="tb-admin-grid">
          <Form.Item name="legalLimitDays" label={t('guide.legalLimitDays')}>
            <InputNumber min={0} max={3650} />
          </Form.Item>
          <Form.Item name="promisedLimitDays" label={t('guide.promisedLimitDays')}>
            <InputNumber min={0} max={3650} />
          </Form.Item>
          <Form.Item name="visits" label={t('guide.visits')}>
            <InputNumber min={0} max={9} />
          </Form.Item>
          <Form.Item name="visitReason" label={t('guide.visitReason')} className="tb-admin-wide">
            <Input maxLength={500} />
          </Form.Item>
        </div>
        <Form.Item name="deliveryMethods" label={t('guide.deliveryMethods')}>
          <Checkbox.Group options={DELIVERY.map((v) => ({ value: v, label: t(`guide.delivery.${v}`) }))} />
        </Form.Item>
      </fieldset>

      <fieldset className="tb-panel">
        <legend>{t('guide.fees')}</legend>
        <Form.List name="fees">
          {(fields, { add, remove: drop }) => (
            <>
              {fields.length === 0 ? <p className="tb-admin-muted">{t('guide.noFees')}</p> : null}
              {fields.map((field, i) => (
                <fieldset key={field.key} className="tb-admin-sub">
                  <legend>{t('guide.fee', { n: i + 1 })}</legend>
                  <div className="tb-admin-grid">
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('guide.feeName')}
                      rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'standard']}
                      label={t('guide.feeStandard')}
                      rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                    >
                      <Input maxLength={500} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'waivable']} valuePropName="checked">
                      <Checkbox>{t('guide.waivable')}</Checkbox>
                    </Form.Item>
                  </div>
                  {remove(t('guide.removeFee', { n: i + 1 }), () => drop(field.name))}
                </fieldset>
              ))}
              <Button icon={<PlusOutlined aria-hidden="true" />} onClick={() => add({ ...NEW_FEE })}>
                {t('guide.addFee')}
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>

      <fieldset className="tb-panel">
        <legend>{t('guide.form')}</legend>
        <p className="tb-admin-muted">{t('guide.formHelp')}</p>
        <Form.List name="form">
          {(fields, { add, remove: drop }) => (
            <>
              {fields.map((field, i) => (
                <fieldset key={field.key} className="tb-admin-sub">
                  <legend>{t('guide.field', { n: i + 1 })}</legend>
                  <div className="tb-admin-grid">
                    <Form.Item
                      name={[field.name, 'key']}
                      label={t('guide.fieldKey')}
                      rules={[
                        { required: true, pattern: /^[a-zA-Z][a-zA-Z0-9]{0,39}$/, message: t('validation.fieldKey') },
                      ]}
                    >
                      <Input maxLength={40} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'label']}
                      label={t('guide.fieldLabel')}
                      rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'type']} label={t('guide.fieldType')}>
                      <Select options={FIELD_TYPES.map((v) => ({ value: v, label: t(`guide.fieldTypes.${v}`) }))} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'personal']}
                      label={t('guide.fieldPersonal')}
                      extra={t('guide.fieldPersonalHelp')}
                    >
                      <Select
                        allowClear
                        placeholder={t('guide.fieldPersonalNone')}
                        options={PERSONAL_KINDS.map((v) => ({ value: v, label: t(`guide.fieldPersonalKinds.${v}`) }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'options']}
                      label={t('guide.fieldOptions')}
                      extra={t('guide.fieldOptionsHelp')}
                    >
                      <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'required']} valuePropName="checked">
                      <Checkbox>{t('guide.fieldRequired')}</Checkbox>
                    </Form.Item>
                  </div>
                  {remove(t('guide.removeField', { n: i + 1 }), () => drop(field.name))}
                </fieldset>
              ))}
              <Button icon={<PlusOutlined aria-hidden="true" />} onClick={() => add({ ...NEW_FIELD })}>
                {t('guide.addField')}
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>
    </Form>
  );
}
