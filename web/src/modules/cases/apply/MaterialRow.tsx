import { CheckCircleFilled, PaperClipOutlined } from '@ant-design/icons';
import { Button, Input, Radio } from 'antd';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/Badge';
import { ACCEPTED_FILES, MAX_FILE_BYTES, type ApplyMaterial, type MaterialChoice } from './materials';
import { fileProblem } from '../completeness/fileType';
import { useFileProblemText } from '../completeness/MaterialUpload';

const NECESSITY_TONE = { required: 'red', optional: 'gray', deferrable: 'blue' } as const;

import { fileSize } from '../completeness/fileType';
export { fileSize };

/** Where the platform already holds the material (免提交). */
function Reused({ m }: { m: ApplyMaterial }) {
  const { t } = useTranslation();
  const by = m.satisfiedBy!;
  return (
    <p className="tb-apply-reused">
      <CheckCircleFilled aria-hidden="true" /> {t(by.kind === 'license' ? 'apply.materials.byLicense' : by.kind === 'shared' ? 'apply.materials.byShared' : 'apply.materials.byForm')}
      {by.kind === 'form' ? null : <span className="tb-muted tb-small"> {by.kind === 'license' ? `${by.typeName} ${by.number}` : by.resourceName}</span>}
    </p>
  );
}

function FilePicker({ m, choice, onChange }: { m: ApplyMaterial; choice: MaterialChoice | undefined; onChange: (c: MaterialChoice | undefined) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [problem, setProblem] = useState('');
  const file = choice?.kind === 'file' ? choice.file : undefined;
  const text = useFileProblemText();
  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = e.target.files?.[0];
    e.target.value = '';
    if (!picked) return;
    // Its name and its bytes must both be a format the guide accepts (a renamed file says why).
    const found = await fileProblem(picked);
    setProblem(found ? text(found) : '');
    if (!found) onChange({ kind: 'file', file: picked });
  };
  return (
    <div className="tb-apply-file">
      <input id={id} type="file" accept={ACCEPTED_FILES} className="tb-apply-file__input" onChange={(e) => void pick(e)} aria-describedby={`${id}-types`} />
      <label htmlFor={id} className="tb-apply-file__button">
        <PaperClipOutlined aria-hidden="true" /> {file ? t('apply.materials.replace') : t('apply.materials.choose')}
        <span className="sr-only">{m.name}</span>
      </label>
      <span id={`${id}-types`} className="tb-muted tb-small">
        {t('apply.materials.types', { size: fileSize(MAX_FILE_BYTES) })}
      </span>
      {file ? (
        <span className="tb-apply-file__chosen">
          {file.name}（{fileSize(file.size)}）
          <Button type="link" size="small" onClick={() => onChange(undefined)}>
            {t('apply.materials.remove')}
            <span className="sr-only">{file.name}</span>
          </Button>
        </span>
      ) : null}
      {problem ? (
        <span className="tb-field-error" role="alert">
          {problem}
        </span>
      ) : null}
    </div>
  );
}

interface RowProps {
  m: ApplyMaterial;
  reused: boolean;
  choice: MaterialChoice | undefined;
  missing: boolean;
  onChange: (c: MaterialChoice | undefined) => void;
}

/** One material of the bag: its necessity, then 免提交, a file, or for a 容缺后补 one a written promise. */
export function MaterialRow({ m, reused, choice, missing, onChange }: RowProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const promising = choice?.kind === 'promise';
  return (
    <li className={`tb-apply-material${missing ? ' is-missing' : ''}`}>
      <div className="tb-apply-material__head">
        <span id={titleId} className="tb-apply-material__name">
          {m.name}
        </span>
        <Badge tone={NECESSITY_TONE[m.necessity]}>{t(`apply.necessity.${m.necessity}`)}</Badge>
      </div>
      {m.instructions ? <p className="tb-muted tb-small">{m.instructions}</p> : null}
      {reused ? (
        <Reused m={m} />
      ) : (
        <>
          {m.necessity === 'deferrable' ? (
            <Radio.Group
              aria-labelledby={titleId}
              value={promising ? 'promise' : 'file'}
              onChange={(e) => onChange(e.target.value === 'promise' ? { kind: 'promise', text: '' } : undefined)}
              options={[
                { value: 'file', label: t('apply.materials.uploadNow') },
                { value: 'promise', label: t('apply.materials.promiseLater') },
              ]}
            />
          ) : null}
          {promising ? (
            <label className="tb-field">
              <span>{t('apply.materials.promiseText')}</span>
              <Input.TextArea rows={2} maxLength={1000} value={choice.text} onChange={(e) => onChange({ kind: 'promise', text: e.target.value })} placeholder={t('apply.materials.promisePlaceholder')} />
            </label>
          ) : (
            <FilePicker m={m} choice={choice} onChange={onChange} />
          )}
        </>
      )}
      {missing ? <p className="tb-field-error">{t(promising ? 'apply.materials.promiseMissing' : 'apply.materials.missing')}</p> : null}
    </li>
  );
}
