import { PaperClipOutlined } from '@ant-design/icons';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblem } from '../../identity/FormProblem';
import { MAX_FILE_BYTES } from '../apply/materials';
import { useCaseStep } from '../queries';
import { uploadCaseMaterial } from './api';
import { fileProblem, fileSize, type FileProblem } from './fileType';
import '../apply/apply.css';
import './completeness.css';

/** The file check's verdict in the reader's language. */
export function useFileProblemText() {
  const { t } = useTranslation('completeness');
  return (p: FileProblem) => t(`file.${p.key}`, { file: p.file, ext: p.ext, size: p.size });
}

/** Picks a file, checks its type, and returns it (the caller sends it). */
export function FileChooser({ label, replacing, onFile }: { label: string; replacing: boolean; onFile: (file: File) => void }) {
  const { t } = useTranslation('completeness');
  const text = useFileProblemText();
  const id = useId();
  const [problem, setProblem] = useState('');
  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = e.target.files?.[0];
    // Cleared so that choosing the same name again (a corrected file) fires again.
    e.target.value = '';
    if (!picked) return;
    const found = await fileProblem(picked);
    setProblem(found ? text(found) : '');
    if (!found) onFile(picked);
  };
  return (
    <div className="tb-apply-file">
      <input id={id} type="file" accept=".pdf,.ofd,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" className="tb-apply-file__input" onChange={(e) => void pick(e)} aria-describedby={`${id}-types`} />
      <label htmlFor={id} className="tb-apply-file__button">
        <PaperClipOutlined aria-hidden="true" /> {replacing ? t('file.replace') : t('file.choose')}
        <span className="sr-only">{label}</span>
      </label>
      <span id={`${id}-types`} className="tb-muted tb-small">
        {t('file.types', { size: fileSize(MAX_FILE_BYTES) })}
      </span>
      {problem ? (
        <span className="tb-field-error" role="alert">
          {problem}
        </span>
      ) : null}
    </div>
  );
}

/** Upload (or replace) the file of one material of a case, checked first; the case is read again afterwards. */
export function MaterialUpload({ caseId, index, name, replacing, onUploaded }: { caseId: string; index: number; name: string; replacing: boolean; onUploaded?: () => void }) {
  const { t } = useTranslation('completeness');
  const upload = useCaseStep((file: File) => uploadCaseMaterial(caseId, index, file));
  const [done, setDone] = useState('');
  return (
    <div className="tb-material-upload">
      <FileChooser
        label={name}
        replacing={replacing}
        onFile={(file) => {
          setDone('');
          upload.mutate(file, {
            onSuccess: () => {
              setDone(t('file.uploaded', { name: file.name }));
              onUploaded?.();
            },
          });
        }}
      />
      <p role="status" aria-live="polite" className="tb-text-green tb-small">
        {upload.isPending ? t('file.uploading') : done}
      </p>
      {upload.error ? <FormProblem error={upload.error} /> : null}
    </div>
  );
}
