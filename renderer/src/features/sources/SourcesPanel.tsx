import { CircleAlert, LoaderCircle, Plus, Radio } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveSource } from '../../../../shared/api/sources';
import { ApiError, call, subscribe } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { StateMessage } from '../../components/StateMessage';
import { SourceForm, type SavedSource } from './SourceForm';
import { SourceItem } from './SourceItem';
import { WebhookAddress } from './WebhookAddress';

type Loaded = { status: 'loading' } | { status: 'ready'; sources: LiveSource[] } | { status: 'error'; error: ApiError };
type Dialog =
  | { kind: 'add' }
  | { kind: 'edit'; source: LiveSource }
  | { kind: 'remove'; source: LiveSource }
  | { kind: 'token'; name: string; token: string };

/** Settings → Sources: the live sources, their health, and adding, editing, pausing and removing them. */
export function SourcesPanel() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const load = useCallback(() => {
    call('sources.list', {})
      .then((sources) => setLoaded({ status: 'ready', sources }))
      .catch((error: unknown) =>
        setLoaded({
          status: 'error',
          error: error instanceof ApiError ? error : new ApiError('internal', String(error), 'sources.list'),
        }),
      );
  }, []);

  useEffect(() => {
    load();
    // Health moves after every poll, in this window or another: re-read the list when it does.
    return subscribe('sources.changed', load);
  }, [load]);

  const saved = ({ source, webhookToken }: SavedSource) => {
    setDialog(webhookToken ? { kind: 'token', name: source.name, token: webhookToken } : null);
    load();
  };

  const actions = {
    edit: (source: LiveSource) => setDialog({ kind: 'edit', source }),
    remove: (source: LiveSource) => setDialog({ kind: 'remove', source }),
    renewToken: (source: LiveSource) => void call('sources.update', { id: source.id, renewToken: true }).then(saved),
  };

  const add = (
    <button type="button" className="button button--primary" onClick={() => setDialog({ kind: 'add' })}>
      <Plus aria-hidden="true" size={14} />
      {t('sources.add')}
    </button>
  );

  return (
    <section className="settings-section settings-section--wide" aria-labelledby="sources-title">
      <div className="settings-section__header">
        <h2 id="sources-title" className="settings-section__title">
          {t('sources.title')}
        </h2>
        {loaded.status === 'ready' && loaded.sources.length > 0 && add}
      </div>
      <p className="settings-section__help">{t('sources.help')}</p>
      {loaded.status === 'loading' && <StateMessage kind="loading" icon={LoaderCircle} title={t('sources.loading')} />}
      {loaded.status === 'error' && (
        <StateMessage kind="error" icon={CircleAlert} title={t('sources.errorTitle')}>
          <p className="state-message__detail">
            {t('common.errorDetail', { reason: t(`errors.${loaded.error.code}`), message: loaded.error.message })}
          </p>
          <button type="button" className="button button--primary" onClick={load}>
            {t('inbox.retry')}
          </button>
        </StateMessage>
      )}
      {loaded.status === 'ready' && loaded.sources.length === 0 && (
        <StateMessage kind="empty" icon={Radio} title={t('sources.emptyTitle')}>
          <p className="state-message__body">{t('sources.emptyBody')}</p>
          {add}
        </StateMessage>
      )}
      {loaded.status === 'ready' && loaded.sources.length > 0 && (
        <ul className="sources" aria-label={t('sources.title')}>
          {loaded.sources.map((source) => (
            <SourceItem key={source.id} source={source} actions={actions} />
          ))}
        </ul>
      )}

      {dialog?.kind === 'add' && <SourceForm onClose={() => setDialog(null)} onSaved={saved} />}
      {dialog?.kind === 'edit' && <SourceForm source={dialog.source} onClose={() => setDialog(null)} onSaved={saved} />}
      {dialog?.kind === 'token' && (
        <WebhookAddress name={dialog.name} token={dialog.token} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'remove' && (
        <ConfirmDialog
          title={t('sources.remove.title', { name: dialog.source.name })}
          body={t('sources.remove.body')}
          confirm={t('sources.remove.confirm')}
          cancel={t('sources.remove.cancel')}
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            const { id } = dialog.source;
            setDialog(null);
            void call('sources.delete', { id }).then(load);
          }}
        />
      )}
    </section>
  );
}
