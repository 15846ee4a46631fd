import { Trash2 } from 'lucide-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';

/** The name field of a template or snippet: its label, help and how long it may be. */
export interface NameField {
  label: string;
  value: string;
  onChange(value: string): void;
  maxLength: number;
  help?: string;
  /** Snippet names are typed into templates as `{{> name}}`: shown as code. */
  code?: boolean;
}

/**
 * The form a template and a snippet share: title, name beside one more field (category or language),
 * description, their bodies, the save error, and delete / save. Saving and deleting report a refusal
 * from the engine under the form and keep what was typed.
 */
export function LibraryEditorForm(props: {
  title: string;
  name: NameField;
  /** The field beside the name: a template's category, a snippet's language. */
  beside: ReactNode;
  description: string;
  onDescription(value: string): void;
  children: ReactNode;
  /** Why saving is not possible yet (shown above the buttons), if anything. */
  blocked?: ReactNode;
  canSave: boolean;
  onSave(): Promise<void>;
  /** Null for a new one, which cannot be deleted yet. */
  remove: { label: string; onRemove(): Promise<void> } | null;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const message = (caught: unknown) => (caught instanceof ApiError ? caught.message : String(caught));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!props.canSave) return;
    setBusy(true);
    setError(null);
    try {
      await props.onSave();
    } catch (caught) {
      setError(t('templates.saveFailed', { message: message(caught) }));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    try {
      await props.remove?.onRemove();
    } catch (caught) {
      setError(message(caught));
    }
  };

  const { name } = props;
  return (
    <form className="panel template-editor" aria-label={props.title} onSubmit={(event) => void save(event)}>
      <h3 className="template-editor__title">{props.title}</h3>
      <div className="template-editor__row">
        <label className="field">
          <span className="field__label">{name.label}</span>
          <input
            className={name.code ? 'input input--code' : 'input'}
            value={name.value}
            onChange={(event) => name.onChange(event.target.value)}
            required
            maxLength={name.maxLength}
          />
          {name.help && <span className="field__help">{name.help}</span>}
        </label>
        {props.beside}
      </div>
      <label className="field">
        <span className="field__label">{t('templates.description')}</span>
        <input
          className="input"
          value={props.description}
          onChange={(event) => props.onDescription(event.target.value)}
          maxLength={500}
        />
      </label>
      {props.children}
      {props.blocked}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="template-editor__actions">
        {props.remove && (
          <button type="button" className="button button--quiet-danger" onClick={() => void remove()}>
            <Trash2 aria-hidden="true" size={14} />
            {props.remove.label}
          </button>
        )}
        <span className="tone-settings__spacer" />
        <button type="submit" className="button button--primary" disabled={busy || !props.canSave}>
          {t('templates.save')}
        </button>
      </div>
    </form>
  );
}
