import { CircleAlert, FileWarning, LoaderCircle, ShieldCheck } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RejectGroup, RetryOutcome } from '../../../../shared/api/imports';
import { ApiError, call } from '../../api/client';
import { StateMessage } from '../../components/StateMessage';
import { useFormat } from '../../i18n/format';
import { RejectRecords } from './RejectRecords';
import { groupName } from './rejects';

type Loaded = { status: 'loading' } | { status: 'ready'; groups: RejectGroup[] } | { status: 'error'; error: ApiError };

const keyOf = (group: RejectGroup) => `${group.sourceId}:${group.file ?? ''}`;

/** Every record that could not be imported, by file or live source: why, the original, and a retry with a better mapping. */
export function RejectsView() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [chosen, setChosen] = useState<string | null>(null);
  // Kept here, not in the retry panel: when every record is fixed, the file leaves the list and its panel with it.
  const [retried, setRetried] = useState<{ name: string; outcome: RetryOutcome } | null>(null);

  const load = useCallback(() => {
    call('ingest.rejectGroups', {})
      .then((groups) => setLoaded({ status: 'ready', groups }))
      .catch((error: unknown) =>
        setLoaded({
          status: 'error',
          error: error instanceof ApiError ? error : new ApiError('internal', String(error), 'ingest.rejectGroups'),
        }),
      );
  }, []);
  useEffect(load, [load]);

  const retriedNote = retried && (
    <p className="rejects__retried" role="status">
      {t('rejects.retried', {
        name: retried.name,
        imported: fmt.number(retried.outcome.imported),
        duplicates: fmt.number(retried.outcome.duplicates),
        still: fmt.number(retried.outcome.stillRejected),
      })}
    </p>
  );

  if (loaded.status === 'loading')
    return <StateMessage kind="loading" icon={LoaderCircle} title={t('rejects.loading')} />;
  if (loaded.status === 'error') {
    return (
      <StateMessage kind="error" icon={CircleAlert} title={t('rejects.errorTitle')}>
        <p className="state-message__detail">
          {t('common.errorDetail', { reason: t(`errors.${loaded.error.code}`), message: loaded.error.message })}
        </p>
        <button type="button" className="button button--primary" onClick={load}>
          {t('inbox.retry')}
        </button>
      </StateMessage>
    );
  }
  if (loaded.groups.length === 0) {
    return (
      <>
        {retriedNote}
        <StateMessage kind="empty" icon={ShieldCheck} title={t('rejects.emptyTitle')}>
          <p className="state-message__body">{t('rejects.emptyBody')}</p>
        </StateMessage>
      </>
    );
  }

  const selected = loaded.groups.find((group) => keyOf(group) === chosen) ?? loaded.groups[0]!;
  return (
    <>
      {retriedNote}
      <div className="rejects">
        <nav className="rejects__groups" aria-label={t('rejects.groupsLabel')}>
          <ul>
            {loaded.groups.map((group) => (
              <li key={keyOf(group)}>
                <button
                  type="button"
                  className="choice rejects__group"
                  aria-current={group === selected ? 'true' : undefined}
                  onClick={() => setChosen(keyOf(group))}
                >
                  <FileWarning aria-hidden="true" size={16} />
                  <span className="rejects__group-name">{groupName(group)}</span>
                  <span className="rejects__group-facts numeric">
                    {t('rejects.count', { count: group.count, formatted: fmt.number(group.count) })}
                    {' · '}
                    {fmt.listTime(group.lastAt)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <RejectRecords
          key={keyOf(selected)}
          group={selected}
          onRetried={(outcome) => {
            setRetried({ name: groupName(selected), outcome });
            load();
          }}
        />
      </div>
    </>
  );
}
