import { Download, Upload } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../../../shared/api/replies';
import { ApiError, call } from '../../api/client';
import { Modal } from '../../components/Modal';
import { currentOperatorName } from '../../stores/operator';
import { downloadFile } from '../trends/download';

/** Export the library as one JSON file, and import a colleague's file (merged, or replacing the library). */
export function LibraryTransfer({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<{ name: string; library: unknown } | null>(null);
  const [replace, setReplace] = useState(false);
  const [includeTone, setIncludeTone] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const exportLibrary = async () => {
    setMessage(null);
    try {
      const library = await call('replies.library.export', {});
      downloadFile(
        'watchpost-library.json',
        new Blob([JSON.stringify(library, null, 2)], { type: 'application/json' }),
      );
    } catch (caught) {
      setMessage({ kind: 'error', text: caught instanceof ApiError ? caught.message : String(caught) });
    }
  };
  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    setMessage(null);
    try {
      setFile({ name: chosen.name, library: JSON.parse(await chosen.text()) as unknown });
    } catch (caught) {
      setMessage({
        kind: 'error',
        text: t('templates.import.notJson', {
          file: chosen.name,
          message: caught instanceof Error ? caught.message : String(caught),
        }),
      });
    }
  };
  const importLibrary = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const outcome: ImportOutcome = await call('replies.library.import', {
        library: file.library,
        mode: replace ? 'replace' : 'merge',
        includeTone,
        operator: currentOperatorName(),
      });
      setMessage({
        kind: 'ok',
        text:
          t('templates.import.done', {
            templatesAdded: outcome.templatesAdded,
            templatesUpdated: outcome.templatesUpdated,
            snippetsAdded: outcome.snippetsAdded,
            snippetsUpdated: outcome.snippetsUpdated,
          }) +
          (outcome.unknownTopics.length
            ? ` ${t('templates.import.unknownTopics', { topics: outcome.unknownTopics.join(', ') })}`
            : ''),
      });
      onImported();
    } catch (caught) {
      setMessage({
        kind: 'error',
        text: t('templates.import.failed', {
          file: file.name,
          message: caught instanceof ApiError ? caught.message : String(caught),
        }),
      });
    } finally {
      setBusy(false);
      setFile(null);
    }
  };

  return (
    <>
      <button type="button" className="button button--small" onClick={() => void exportLibrary()}>
        <Download aria-hidden="true" size={14} />
        {t('templates.export')}
      </button>
      <label className="button button--small" htmlFor={`${id}-file`}>
        <Upload aria-hidden="true" size={14} />
        {t('templates.import.choose')}
      </label>
      <input
        id={`${id}-file`}
        className="visually-hidden"
        type="file"
        accept="application/json,.json"
        onChange={(event) => {
          void choose(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      {message && (
        <p
          className={
            message.kind === 'error'
              ? 'form-error template-library__message'
              : 'template-library__message tone-settings__ok'
          }
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      {file && (
        <Modal title={t('templates.import.title', { file: file.name })} onClose={() => setFile(null)}>
          <p>{t('templates.import.body')}</p>
          <label className="tone-rule__check">
            <input type="checkbox" checked={replace} onChange={(event) => setReplace(event.target.checked)} />
            {t('templates.import.replace')}
          </label>
          <label className="tone-rule__check">
            <input type="checkbox" checked={includeTone} onChange={(event) => setIncludeTone(event.target.checked)} />
            {t('templates.import.includeTone')}
          </label>
          <div className="modal__actions">
            <button type="button" className="button" onClick={() => setFile(null)}>
              {t('templates.import.cancel')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void importLibrary()}
            >
              {t('templates.import.confirm')}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
