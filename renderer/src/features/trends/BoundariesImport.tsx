import { AlertTriangle, CheckCircle2, MapPin } from 'lucide-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoundariesInfo } from '../../../../shared/api/trends';
import { ApiError, call } from '../../api/client';
import { Modal } from '../../components/Modal';
import { useFormat } from '../../i18n/format';
import { currentOperatorName } from '../../stores/operator';
import { uploadFile } from '../import/upload';
import { useJobFeed } from '../import/useJobFeed';
import { forgetBoundaries } from './mapBoundaries';
import './trends.css';
import { useTrendsVersion } from './useTrend';

/** The source and licence the engine assumes when none is given: CBS open data through PDOK. */
const DEFAULT_SOURCE = 'CBS Gebiedsindelingen via PDOK';
const DEFAULT_LICENCE = 'CC BY 4.0 (CBS)';

type Step =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number; size: number }
  | { kind: 'reading' }
  | { kind: 'placing'; jobId: string }
  | { kind: 'failed'; message: string };

/** Which boundaries the workspace has, read once and again after an import. */
function useBoundariesInfo(): { info: BoundariesInfo | null | undefined; reload(): void } {
  const [info, setInfo] = useState<BoundariesInfo | null | undefined>(undefined);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let current = true;
    call('trends.boundariesInfo', {}).then(
      (value) => current && setInfo(value),
      () => current && setInfo(null),
    );
    return () => {
      current = false;
    };
  }, [asked]);
  return { info, reload: () => setAsked((n) => n + 1) };
}

/**
 * Import municipality boundaries (CBS/PDOK gemeenten as GeoJSON or TopoJSON) for the map: the file is
 * uploaded, read by the engine (which says what is wrong with a file it cannot use), and every mention is
 * placed again by a job whose progress shows here. Source and licence are stored and shown beside the map.
 */
export function BoundariesImport({ onClose }: { onClose?: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const ids = { file: useId(), source: useId(), licence: useId() };
  const { info, reload } = useBoundariesInfo();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState(DEFAULT_SOURCE);
  const [licence, setLicence] = useState(DEFAULT_LICENCE);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  // Bumped after an import, so the file field starts empty again.
  const [fieldKey, setFieldKey] = useState(0);
  const { job } = useJobFeed(step.kind === 'placing' ? step.jobId : null);
  const busy = step.kind === 'uploading' || step.kind === 'reading' || (step.kind === 'placing' && !job?.finishedAt);

  // The placing job finished: every panel reads the map again.
  const finished = job?.finishedAt ? job.id : null;
  useEffect(() => {
    if (finished) useTrendsVersion.getState().bump();
  }, [finished]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setStep({ kind: 'uploading', sent: 0, size: file.size });
    try {
      const upload = await uploadFile(file, (sent) => setStep({ kind: 'uploading', sent, size: file.size }));
      setStep({ kind: 'reading' });
      const result = await call('trends.importBoundaries', {
        upload: upload.upload,
        source,
        licence,
        operator: currentOperatorName(),
      });
      forgetBoundaries();
      useTrendsVersion.getState().bump();
      reload();
      setFile(null);
      setFieldKey((n) => n + 1);
      setStep({ kind: 'placing', jobId: result.job.id });
    } catch (caught) {
      const message = caught instanceof ApiError || caught instanceof Error ? caught.message : String(caught);
      setStep({ kind: 'failed', message: t('trends.boundaries.failed', { file: file.name, message }) });
    }
  };

  return (
    <div className="boundaries">
      {info === undefined ? null : info ? (
        <p className="boundaries__info" role="status">
          <MapPin aria-hidden="true" size={14} />
          <span>
            {t('trends.boundaries.current', {
              count: info.municipalities,
              formatted: fmt.number(info.municipalities),
              brabant: fmt.number(info.brabant),
              file: info.file,
              date: fmt.dateTime(info.importedAt),
              operator: info.operator,
            })}{' '}
            {t('trends.map.source', { source: info.source, licence: info.licence })}
          </span>
        </p>
      ) : (
        <p className="boundaries__info muted">{t('trends.boundaries.none')}</p>
      )}
      <p className="muted">{t('trends.boundaries.intro')}</p>
      <form className="signal-form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label className="field__label" htmlFor={ids.file}>
            {t('trends.boundaries.file')}
          </label>
          <input
            key={fieldKey}
            id={ids.file}
            type="file"
            accept=".json,.geojson,.topojson,application/json,application/geo+json"
            required
            disabled={busy}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              if (step.kind === 'failed') setStep({ kind: 'idle' });
            }}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.source}>
            {t('trends.boundaries.source')}
          </label>
          <input
            id={ids.source}
            className="input"
            value={source}
            maxLength={200}
            required
            disabled={busy}
            onChange={(event) => setSource(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.licence}>
            {t('trends.boundaries.licence')}
          </label>
          <input
            id={ids.licence}
            className="input"
            value={licence}
            maxLength={200}
            required
            disabled={busy}
            onChange={(event) => setLicence(event.target.value)}
          />
          <span className="field__help">{t('trends.boundaries.licenceHint')}</span>
        </div>
        <BoundariesProgress step={step} job={job} />
        <div className="modal__actions">
          {onClose && (
            <button type="button" className="button" onClick={onClose}>
              {t('trends.boundaries.close')}
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={!file || busy}>
            {t('trends.boundaries.import')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Where an import is: uploading, reading, placing mentions (with the job's progress), done, or why it failed. */
function BoundariesProgress({ step, job }: { step: Step; job: ReturnType<typeof useJobFeed>['job'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (step.kind === 'idle') return null;
  if (step.kind === 'failed')
    return (
      <p className="form-error boundaries__error" role="alert">
        <AlertTriangle aria-hidden="true" size={14} />
        {step.message}
      </p>
    );
  if (step.kind === 'uploading')
    return (
      <div role="status" className="boundaries__progress">
        <span>{t('trends.boundaries.uploading')}</span>
        <progress max={step.size || 1} value={step.sent} aria-label={t('trends.boundaries.uploading')} />
      </div>
    );
  if (step.kind === 'reading')
    return (
      <div role="status" className="boundaries__progress">
        <span>{t('trends.boundaries.reading')}</span>
        <progress aria-label={t('trends.boundaries.reading')} />
      </div>
    );
  if (job?.state === 'failed')
    return (
      <p className="form-error boundaries__error" role="alert">
        <AlertTriangle aria-hidden="true" size={14} />
        {t('trends.boundaries.placingFailed', { message: job.message ?? '' })}
      </p>
    );
  if (job?.finishedAt)
    return (
      <p role="status" className="boundaries__progress boundaries__done">
        <CheckCircle2 aria-hidden="true" size={14} />
        {t('trends.boundaries.placed')}
      </p>
    );
  const total = job?.total ?? null;
  return (
    <div role="status" className="boundaries__progress">
      <span>
        {total === null
          ? t('trends.boundaries.placing')
          : t('trends.boundaries.placingCount', { done: fmt.number(job?.done ?? 0), total: fmt.number(total) })}
      </span>
      <progress
        max={total || 1}
        value={total === null ? undefined : (job?.done ?? 0)}
        aria-label={t('trends.boundaries.placing')}
      />
    </div>
  );
}

/** The boundaries import in a dialog, opened from the map panel. */
export function BoundariesDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('trends.boundaries.title')} onClose={onClose}>
      <BoundariesImport onClose={onClose} />
    </Modal>
  );
}

/** The boundaries import as a settings section (for a Settings → Map tab). */
export function BoundariesSettings() {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="settings-section__title">
        {t('trends.boundaries.title')}
      </h2>
      <BoundariesImport />
    </section>
  );
}
