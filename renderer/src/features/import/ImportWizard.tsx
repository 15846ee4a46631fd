import { LoaderCircle } from 'lucide-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, UploadInfo } from '../../../../shared/api/imports';
import { ApiError, call } from '../../api/client';
import { StateMessage } from '../../components/StateMessage';
import { useFormat } from '../../i18n/format';
import { localTimeZone, readRequest, type ReadChoices } from './choices';
import { FilePicker } from './FilePicker';
import { ImportProgress } from './ImportProgress';
import { ImportResult } from './ImportResult';
import { formatBytes } from './pace';
import { PreviewStep } from './PreviewStep';
import { uploadFile } from './upload';
import { useJobFeed } from './useJobFeed';

type Step =
  | { kind: 'pick'; error: string | null }
  | { kind: 'uploading'; name: string; size: number; sent: number }
  | { kind: 'preview'; upload: UploadInfo }
  | { kind: 'importing'; upload: UploadInfo; jobId: string };

const FRESH_CHOICES = (): ReadChoices => ({ timeZone: localTimeZone(), accountHandle: '' });

/** Pick a file → see its first 20 records as they would be imported → adjust → import with progress → result. */
export function ImportWizard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [step, setStep] = useState<Step>({ kind: 'pick', error: null });
  const [choices, setChoices] = useState<ReadChoices>(FRESH_CHOICES);
  const followed = useJobFeed(step.kind === 'importing' ? step.jobId : null);

  const pick = (file: File) => {
    setChoices(FRESH_CHOICES());
    setStep({ kind: 'uploading', name: file.name, size: file.size, sent: 0 });
    uploadFile(file, (sent) => setStep((now) => (now.kind === 'uploading' ? { ...now, sent } : now)))
      .then((upload) => setStep({ kind: 'preview', upload }))
      .catch((error: unknown) =>
        setStep({
          kind: 'pick',
          error: t('importer.uploadFailed', {
            name: file.name,
            message: error instanceof ApiError ? error.message : String(error),
          }),
        }),
      );
  };

  const another = useCallback(() => {
    setStep((now) => {
      if (now.kind === 'preview') void call('ingest.discardUpload', { upload: now.upload.upload }).catch(() => {});
      return { kind: 'pick', error: null };
    });
  }, []);

  const start = (upload: UploadInfo, preview: ImportPreview) => {
    call('ingest.importUpload', { upload: upload.upload, ...readRequest(choices, preview) })
      .then((job) => setStep({ kind: 'importing', upload, jobId: job.id }))
      .catch((error: unknown) =>
        setStep({ kind: 'pick', error: error instanceof ApiError ? error.message : String(error) }),
      );
  };

  switch (step.kind) {
    case 'pick':
      return <FilePicker onPick={pick} error={step.error} />;
    case 'uploading': {
      const percent = step.size > 0 ? step.sent / step.size : 1;
      return (
        <StateMessage kind="loading" icon={LoaderCircle} title={t('importer.uploading', { name: step.name })}>
          <progress className="import-progress__bar" aria-label={t('importer.uploadLabel')} value={percent} max={1} />
          <p className="state-message__body numeric">
            {t('importer.progress.bytes', {
              done: formatBytes(step.sent, fmt.locale),
              total: formatBytes(step.size, fmt.locale),
            })}
          </p>
        </StateMessage>
      );
    }
    case 'preview':
      return (
        <PreviewStep
          key={step.upload.upload}
          upload={step.upload}
          choices={choices}
          onChoices={setChoices}
          onImport={(preview) => start(step.upload, preview)}
          onAnother={another}
        />
      );
    case 'importing':
      return followed.job && followed.job.state !== 'running' ? (
        <ImportResult name={step.upload.name} job={followed.job} onAnother={another} />
      ) : (
        <ImportProgress name={step.upload.name} job={followed.job} samples={followed.samples} />
      );
  }
}
