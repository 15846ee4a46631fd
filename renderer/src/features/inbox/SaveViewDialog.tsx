import { CircleAlert } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionSort } from '../../../../shared/api/inbox';
import { ApiError, call } from '../../api/client';
import { Modal } from '../../components/Modal';
import { currentOperatorName } from '../../stores/operator';
import { inboxHref, type InboxFilter } from './link';
import { refreshViews } from './viewsStore';

/** Keeps the current filters and order as a named view, pinned in the sidebar unless unticked. */
export function SaveViewDialog({
  filter,
  sort,
  onClose,
  onSaved,
}: {
  filter: InboxFilter;
  sort: MentionSort;
  onClose(): void;
  onSaved(message: string): void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [pinned, setPinned] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const view = await call('inbox.views.save', { operator: currentOperatorName(), name, filter, sort, pinned });
      await refreshViews();
      window.location.hash = inboxHref(view.filter, { sort: view.sort, view: `view:${view.id}` });
      onSaved(t('inbox.views.saved', { name: view.name }));
    } catch (caught) {
      setError(t('inbox.views.failed', { message: caught instanceof ApiError ? caught.message : String(caught) }));
      setBusy(false);
    }
  };

  return (
    <Modal title={t('inbox.views.saveTitle')} onClose={onClose}>
      <form onSubmit={save} className="save-view">
        <label className="field">
          <span className="field__label">{t('inbox.views.name')}</span>
          <input
            className="input"
            autoFocus
            required
            maxLength={60}
            value={name}
            placeholder={t('inbox.views.namePlaceholder')}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label className="check-list__item">
          <input type="checkbox" checked={pinned} onChange={(event) => setPinned(event.target.checked)} />
          {t('inbox.views.pin')}
        </label>
        {error && (
          <p className="form-error" role="alert">
            <CircleAlert aria-hidden="true" size={14} />
            {error}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('inbox.views.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || name.trim() === ''}>
            {t('inbox.views.saveButton')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
