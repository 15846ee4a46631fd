import { CircleAlert } from 'lucide-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { initialsOf, useOperator } from '../../stores/operator';
import { OperatorAvatar } from './OperatorAvatar';
import { createOperator, loadOperators, OPERATOR_COLOURS, sitDown, useOperators } from './operatorsStore';

/**
 * Who is at the desk: the workspace's profiles to pick from, and a short form for a new one.
 * Used on first start (in the detail pane, never blocking the inbox) and when switching.
 */
export function OperatorPicker({ onDone }: { onDone?(): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = useOperator();
  const profiles = useOperators((state) => state.profiles);
  const [name, setName] = useState('');
  const [initials, setInitials] = useState('');
  const [colour, setColour] = useState<string>(OPERATOR_COLOURS[0]);
  const [language, setLanguage] = useState<'nl' | 'en'>(i18n.language === 'en' ? 'en' : 'nl');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadOperators().catch(() => undefined);
  }, []);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError(t('operators.nameRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await createOperator({ name: name.trim(), initials: initials.trim() || initialsOf(name), colour, language });
      onDone?.();
    } catch (caught) {
      setError(t('operators.failed', { message: caught instanceof ApiError ? caught.message : String(caught) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="operator-picker">
      {profiles && profiles.length > 0 && (
        <ul className="operator-picker__list" aria-label={t('operators.pick')}>
          {profiles.map((profile) => (
            <li key={profile.id}>
              <button
                type="button"
                className="choice operator-picker__choice"
                aria-pressed={current?.name === profile.name}
                onClick={() => {
                  sitDown(profile);
                  onDone?.();
                }}
              >
                <OperatorAvatar name={profile.name} decorative />
                <span>{profile.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="operator-picker__form" onSubmit={create} aria-labelledby={`${id}-new`}>
        <h3 id={`${id}-new`} className="operator-picker__subtitle">
          {t('operators.orNew')}
        </h3>
        <div className="operator-picker__row">
          <label className="field operator-picker__name">
            <span className="field__label">{t('operators.name')}</span>
            <input
              className="input"
              value={name}
              maxLength={80}
              autoComplete="name"
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          <label className="field operator-picker__initials">
            <span className="field__label">{t('operators.initials')}</span>
            <input
              className="input"
              value={initials}
              maxLength={3}
              placeholder={name ? initialsOf(name) : ''}
              onChange={(event) => setInitials(event.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('operators.language')}</span>
            <select
              className="input"
              value={language}
              onChange={(event) => setLanguage(event.target.value === 'en' ? 'en' : 'nl')}
            >
              <option value="nl">{t('language.nl')}</option>
              <option value="en">{t('language.en')}</option>
            </select>
          </label>
        </div>
        <fieldset className="operator-picker__colours">
          <legend className="field__label">{t('operators.colour')}</legend>
          {OPERATOR_COLOURS.map((value) => (
            <label key={value} className="operator-picker__swatch" style={{ ['--swatch' as string]: value }}>
              <input
                type="radio"
                name={`${id}-colour`}
                value={value}
                checked={colour === value}
                onChange={() => setColour(value)}
                aria-label={value}
              />
            </label>
          ))}
        </fieldset>
        {error && (
          <p className="form-error" role="alert">
            <CircleAlert aria-hidden="true" size={14} />
            {error}
          </p>
        )}
        <div className="operator-picker__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('operators.create')}
          </button>
        </div>
      </form>
    </div>
  );
}
