import { Button, Input } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useEnglish } from '../../ui/useEnglish';
import { dateTime } from '../../ui/format';
import { Fact } from '../../ui/Fact';
import { VerdictPanel } from './LicenseBits';
import type { NumberFace, Verification } from './api';
import { useVerification } from './queries';
import './licenses.css';

/** What the page was opened with: the QR code's link (number + signature), or what was typed. */
function useVerifyQuery(): [
  { number?: string; signature?: string; payload?: string } | undefined,
  (typed: string) => void,
] {
  const [params, setParams] = useSearchParams();
  const number = params.get('number') ?? undefined;
  const signature = params.get('signature') ?? undefined;
  const payload = params.get('payload') ?? undefined;
  const query = payload ? { payload } : number ? { number, ...(signature ? { signature } : {}) } : undefined;
  // Pasted QR text carries "number=…"; anything else is a licence number.
  const set = (typed: string) =>
    setParams(typed.includes('number=') ? { payload: typed } : { number: typed }, { replace: false });
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
        <Input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          maxLength={1000}
          spellCheck={false}
          autoComplete="off"
        />
      </label>
      <p className="tb-muted tb-small">{t('licenses.verify.inputHelp')}</p>
      <Button type="primary" htmlType="submit" autoInsertSpace={false}>
        {t('licenses.verify.submit')}
      </Button>
    </form>
  );
}

/**
 * The answer without the holder: a number looked up alone (valid or not), or a signature that did
 * not hold (tampered). Type, number and issuer — what the number itself says.
 */
function NumberVerdict({
  verdict,
  face,
  note,
}: {
  verdict: 'valid' | 'invalid' | 'tampered';
  face: NumberFace;
  note: ReactNode;
}) {
  const { t } = useTranslation();
  const title =
    verdict === 'tampered'
      ? t('licenses.verdict.tampered')
      : verdict === 'valid'
        ? t('licenses.verify.numberValid')
        : t('licenses.verify.numberInvalid');
  const help =
    verdict === 'tampered'
      ? t('licenses.verdictHelp.tampered')
      : verdict === 'invalid'
        ? t('licenses.verify.numberInvalidHelp')
        : null;
  return (
    <section
      className={`tb-panel tb-verdict tb-verdict--${verdict === 'valid' ? 'green' : 'red'}`}
      aria-labelledby="verdict-heading"
    >
      <p className="tb-verdict__type">{face.type.name}</p>
      <h2 id="verdict-heading" className="tb-verdict__result" data-verdict={verdict}>
        <span aria-hidden="true" className="tb-verdict__icon">
          {verdict === 'valid' ? '✓' : '!'}
        </span>
        {title}
      </h2>
      {help ? <p className="tb-verdict__explain">{help}</p> : null}
      {note}
      <dl className="tb-facts">
        <Fact label={t('licenses.fields.number')}>
          <span className="tb-code tb-break">{face.number}</span>
        </Fact>
        <Fact label={t('licenses.fields.issuer')}>{face.issuer.name}</Fact>
      </dl>
      {verdict !== 'tampered' ? <p className="tb-muted tb-small">{t('licenses.verify.numberOnly')}</p> : null}
    </section>
  );
}

function Verdict({ v, note }: { v: Verification; note: ReactNode }) {
  if (v.proof === 'signature' && v.result !== 'tampered')
    return <VerdictPanel verdict={v.result} face={v.license} note={note} />;
  return <NumberVerdict verdict={v.result} face={v.license} note={note} />;
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
        <Verdict
          v={result.data}
          note={
            <p className="tb-muted tb-small">
              {t('licenses.verify.checkedAt', { at: dateTime(result.data.checkedAt, en) })}
            </p>
          }
        />
      )}
    </div>
  );
}

export default VerifyPage;
