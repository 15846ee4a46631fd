import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobInfo } from '../../../../shared/api/events';
import { call } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { formatBytes, formatDuration, importPace, type Sample } from './pace';

/** The third step: how far the import is, how fast it goes, how long it will take, and a way to stop it. */
export function ImportProgress({ name, job, samples }: { name: string; job: JobInfo | null; samples: Sample[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [stopping, setStopping] = useState(false);
  const total = job?.total ?? null;
  const done = job?.done ?? 0;
  const pace = importPace(samples, total);
  const parts = [
    total === null
      ? t('importer.progress.starting')
      : t('importer.progress.bytes', { done: formatBytes(done, fmt.locale), total: formatBytes(total, fmt.locale) }),
    pace && t('importer.progress.rate', { rate: formatBytes(pace.rate, fmt.locale) }),
    pace?.secondsLeft != null && t('importer.progress.eta', { time: formatDuration(pace.secondsLeft, fmt.locale) }),
  ].filter(Boolean);

  const cancel = () => {
    if (!job) return;
    setStopping(true);
    void call('jobs.cancel', { id: job.id }).catch(() => setStopping(false));
  };

  return (
    <section className="import-progress" aria-labelledby="import-progress-title">
      <h2 id="import-progress-title" className="import-progress__title">
        {t('importer.progress.title', { name })}
      </h2>
      <progress
        className="import-progress__bar"
        aria-label={t('importer.progress.label')}
        value={total ? done : undefined}
        max={total ?? undefined}
      />
      <p className="import-progress__figures numeric" aria-live="polite">
        {parts.join(' · ')}
      </p>
      {stopping ? (
        <p className="muted" role="status">
          {t('importer.progress.cancelling')}
        </p>
      ) : (
        <button type="button" className="button" onClick={cancel} disabled={!job}>
          {t('importer.progress.cancel')}
        </button>
      )}
    </section>
  );
}
