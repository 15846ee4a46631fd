import { useTranslation } from 'react-i18next';
import type { JobInfo } from '../../../shared/api/events';
import { useFormat } from '../i18n/format';
import { useWorkspaceStatus } from '../stores/workspace';

function JobProgress({ job }: { job: JobInfo }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = t(`jobs.${job.kind}`);
  if (job.state !== 'running') {
    return (
      <span className={`status-bar__job job--${job.state}`}>
        {t(`statusBar.job_${job.state}`, { label, message: job.message ?? '' })}
      </span>
    );
  }
  const text =
    job.total === null
      ? t('statusBar.jobProgressOpen', { label, done: fmt.number(job.done) })
      : t('statusBar.jobProgress', { label, done: fmt.number(job.done), total: fmt.number(job.total) });
  return (
    <span className="status-bar__job">
      {/* Without a total the bar is indeterminate: it moves, but promises no end. */}
      <progress aria-label={label} value={job.total === null ? undefined : job.done} max={job.total ?? undefined} />
      <span>{text}</span>
    </span>
  );
}

export function StatusBar() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { stats, statsError, jobs, connection } = useWorkspaceStatus();

  return (
    <footer className="status-bar" aria-label={t('statusBar.label')}>
      {stats ? (
        <>
          <span className="status-bar__figure">
            {t('statusBar.mentions', { count: stats.mentions, formatted: fmt.number(stats.mentions) })}
          </span>
          <span className="status-bar__figure">
            {t('statusBar.unread', { count: stats.unread, formatted: fmt.number(stats.unread) })}
          </span>
          <span className="status-bar__figure">
            {stats.lastIngestAt
              ? t('statusBar.lastIngest', { date: fmt.dateTime(stats.lastIngestAt) })
              : t('statusBar.neverIngested')}
          </span>
        </>
      ) : (
        statsError && <span className="status-bar__figure">{t('statusBar.statsUnavailable')}</span>
      )}
      <span className="status-bar__spacer" />
      {Object.values(jobs).map((job) => (
        <JobProgress key={job.id} job={job} />
      ))}
      <span className={`status-bar__connection connection--${connection}`} role="status">
        <span className="connection__dot" aria-hidden="true" />
        {t(`statusBar.${connection === 'open' ? 'live' : connection}`)}
      </span>
    </footer>
  );
}
