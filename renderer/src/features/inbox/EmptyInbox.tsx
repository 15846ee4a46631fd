import { CircleAlert, Inbox } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api/client';
import { StateMessage } from '../../components/StateMessage';
import { hrefFor } from '../../route';

/** A small demo: enough to try the inbox, made in seconds; the status bar shows its progress. */
const DEMO = { mentions: 3_000, years: 1, seed: 1 } as const;

export function EmptyInbox() {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'starting' | 'started' | ApiError>('idle');

  const generate = () => {
    setState('starting');
    call('demo.generate', DEMO)
      .then(() => setState('started'))
      .catch((error: unknown) =>
        setState(error instanceof ApiError ? error : new ApiError('internal', String(error), 'demo.generate')),
      );
  };

  return (
    <StateMessage kind="empty" icon={Inbox} title={t('inbox.emptyTitle')}>
      <p className="state-message__body">{t('inbox.emptyBody')}</p>
      {state === 'started' ? (
        <p className="state-message__body" role="status">
          {t('inbox.emptyDemoStarted')}
        </p>
      ) : (
        <div className="state-message__actions">
          <a className="button button--primary" href={hrefFor('import')}>
            {t('inbox.emptyImport')}
          </a>
          <button type="button" className="button" onClick={generate} disabled={state === 'starting'}>
            {t('inbox.emptyDemo')}
          </button>
        </div>
      )}
      {state instanceof ApiError && (
        <p className="state-message__detail" role="alert">
          <CircleAlert aria-hidden="true" size={14} />
          {t('common.errorDetail', { reason: t(`errors.${state.code}`), message: state.message })}
        </p>
      )}
      <p className="state-message__hint">{t('inbox.emptyImportHint')}</p>
      <code className="state-message__command">{t('inbox.emptyImportCommand')}</code>
    </StateMessage>
  );
}
