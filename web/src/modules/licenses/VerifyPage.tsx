import { Button, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useEnglish } from '../cases/CaseBits';
import { dateTime } from '../cases/model';
import { VerdictPanel } from './LicenseBits';
import { useVerification } from './queries';
import './licenses.css';

/** What the page was opened with: the QR code's link (number + signature), or what was typed. */
function useVerifyQuery(): [{ number?: string; signature?: string; payload?: string } | undefined, (typed: string) => void] {
  const [params, setParams] = useSearchParams();
  const number = params.get('number') ?? undefined;
  const signature = params.get('signature') ?? undefined;
  const payload = params.get('payload') ?? undefined;
  const query = payload ? { payload } : number ? { number, ...(signature ? { signature } : {}) } : undefined;
  // Pasted QR text carries "number=…"; anything else is a licence number.
  const set = (typed: string) => setParams(typed.includes('number=') ? { payload: typed } : { number: typed }, { replace: false });
  return [query, set];
}

function VerifyForm({ onVerify }: { onVerify: (v: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  return (
    <form
      className="tb-panel tb-verify-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onVerify(value.trim());
      }}
    >
      <label className="tb-field">
        <span>{t('licenses.verify.input')}</span>
        <Input value={value} onChange={(e) => setValue(e.target.value)} maxLength={1000} spellCheck={false} autoComplete="off" />
      </label>
      <p className="tb-muted tb-small">{t('licenses.verify.inputHelp')}</p>
      <Button type="primary" htmlType="submit" autoInsertSpace={false}>
        {t('licenses.verify.submit')}
      </Button>
    </form>
  );
}

/** 证照核验: what someone who scans a licence's QR code (or types its number) sees. */
export function VerifyPage() {
  const { t } = useTranslation();
  const en = useEnglish();
  useDocumentTitle(t('licenses.verify.title'));
  const [query, setQuery] = useVerifyQuery();
  const result = useVerification(query);
  return (
    <div className="tb-container tb-page tb-licenses">
      <header className="tb-page-header">
        <h1>{t('licenses.verify.title')}</h1>
        <p className="tb-muted">{t('licenses.verify.intro')}</p>
      </header>
      {!query ? (
        <VerifyForm onVerify={setQuery} />
      ) : result.isPending ? (
        <PageLoading rows={4} />
      ) : result.isError ? (
        <ProblemAlert error={result.error} onRetry={() => void result.refetch()} />
      ) : (
        <VerdictPanel
          verdict={result.data.result}
          face={result.data.license}
          note={<p className="tb-muted tb-small">{t('licenses.verify.checkedAt', { at: dateTime(result.data.checkedAt, en) })}</p>}
        />
      )}
    </div>
  );
}

export default VerifyPage;
