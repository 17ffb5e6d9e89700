import { Radio } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonMe } from '../../identity';
import { useSetActingFor } from '../../identity';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useChoice } from '../../../ui/useChoice';

/**
 * 申报身份: the person applies for themselves or for an enterprise they may apply for. Switching
 * changes the session's acting identity (as on 我的账号); the wizard starts again for the new applicant.
 * An item only for enterprises (法人) offers no 本人, and picks the person's one enterprise for them.
 */
export function ApplicantPicker({
  me,
  forEnterprises,
  enterpriseOnly,
}: {
  me: PersonMe;
  forEnterprises: boolean;
  enterpriseOnly: boolean;
}) {
  const { t } = useTranslation();
  const switchTo = useSetActingFor();
  const enterprises = me.enterprises.filter((e) => e.scopes.includes('apply'));
  const current = me.actingFor?.enterpriseId ?? 'self';
  const choice = useChoice(current);
  const only = enterpriseOnly && !me.actingFor && enterprises.length === 1 ? enterprises[0]!.enterpriseId : null;
  const { mutate, isIdle } = switchTo;
  useEffect(() => {
    if (only && isIdle) mutate(only);
  }, [only, isIdle, mutate]);
  if (enterprises.length === 0) {
    return forEnterprises ? (
      <p className="tb-muted">
        {t('apply.applicant.noEnterprise')} <Link to="/me">{t('apply.applicant.openEnterprise')}</Link>
      </p>
    ) : null;
  }
  return (
    <fieldset className="tb-apply-applicant">
      <legend>{t('apply.applicant.title')}</legend>
      {enterpriseOnly && !me.actingFor ? <p className="tb-muted">{t('apply.applicant.enterpriseOnly')}</p> : null}
      <Radio.Group
        value={choice.shown}
        disabled={switchTo.isPending}
        onChange={(e) => {
          const id = e.target.value as string;
          choice.choose(id);
          switchTo.mutate(id === 'self' ? null : id, { onError: () => choice.drop() });
        }}
      >
        {enterpriseOnly ? null : <Radio value="self">{t('apply.applicant.myself', { name: me.name })}</Radio>}
        {enterprises.map((e) => (
          <Radio key={e.enterpriseId} value={e.enterpriseId}>
            {t('apply.applicant.enterprise', { name: e.name })}
          </Radio>
        ))}
      </Radio.Group>
      {switchTo.isError ? <ProblemAlert error={switchTo.error} /> : null}
    </fieldset>
  );
}
