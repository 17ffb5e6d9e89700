import { Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionSelector } from '../catalog';
import { applyFieldErrors } from '../../ui/problems';
import * as api from './api';
import { useCaseStep } from './queries';
import { ProblemAlert } from '../../ui/ProblemAlert';

interface Values {
  method: api.DeliveryMethod;
  recipient?: string;
  phone?: string;
  address?: string;
}

/** 选择送达方式: only the methods the item's guide offers; by post with recipient, mobile, address and a county. */
export function DeliveryChoiceForm({
  caseId,
  offered,
  current,
  onDone,
}: {
  caseId: string;
  offered: api.DeliveryMethod[];
  current: api.Delivery | null;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form);
  const [region, setRegion] = useState<string | undefined>(current?.regionCode ?? undefined);
  const [regionError, setRegionError] = useState(false);
  const choose = useCaseStep((choice: api.DeliveryChoice) => api.chooseDelivery(caseId, choice));
  const required = { required: true, whitespace: true, message: t('cases.workbench.required') };

  const submit = (v: Values) => {
    if (v.method === 'post' && (!region || region.length < 6)) return setRegionError(true);
    const choice: api.DeliveryChoice =
      v.method === 'post'
        ? {
            method: 'post',
            recipient: v.recipient!.trim(),
            phone: v.phone!.trim(),
            address: v.address!.trim(),
            regionCode: region!,
          }
        : { method: v.method };
    choose.mutate(choice, {
      onSuccess: () => onDone(t('cases.delivery.chosen', { method: t(`guide.delivery.${v.method}`) })),
      onError: (e) => applyFieldErrors(form, e),
    });
  };

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      aria-label={t('cases.delivery.choose')}
      initialValues={{
        method: current?.method ?? offered[0],
        recipient: current?.recipient ?? '',
        phone: current?.phone ?? '',
        address: current?.address ?? '',
      }}
      onFinish={submit}
    >
      {choose.isError ? <ProblemAlert error={choose.error} /> : null}
      <Form.Item name="method" label={t('cases.delivery.method')}>
        <Radio.Group options={offered.map((m) => ({ value: m, label: t(`guide.delivery.${m}`) }))} />
      </Form.Item>
      {method === 'post' ? (
        <>
          <Form.Item name="recipient" label={t('cases.delivery.recipientName')} rules={[required, { max: 50 }]}>
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('cases.delivery.phone')}
            rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('cases.delivery.phoneInvalid') }]}
          >
            <Input maxLength={11} inputMode="numeric" autoComplete="tel" />
          </Form.Item>
          <div className="tb-delivery-region">
            <RegionSelector
              value={region}
              onChange={(code) => {
                setRegion(code);
                setRegionError(false);
              }}
              compact
              legend={t('cases.delivery.region')}
            />
            {regionError ? (
              <p role="alert" className="tb-case-missing">
                {t('cases.delivery.regionRequired')}
              </p>
            ) : null}
          </div>
          <Form.Item
            name="address"
            label={t('cases.delivery.address')}
            rules={[required, { max: 200 }]}
            extra={t('cases.delivery.addressHelp')}
          >
            <Input maxLength={200} autoComplete="street-address" />
          </Form.Item>
        </>
      ) : null}
      <Button type="primary" htmlType="submit" loading={choose.isPending} autoInsertSpace={false}>
        {t('cases.delivery.save')}
      </Button>
    </Form>
  );
}
