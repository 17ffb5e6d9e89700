import { Alert, Button, Checkbox } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrefillRequest } from '../../../../../../contracts/prefill';
import { ProblemAlert } from '../../../../ui/ProblemAlert';
import { prefill } from '../api';
import { PREFILLABLE } from '../mask';

type Target = { itemCode: string } | { theme: string; region?: string };

/**
 * 从个人/企业信息预填: offered when the form has fields the registries hold. Nothing is read until
 * the person ticks the consent; the server records it and logs the read (谁用了我的数据).
 */
export function PrefillPanel({
  target,
  keys,
  onFilled,
}: {
  target: Target;
  keys: readonly string[];
  onFilled: (values: Record<string, string | number>) => void;
}) {
  const { t } = useTranslation('forms');
  const [consent, setConsent] = useState(false);
  const fill = useMutation({
    mutationFn: () => prefill({ ...target, consent: true } as PrefillRequest),
    onSuccess: (answer) => onFilled(answer.values),
  });
  if (!keys.some((k) => PREFILLABLE.has(k))) return null;
  const count = fill.data ? Object.keys(fill.data.values).length : 0;
  return (
    <section className="tb-panel tb-prefill" aria-labelledby="prefill-title">
      <h2 id="prefill-title">{t('prefill.title')}</h2>
      <p className="tb-muted">{t('prefill.intro')}</p>
      <Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)}>
        {t('prefill.consent')}
      </Checkbox>
      <div className="tb-gap">
        <Button autoInsertSpace={false} disabled={!consent} loading={fill.isPending} onClick={() => fill.mutate()}>
          {t('prefill.button')}
        </Button>
      </div>
      {fill.isError ? <ProblemAlert error={fill.error} /> : null}
      {fill.isSuccess ? (
        <Alert
          className="tb-gap"
          type={count ? 'success' : 'info'}
          showIcon
          title={count ? t('prefill.done', { count }) : t('prefill.nothing')}
        />
      ) : null}
    </section>
  );
}
