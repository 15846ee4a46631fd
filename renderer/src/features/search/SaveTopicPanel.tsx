import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api/client';
import { currentOperator } from '../analysis-settings/operator';
import { ColourPicker } from '../topics/ColourPicker';
import { nextColour, refreshTopics, useTopics } from '../topics/topicsStore';

/** "Save this search as a topic": a name and a colour for the query in the search bar. */
export function SaveTopicPanel({ query, onDone }: { query: string; onDone(message: string | null): void }) {
  const { t } = useTranslation();
  const id = useId();
  const topics = useTopics((state) => state.topics);
  const [name, setName] = useState('');
  const [colour, setColour] = useState(() => nextColour(topics));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const saved = await call('topics.save', { name, query, colour, operator: currentOperator() });
      void refreshTopics();
      onDone(t('search.saved', { name: saved.topic.name }));
    } catch (caught) {
      setError(t('topics.failed', { message: caught instanceof ApiError ? caught.message : String(caught) }));
      setBusy(false);
    }
  };

  return (
    <form className="save-topic" aria-labelledby={`${id}-title`} onSubmit={(event) => void save(event)}>
      <h2 id={`${id}-title`} className="save-topic__title">
        {t('search.saveTitle')}
      </h2>
      <code className="save-topic__query">{query}</code>
      <div className="save-topic__row">
        <label className="field">
          <span className="field__label">{t('topics.name')}</span>
          <input
            className="input"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={60}
            required
            autoFocus
          />
        </label>
        <ColourPicker value={colour} onChange={setColour} />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="save-topic__actions">
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('topics.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy || name.trim() === ''}>
          {t('topics.save')}
        </button>
      </div>
    </form>
  );
}
