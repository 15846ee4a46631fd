import { Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyLang, Snippet } from '../../../../shared/api/replies';
import { ApiError, call } from '../../api/client';
import { currentOperatorName } from '../../stores/operator';
import { BodyField, bodyProblems } from './BodyField';

const NO_SNIPPETS: ReadonlySet<string> = new Set();

/** A snippet's form: a greeting, sign-off or privacy notice that templates include as {{> name}}. */
export function SnippetEditor(props: { snippet: Snippet | null; onSaved(snippet: Snippet): void; onDeleted(): void }) {
  const { t } = useTranslation();
  const original = props.snippet;
  const [name, setName] = useState(original?.name ?? '');
  const [lang, setLang] = useState<ReplyLang>(original?.lang ?? 'nl');
  const [description, setDescription] = useState(original?.description ?? '');
  const [body, setBody] = useState(original?.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A snippet may not include other snippets here: every {{> name}} in it is reported as unknown.
  const problems = bodyProblems(body, NO_SNIPPETS).filter((problem) => !problem.message.startsWith('Unknown snippet'));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onSaved(
        await call('replies.snippets.save', {
          id: original?.id,
          name,
          lang,
          description,
          body,
          operator: currentOperatorName(),
        }),
      );
    } catch (caught) {
      setError(t('templates.saveFailed', { message: caught instanceof ApiError ? caught.message : String(caught) }));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!original) return;
    try {
      await call('replies.snippets.delete', { id: original.id, operator: currentOperatorName() });
      props.onDeleted();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  };

  const title = original ? t('templates.editSnippet', { name: original.name }) : t('templates.newSnippet');
  return (
    <form className="template-editor" aria-label={title} onSubmit={(event) => void save(event)}>
      <h3 className="template-editor__title">{title}</h3>
      <div className="template-editor__row">
        <label className="field">
          <span className="field__label">{t('templates.snippetName')}</span>
          <input
            className="input input--code"
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            maxLength={60}
          />
          <span className="field__help">{t('templates.snippetNameHelp', { code: `{{> ${name || 'groet'}}}` })}</span>
        </label>
        <label className="field">
          <span className="field__label">{t('templates.lang')}</span>
          <select className="select" value={lang} onChange={(event) => setLang(event.target.value as ReplyLang)}>
            <option value="nl">{t('composer.languages.nl')}</option>
            <option value="en">{t('composer.languages.en')}</option>
          </select>
        </label>
      </div>
      <label className="field">
        <span className="field__label">{t('templates.description')}</span>
        <input
          className="input"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          maxLength={500}
        />
      </label>
      <BodyField label={t('templates.snippetBody')} value={body} onChange={setBody} problems={problems} rows={4} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="template-editor__actions">
        {original && (
          <button type="button" className="button button--quiet-danger" onClick={() => void remove()}>
            <Trash2 aria-hidden="true" size={14} />
            {t('templates.deleteSnippet')}
          </button>
        )}
        <span className="tone-settings__spacer" />
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || problems.length > 0 || !name.trim() || !body.trim()}
        >
          {t('templates.save')}
        </button>
      </div>
    </form>
  );
}
