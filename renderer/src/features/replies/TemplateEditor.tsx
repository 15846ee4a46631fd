import { Plus, Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Intent,
  type ReplyLang,
  type Snippet,
  type Template,
  type TemplateVariable,
  type TemplateVariant,
  type VariantKind,
} from '../../../../shared/api/replies';
import { templateNames } from '../../../../shared/replies/template';
import { call } from '../../api/client';
import { currentOperatorName } from '../../stores/operator';
import { BodyField, bodyProblems } from './BodyField';
import { LibraryEditorForm } from './LibraryEditorForm';

const INTENTS = Intent.options;

/** A template's form: name, category, variants per language and length, variables, and when it is suggested. */
export function TemplateEditor(props: {
  template: Template | null;
  snippets: readonly Snippet[];
  onSaved(template: Template): void;
  onDeleted(): void;
}) {
  const { t } = useTranslation();
  const original = props.template;
  const [name, setName] = useState(original?.name ?? '');
  const [category, setCategory] = useState(original?.category ?? '');
  const [description, setDescription] = useState(original?.description ?? '');
  const [variants, setVariants] = useState<TemplateVariant[]>(
    original?.variants ?? [{ lang: 'nl', kind: 'short', body: '' }],
  );
  const [variables, setVariables] = useState<TemplateVariable[]>(original?.variables ?? []);
  const [intents, setIntents] = useState<Intent[]>(original?.intents ?? []);
  const [keywords, setKeywords] = useState((original?.keywords ?? []).join(', '));

  const snippetNames = useMemo(() => new Set(props.snippets.map((snippet) => snippet.name)), [props.snippets]);
  const problems = variants.map((variant) => bodyProblems(variant.body, snippetNames));
  const broken = problems.findIndex((list) => list.length > 0);
  const used = useMemo(() => {
    const names = new Set<string>();
    for (const variant of variants) for (const variable of templateNames(variant.body).variables) names.add(variable);
    return [...names];
  }, [variants]);
  const undeclared = used.filter((path) => !variables.some((variable) => variable.name === path));

  const setVariant = (index: number, variant: TemplateVariant) =>
    setVariants(variants.map((old, i) => (i === index ? variant : old)));
  const setVariable = (index: number, variable: TemplateVariable) =>
    setVariables(variables.map((old, i) => (i === index ? variable : old)));

  const save = async () => {
    const saved = await call('replies.templates.save', {
      id: original?.id,
      name,
      category,
      description,
      variants,
      variables,
      intents,
      keywords: keywords
        .split(',')
        .map((word) => word.trim())
        .filter(Boolean),
      topicIds: original?.topicIds ?? [],
      operator: currentOperatorName(),
    });
    props.onSaved(saved);
  };

  return (
    <LibraryEditorForm
      title={original ? t('templates.editTitle', { name: original.name }) : t('templates.newTitle')}
      name={{ label: t('templates.name'), value: name, onChange: setName, maxLength: 80 }}
      beside={
        <label className="field">
          <span className="field__label">{t('templates.category')}</span>
          <input
            className="input"
            value={category}
            onChange={(event) => setCategory(event.target.value)}
            required
            maxLength={60}
          />
        </label>
      }
      description={description}
      onDescription={setDescription}
      canSave={broken < 0 && name.trim() !== '' && category.trim() !== ''}
      onSave={save}
      blocked={
        broken >= 0 && (
          <p className="form-error" role="status">
            {t('templates.cannotSave', { variant: broken + 1 })}
          </p>
        )
      }
      remove={
        original && {
          label: t('templates.delete'),
          onRemove: async () => {
            await call('replies.templates.delete', { id: original.id, operator: currentOperatorName() });
            props.onDeleted();
          },
        }
      }
    >
      <fieldset className="field template-editor__group">
        <legend className="field__label">{t('templates.variants')}</legend>
        {variants.map((variant, index) => (
          <div key={index} className="template-variant">
            <div className="template-editor__row">
              <label className="field">
                <span className="field__label">{t('templates.lang')}</span>
                <select
                  className="select"
                  value={variant.lang}
                  onChange={(event) => setVariant(index, { ...variant, lang: event.target.value as ReplyLang })}
                >
                  <option value="nl">{t('composer.languages.nl')}</option>
                  <option value="en">{t('composer.languages.en')}</option>
                </select>
              </label>
              <label className="field">
                <span className="field__label">{t('templates.kind')}</span>
                <select
                  className="select"
                  value={variant.kind}
                  onChange={(event) => setVariant(index, { ...variant, kind: event.target.value as VariantKind })}
                >
                  <option value="short">{t('templates.kinds.short')}</option>
                  <option value="long">{t('templates.kinds.long')}</option>
                </select>
              </label>
              {variants.length > 1 && (
                <button
                  type="button"
                  className="button button--small button--quiet-danger template-variant__remove"
                  onClick={() => setVariants(variants.filter((_, i) => i !== index))}
                >
                  <Trash2 aria-hidden="true" size={14} />
                  {t('templates.removeVariant', {
                    lang: t(`composer.languages.${variant.lang}`),
                    kind: t(`templates.kinds.${variant.kind}`),
                  })}
                </button>
              )}
            </div>
            <BodyField
              label={t('templates.body', {
                lang: t(`composer.languages.${variant.lang}`),
                kind: t(`templates.kinds.${variant.kind}`),
              })}
              value={variant.body}
              onChange={(body) => setVariant(index, { ...variant, body })}
              problems={problems[index] ?? []}
            />
          </div>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            setVariants([
              ...variants,
              { lang: variants.some((v) => v.lang === 'en') ? 'nl' : 'en', kind: 'short', body: '' },
            ])
          }
        >
          <Plus aria-hidden="true" size={14} />
          {t('templates.addVariant')}
        </button>
      </fieldset>

      <fieldset className="field template-editor__group">
        <legend className="field__label">{t('templates.variables')}</legend>
        <p className="field__help">{t('templates.variablesHelp')}</p>
        {variables.length > 0 && (
          <table className="tone-phrases">
            <thead>
              <tr>
                <th scope="col">{t('templates.variable')}</th>
                <th scope="col">{t('templates.required')}</th>
                <th scope="col">{t('templates.default')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('tone.fields.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {variables.map((variable, index) => (
                <tr key={index}>
                  <td>
                    <code>{variable.name}</code>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('templates.requiredOf', { name: variable.name })}
                      checked={variable.required}
                      onChange={(event) => setVariable(index, { ...variable, required: event.target.checked })}
                    />
                  </td>
                  <td>
                    <input
                      className="input"
                      aria-label={t('templates.defaultOf', { name: variable.name })}
                      value={variable.default ?? ''}
                      onChange={(event) =>
                        setVariable(index, {
                          ...variable,
                          default: event.target.value === '' ? null : event.target.value,
                        })
                      }
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--small button--quiet-danger"
                      onClick={() => setVariables(variables.filter((_, i) => i !== index))}
                    >
                      {t('templates.removeVariable', { name: variable.name })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {undeclared.length > 0 && (
          <div className="template-editor__undeclared">
            <span className="field__help">{t('templates.undeclared')}</span>
            {undeclared.map((path) => (
              <button
                key={path}
                type="button"
                className="chip chip-button"
                onClick={() => setVariables([...variables, { name: path, required: false, default: null }])}
              >
                <Plus aria-hidden="true" size={12} /> {path}
              </button>
            ))}
          </div>
        )}
      </fieldset>

      <fieldset className="field template-editor__group">
        <legend className="field__label">{t('templates.suggestWhen')}</legend>
        <div className="tone-rule__row">
          {INTENTS.map((intent) => (
            <label key={intent} className="tone-rule__check">
              <input
                type="checkbox"
                checked={intents.includes(intent)}
                onChange={(event) =>
                  setIntents(event.target.checked ? [...intents, intent] : intents.filter((i) => i !== intent))
                }
              />
              {t(`templates.intents.${intent}`)}
            </label>
          ))}
        </div>
        <label className="field">
          <span className="field__label">{t('templates.keywords')}</span>
          <input className="input" value={keywords} onChange={(event) => setKeywords(event.target.value)} />
        </label>
      </fieldset>
    </LibraryEditorForm>
  );
}
