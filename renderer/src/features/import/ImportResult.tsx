import { CircleAlert, CircleCheck, CircleStop } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { JobInfo } from '../../../../shared/api/events';
import { StateMessage } from '../../components/StateMessage';
import { useFormat } from '../../i18n/format';
import { hrefFor } from '../../route';
import { RejectReasonText, type RejectWhy } from './RejectReason';

interface Counts {
  imported: number;
  duplicates: number;
  rejected: number;
}

/** How many of the first rejects the result shows; the rest are a click away. */
const SHOWN_REJECTS = 5;

function countsOf(job: JobInfo): Counts {
  const result = (job.result ?? {}) as Partial<Counts>;
  return { imported: result.imported ?? 0, duplicates: result.duplicates ?? 0, rejected: result.rejected ?? 0 };
}

/** The first rejects the job reports (the import keeps all of them), each with its reason. */
function firstRejects(job: JobInfo): (RejectWhy & { recordNo: number })[] {
  const rejects = (job.result as { rejects?: unknown } | null)?.rejects;
  if (!Array.isArray(rejects)) return [];
  return rejects
    .filter((reject): reject is RejectWhy & { recordNo: number } => typeof reject?.reason === 'string')
    .slice(0, SHOWN_REJECTS);
}

/** The last step: what came in, what was already there, what was rejected, and where to go next. */
export function ImportResult({ name, job, onAnother }: { name: string; job: JobInfo; onAnother(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const counts = countsOf(job);
  const rejects = firstRejects(job);
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
        {rejects.length > 0 && (
          <section className="import-result__rejects" aria-labelledby="import-result-rejects">
            <h3 id="import-result-rejects" className="import-result__rejects-title">
              {t('importRejects.title')}
            </h3>
            <ul>
              {rejects.map((reject) => (
                <li key={reject.recordNo}>
                  <RejectReasonText why={reject} />
                </li>
              ))}
            </ul>
            {counts.rejected > rejects.length && (
              <p className="field__help">{t('importRejects.more', { total: fmt.number(counts.rejected) })}</p>
            )}
          </section>
        )}
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
