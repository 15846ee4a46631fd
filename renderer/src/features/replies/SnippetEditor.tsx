import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyLang, Snippet } from '../../../../shared/api/replies';
import { call } from '../../api/client';
import { currentOperatorName } from '../../stores/operator';
import { BodyField, bodyProblems } from './BodyField';
import { LibraryEditorForm } from './LibraryEditorForm';

const NO_SNIPPETS: ReadonlySet<string> = new Set();

/** A snippet's form: a greeting, sign-off or privacy notice that templates include as {{> name}}. */
export function SnippetEditor(props: { snippet: Snippet | null; onSaved(snippet: Snippet): void; onDeleted(): void }) {
  const { t } = useTranslation();
  const original = props.snippet;
  const [name, setName] = useState(original?.name ?? '');
  const [lang, setLang] = useState<ReplyLang>(original?.lang ?? 'nl');
  const [description, setDescription] = useState(original?.description ?? '');
  const [body, setBody] = useState(original?.body ?? '');
  // A snippet may not include other snippets here: every {{> name}} in it is reported as unknown.
  const problems = bodyProblems(body, NO_SNIPPETS).filter((problem) => problem.code !== 'unknown_snippet');

  return (
    <LibraryEditorForm
      title={original ? t('templates.editSnippet', { name: original.name }) : t('templates.newSnippet')}
      name={{
        label: t('templates.snippetName'),
        value: name,
        onChange: setName,
        maxLength: 60,
        help: t('templates.snippetNameHelp', { code: `{{> ${name || 'groet'}}}` }),
        code: true,
      }}
      beside={
        <label className="field">
          <span className="field__label">{t('templates.lang')}</span>
          <select className="select" value={lang} onChange={(event) => setLang(event.target.value as ReplyLang)}>
            <option value="nl">{t('composer.languages.nl')}</option>
            <option value="en">{t('composer.languages.en')}</option>
          </select>
        </label>
      }
      description={description}
      onDescription={setDescription}
      canSave={problems.length === 0 && name.trim() !== '' && body.trim() !== ''}
      onSave={async () =>
        props.onSaved(
          await call('replies.snippets.save', {
            id: original?.id,
            name,
            lang,
            description,
            body,
            operator: currentOperatorName(),
          }),
        )
      }
      remove={
        original && {
          label: t('templates.deleteSnippet'),
          onRemove: async () => {
            await call('replies.snippets.delete', { id: original.id, operator: currentOperatorName() });
            props.onDeleted();
          },
        }
      }
    >
      <BodyField label={t('templates.snippetBody')} value={body} onChange={setBody} problems={problems} rows={4} />
    </LibraryEditorForm>
  );
}
