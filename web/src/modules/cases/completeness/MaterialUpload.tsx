import { PaperClipOutlined } from '@ant-design/icons';
import { useId, useState, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCEPTED_FILES, MAX_FILE_BYTES } from '../apply/materials';
import { useCaseStep } from '../queries';
import { uploadCaseMaterial } from './api';
import { fileProblem, fileSize, type FileProblem } from './fileType';
import '../apply/apply.css';
import './completeness.css';
import { ProblemAlert } from '../../../ui/ProblemAlert';

/** The file check's verdict in the reader's language. */
export function useFileProblemText() {
  const { t } = useTranslation('completeness');
  return (p: FileProblem) => t(`file.${p.key}`, { file: p.file, ext: p.ext, size: p.size });
}

/**
 * The change handler of a file input that checks the chosen file (name and content) before handing
 * it on, and the problem to show in the reader's language when it is refused.
 */
export function useCheckedPick(onFile: (file: File) => void) {
  const text = useFileProblemText();
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
  return { pick: (e: ChangeEvent<HTMLInputElement>) => void pick(e), problem };
}

/** Picks a file, checks its type, and returns it (the caller sends it); `children` show what was chosen. */
export function FileChooser({
  label,
  replacing,
  onFile,
  children,
}: {
  label: string;
  replacing: boolean;
  onFile: (file: File) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation('completeness');
  const id = useId();
  const { pick, problem } = useCheckedPick(onFile);
  return (
    <div className="tb-apply-file">
      <input
        id={id}
        type="file"
        accept={ACCEPTED_FILES}
        className="tb-apply-file__input"
        onChange={pick}
        aria-describedby={`${id}-types`}
      />
      <label htmlFor={id} className="tb-apply-file__button">
        <PaperClipOutlined aria-hidden="true" /> {replacing ? t('file.replace') : t('file.choose')}
        <span className="sr-only">{label}</span>
      </label>
      <span id={`${id}-types`} className="tb-muted tb-small">
        {t('file.types', { size: fileSize(MAX_FILE_BYTES) })}
      </span>
      {children}
      {problem ? (
        <span className="tb-field-error" role="alert">
          {problem}
        </span>
      ) : null}
    </div>
  );
}

/** Upload (or replace) the file of one material of a case, checked first; the case is read again afterwards. */
export function MaterialUpload({
  caseId,
  index,
  name,
  replacing,
  onUploaded,
}: {
  caseId: string;
  index: number;
  name: string;
  replacing: boolean;
  onUploaded?: () => void;
}) {
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
      {upload.error ? <ProblemAlert error={upload.error} /> : null}
    </div>
  );
}
