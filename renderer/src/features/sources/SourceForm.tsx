import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SOURCE_KINDS, type LiveSource, type SourceKind } from '../../../../shared/api/sources';
import { ApiError, call } from '../../api/client';
import { Modal } from '../../components/Modal';
import {
  initialValues,
  isPolled,
  settingsFrom,
  storedSecrets,
  validate,
  visibleFields,
  type FieldError,
  type FieldSpec,
  type FormValues,
} from './sourceFields';

/** Every kind has these; their labels are shared. */
const COMMON_FIELDS = new Set(['name', 'interval']);

export interface SavedSource {
  source: LiveSource;
  webhookToken: string | null;
}

/** Add a live source (any kind) or edit one (its kind stays), with a message per field that is not right. */
export function SourceForm({
  source,
  onClose,
  onSaved,
}: {
  source?: LiveSource;
  onClose(): void;
  onSaved(saved: SavedSource): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<SourceKind>(source?.kind ?? 'rss');
  const [values, setValues] = useState<FormValues>(() => initialValues(source?.kind ?? 'rss', source));
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const stored = storedSecrets(source);

  const set = (name: string, value: string) => {
    setValues((before) => ({ ...before, [name]: value }));
    setErrors(({ [name]: _fixed, ...rest }) => rest);
  };

  const chooseKind = (next: SourceKind) => {
    setKind(next);
    setValues((before) => ({ ...initialValues(next), name: before.name ?? '' }));
    setErrors({});
  };

  const submit = () => {
    const found = validate(kind, values, stored);
    setErrors(found);
    setFailure(null);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setSaving(true);
    const settings = settingsFrom(kind, values);
    const name = values.name?.trim() ?? '';
    const saving = source
      ? call('sources.update', { id: source.id, name, settings })
      : call('sources.add', { kind, name, settings });
    saving.then(onSaved).catch((error: unknown) => {
      setSaving(false);
      setFailure(error instanceof ApiError ? error.message : String(error));
    });
  };

  const field = (spec: FieldSpec) => {
    const inputId = `${id}-${spec.name}`;
    const error = errors[spec.name];
    const helpKey = `sources.form.help.${kind}.${spec.name}`;
    const help = t(helpKey, { defaultValue: '' });
    const describedBy = [help && `${inputId}-help`, error && `${inputId}-error`].filter(Boolean).join(' ') || undefined;
    const common = {
      id: inputId,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy,
    } as const;
    return (
      <div key={spec.name} className="field">
        <label htmlFor={inputId} className="field__label">
          {t(COMMON_FIELDS.has(spec.name) ? `sources.form.${spec.name}` : `sources.form.fields.${kind}.${spec.name}`)}
        </label>
        {spec.type === 'select' ? (
          <select
            {...common}
            className="select"
            value={values[spec.name] ?? ''}
            onChange={(e) => set(spec.name, e.target.value)}
          >
            {spec.options?.map((option) => (
              <option key={option} value={option}>
                {t(`sources.form.options.${kind}.${spec.name}.${option}`)}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...common}
            className="input"
            type={spec.type === 'secret' ? 'password' : spec.type === 'url' ? 'url' : 'text'}
            inputMode={spec.name === 'interval' ? 'numeric' : undefined}
            autoComplete={spec.type === 'secret' ? 'new-password' : 'off'}
            placeholder={spec.type === 'secret' && stored[spec.name] ? t('sources.form.secretStored') : undefined}
            value={values[spec.name] ?? ''}
            onChange={(e) => set(spec.name, e.target.value)}
          />
        )}
        {help && (
          <p id={`${inputId}-help`} className="field__help">
            {help}
          </p>
        )}
        {error && (
          <p id={`${inputId}-error`} className="field__error">
            {t(`sources.form.errors.${error}`)}
          </p>
        )}
      </div>
    );
  };

  return (
    <Modal
      title={source ? t('sources.form.editTitle', { name: source.name }) : t('sources.form.addTitle')}
      onClose={onClose}
    >
      <form
        className="source-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {!source && (
          <fieldset className="field">
            <legend className="field__label">{t('sources.form.kind')}</legend>
            <div className="kind-choice">
              {SOURCE_KINDS.map((option) => (
                <label key={option} className="kind-choice__option">
                  <input
                    type="radio"
                    name={`${id}-kind`}
                    value={option}
                    checked={kind === option}
                    onChange={() => chooseKind(option)}
                  />
                  <span>{t(`sources.kinds.${option}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {field({ name: 'name', type: 'text' })}
        {visibleFields(kind, values).map(field)}
        {isPolled(kind) && field({ name: 'interval', type: 'text' })}
        {kind === 'webhook' && <p className="field__help">{t('sources.form.webhookHelp')}</p>}
        {failure && (
          <p className="form-error" role="alert">
            {t('sources.form.failed', { message: failure })}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('sources.form.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('sources.form.saving') : source ? t('sources.form.save') : t('sources.form.add')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
