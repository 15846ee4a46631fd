import { CircleAlert, CircleCheck, Undo2, X } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyHint } from './ShortcutsDialog';
import type { ActionNotice } from './useWorkflow';

/** How long a notice stays; long enough to reach for Undo (or press u). */
const VISIBLE_MS = 10_000;

/**
 * What the last action did, with Undo (u) and, after a bulk action that covers the current row, Undo for
 * that row alone (Shift+U); announced politely, never taking focus.
 */
export function ActionToast({
  notice,
  currentId,
  onUndo,
  onUndoOne,
  onDismiss,
}: {
  notice: ActionNotice | null;
  /** The open mention, else the current row. */
  currentId: number | null;
  onUndo(): void;
  onUndoOne(id: number): void;
  onDismiss(): void;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(onDismiss, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {notice && (
        <div key={notice.id} className={`toast${notice.error ? ' toast--error' : ''}`}>
          {notice.error ? <CircleAlert aria-hidden="true" size={16} /> : <CircleCheck aria-hidden="true" size={16} />}
          <span className="toast__text">{notice.text}</span>
          {notice.undoToken && (
            <button type="button" className="toast__undo" onClick={onUndo}>
              <Undo2 aria-hidden="true" size={14} />
              {t('inbox.actions.undo')}
              <KeyHint keyName="u" />
            </button>
          )}
          {notice.undoToken && notice.ids.length > 1 && currentId !== null && notice.ids.includes(currentId) && (
            <button type="button" className="toast__undo" onClick={() => onUndoOne(currentId)}>
              {t('inbox.actions.undoCurrent')}
              <KeyHint keyName="U" />
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            onClick={onDismiss}
            aria-label={t('inbox.dismiss')}
            title={t('inbox.dismiss')}
          >
            <X aria-hidden="true" size={14} />
          </button>
        </div>
      )}
    </div>
  );
}
