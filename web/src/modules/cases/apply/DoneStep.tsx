import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { qrUrl } from '../api';
import { StatusBadge } from '../CaseBits';
import { problemMessage, problemOf } from '../../../ui/problems';
import { MaterialUpload } from '../completeness/MaterialUpload';
import { sendMaterials, type MaterialToSend, type SendFailure, type SubmitResult } from './queries';

/**
 * Materials the case did not get, each with why: a file is replaced by choosing a new one (checked,
 * then uploaded at once); a promise that failed is sent again with one button.
 */
function FailedMaterials({
  caseId,
  initial,
  materials,
}: {
  caseId: string;
  initial: SendFailure[];
  materials: MaterialToSend[];
}) {
  const { t, i18n } = useTranslation();
  const [failed, setFailed] = useState(initial);
  const promises = materials.filter((m) => m.choice.kind === 'promise' && failed.some((f) => f.index === m.index));
  const again = useMutation({
    mutationFn: () => sendMaterials(caseId, promises),
    onSuccess: (still) =>
      setFailed((now) =>
        now.filter((f) => !promises.some((p) => p.index === f.index) || still.some((s) => s.index === f.index)),
      ),
  });
  if (failed.length === 0)
    return (
      <p className="tb-text-green" role="status">
        {t('apply.done.allSent')}
      </p>
    );
  const why = (e: unknown) => {
    const p = problemOf(e);
    return p ? problemMessage(p, i18n.resolvedLanguage) : t('error.network');
  };
  const isFile = (index: number) => materials.find((m) => m.index === index)?.choice.kind === 'file';
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t('apply.done.someFailed')}
      description={
        <ul className="tb-bullets">
          {failed.map((f) => (
            <li key={f.index}>
              {f.name}
              {t('app.colon')}
              {why(f.error)}
              {isFile(f.index) ? (
                <MaterialUpload
                  caseId={caseId}
                  index={f.index}
                  name={f.name}
                  replacing
                  onUploaded={() => setFailed((now) => now.filter((x) => x.index !== f.index))}
                />
              ) : null}
            </li>
          ))}
        </ul>
      }
      action={
        promises.length ? (
          <Button size="small" onClick={() => again.mutate()} loading={again.isPending}>
            {t('apply.done.retryUploads')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** Step 4 · 提交成功: the tracking code (全程一码) and its QR code, and where to follow the case. */
export function DoneStep({ result, materials }: { result: SubmitResult; materials: MaterialToSend[] }) {
  const { t } = useTranslation();
  return (
    <div className="tb-apply-done">
      <p className="tb-apply-done__title" role="status">
        <CheckCircleFilled aria-hidden="true" /> {t('apply.done.title')}
      </p>
      <div className="tb-apply-done__code">
        <dl className="tb-facts">
          <div className="tb-facts__row">
            <dt>{t('cases.fields.trackingCode')}</dt>
            <dd>
              <span className="tb-code tb-apply-done__tracking">{result.trackingCode}</span>
            </dd>
          </div>
          <div className="tb-facts__row">
            <dt>{t('cases.fields.status')}</dt>
            <dd>
              <StatusBadge status={result.status} />
            </dd>
          </div>
        </dl>
        <img
          src={qrUrl(result.trackingCode)}
          alt={t('cases.track.qrAlt', { code: result.trackingCode })}
          width={160}
          height={160}
        />
      </div>
      <p className="tb-muted">{t('apply.done.codeHelp')}</p>
      {materials.length > 0 && result.status === 'submitted' ? (
        <FailedMaterials caseId={result.caseId} initial={result.failed} materials={materials} />
      ) : null}
      <div className="tb-apply-buttons">
        <Link className="tb-button-link" to={`/me/cases/${result.caseId}`}>
          {t('apply.done.openCase')}
        </Link>
        <Link className="tb-button-link tb-button-link--secondary" to="/me/cases">
          {t('cases.nav.myCases')}
        </Link>
      </div>
    </div>
  );
}
