import { CircleAlert, CircleCheck, CircleStop } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { JobInfo } from '../../../../shared/api/events';
import { StateMessage } from '../../components/StateMessage';
import { useFormat } from '../../i18n/format';
import { hrefFor } from '../../route';

interface Counts {
  imported: number;
  duplicates: number;
  rejected: number;
}

function countsOf(job: JobInfo): Counts {
  const result = (job.result ?? {}) as Partial<Counts>;
  return { imported: result.imported ?? 0, duplicates: result.duplicates ?? 0, rejected: result.rejected ?? 0 };
}

/** The last step: what came in, what was already there, what was rejected, and where to go next. */
export function ImportResult({ name, job, onAnother }: { name: string; job: JobInfo; onAnother(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const counts = countsOf(job);
  const another = (
    <button type="button" className="button" onClick={onAnother}>
      {t('importer.result.another')}
    </button>
  );

  if (job.state === 'failed') {
    return (
      <StateMessage kind="error" icon={CircleAlert} title={t('importer.result.failedTitle', { name })}>
        <p className="state-message__detail">{job.message}</p>
        {another}
      </StateMessage>
    );
  }

  const cancelled = job.state === 'cancelled';
  return (
    <div className="import-result">
      <StateMessage
        kind="empty"
        icon={cancelled ? CircleStop : CircleCheck}
        title={cancelled ? t('importer.result.cancelledTitle') : t('importer.result.doneTitle', { name })}
      >
        {cancelled && (
          <p className="state-message__body">
            {t('importer.result.cancelledBody', { count: counts.imported, formatted: fmt.number(counts.imported) })}
          </p>
        )}
        <dl className="import-result__figures">
          {(['imported', 'duplicates', 'rejected'] as const).map((key) => (
            <div key={key} className={`figure figure--${key}`}>
              <dt>{t(`importer.result.${key}`)}</dt>
              <dd className="numeric">{fmt.number(counts[key])}</dd>
            </div>
          ))}
        </dl>
        <div className="wizard__actions">
          <a className="button button--primary" href={hrefFor('inbox')}>
            {t('importer.result.toInbox')}
          </a>
          {counts.rejected > 0 && (
            <a className="button" href={hrefFor('import', 'rejected')}>
              {t('importer.result.viewRejected')}
            </a>
          )}
          {another}
        </div>
      </StateMessage>
    </div>
  );
}
