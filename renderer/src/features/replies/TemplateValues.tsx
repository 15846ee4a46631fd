import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../../shared/api/replies';

/**
 * The required variables a template could not fill from the mention. Insertion waits until each
 * has a value; the fields are named as the template names them, so the operator knows what to look up.
 */
export function TemplateValues(props: {
  template: Template;
  missing: string[];
  busy: boolean;
  onInsert(values: Record<string, string>): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const empty = props.missing.filter((name) => !values[name]?.trim());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (empty.length === 0) props.onInsert(values);
  };

  return (
    <form className="template-vars" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <p id={`${id}-title`} className="field__label">
        {t('composer.values.title', { name: props.template.name })}
      </p>
      <p className="field__help" role="status">
        {t('composer.values.missing', { count: props.missing.length, fields: props.missing.join(', ') })}
      </p>
      <div className="template-vars__grid">
        {props.missing.map((name, index) => {
          const invalid = tried && !values[name]?.trim();
          return (
            <label key={name} className="field">
              <span className="field__label">
                <code>{name}</code>
                <span className="field__required">{t('composer.values.required')}</span>
              </span>
              <input
                className="input"
                value={values[name] ?? ''}
                onChange={(event) => setValues({ ...values, [name]: event.target.value })}
                aria-invalid={invalid}
                aria-describedby={invalid ? `${id}-${index}-error` : undefined}
                autoFocus={index === 0}
              />
              {invalid && (
                <span id={`${id}-${index}-error`} className="field__error">
                  {t('composer.values.fillIn', { name })}
                </span>
              )}
            </label>
          );
        })}
      </div>
      <div className="template-vars__actions">
        <button type="button" className="button" onClick={props.onCancel}>
          {t('composer.values.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={props.busy}>
          {t('composer.values.insert')}
        </button>
      </div>
    </form>
  );
}
