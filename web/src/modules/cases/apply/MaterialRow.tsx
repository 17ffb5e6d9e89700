import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Input, Radio } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/Badge';
import { type ApplyMaterial, type MaterialChoice } from './materials';
import { fileSize } from '../completeness/fileType';
import { FileChooser } from '../completeness/MaterialUpload';

const NECESSITY_TONE = { required: 'red', optional: 'gray', deferrable: 'blue' } as const;

export { fileSize };

/** Where the platform already holds the material (免提交). */
function Reused({ m }: { m: ApplyMaterial }) {
  const { t } = useTranslation();
  const by = m.satisfiedBy!;
  return (
    <p className="tb-apply-reused">
      <CheckCircleFilled aria-hidden="true" />{' '}
      {t(
        by.kind === 'license'
          ? 'apply.materials.byLicense'
          : by.kind === 'shared'
            ? 'apply.materials.byShared'
            : 'apply.materials.byForm',
      )}
      {by.kind === 'form' ? null : (
        <span className="tb-muted tb-small">
          {' '}
          {by.kind === 'license' ? `${by.typeName} ${by.number}` : by.resourceName}
        </span>
      )}
    </p>
  );
}

function FilePicker({
  m,
  choice,
  onChange,
}: {
  m: ApplyMaterial;
  choice: MaterialChoice | undefined;
  onChange: (c: MaterialChoice | undefined) => void;
}) {
  const { t } = useTranslation();
  const file = choice?.kind === 'file' ? choice.file : undefined;
  return (
    <FileChooser label={m.name} replacing={Boolean(file)} onFile={(picked) => onChange({ kind: 'file', file: picked })}>
      {file ? (
        <span className="tb-apply-file__chosen">
          {file.name}（{fileSize(file.size)}）
          <Button type="link" size="small" onClick={() => onChange(undefined)}>
            {t('apply.materials.remove')}
            <span className="sr-only">{file.name}</span>
          </Button>
        </span>
      ) : null}
    </FileChooser>
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
              <Input.TextArea
                rows={2}
                maxLength={1000}
                value={choice.text}
                onChange={(e) => onChange({ kind: 'promise', text: e.target.value })}
                placeholder={t('apply.materials.promisePlaceholder')}
              />
            </label>
          ) : (
            <FilePicker m={m} choice={choice} onChange={onChange} />
          )}
        </>
      )}
      {missing ? (
        <p className="tb-field-error">{t(promising ? 'apply.materials.promiseMissing' : 'apply.materials.missing')}</p>
      ) : null}
    </li>
  );
}
