import { CircleAlert, CircleCheck } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../../shared/api/topics';
import { ApiError, call } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { currentOperator } from '../analysis-settings/operator';
import { describeQueryError } from '../search/queryError';
import { QueryField, useQueryReading } from '../search/QueryField';
import { ColourPicker } from './ColourPicker';
import { nextColour, refreshTopics, useTopics } from './topicsStore';
import { useQueryCheck } from './useQueryCheck';

/** Create a topic, or edit one: name, query (checked as it is typed, with how many it matches) and colour. */
export function TopicEditor({ topic, onDone }: { topic: Topic | null; onDone(message: string | null): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = useId();
  const topics = useTopics((state) => state.topics);
  const [name, setName] = useState(topic?.name ?? '');
  const [query, setQuery] = useState(topic?.query ?? '');
  const [colour, setColour] = useState(topic?.colour ?? nextColour(topics));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reading = useQueryReading(query);
  const check = useQueryCheck(query, reading.error === null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = await call('topics.save', {
        id: topic?.id,
        name,
        query,
        colour,
        operator: currentOperator(),
      });
      await refreshTopics();
      const key = saved.retag ? 'topics.retagging' : 'topics.saved';
      onDone(t(key, { name: saved.topic.name }));
      if (!topic) {
        setName('');
        setQuery('');
        setColour(nextColour(useTopics.getState().topics));
      }
    } catch (caught) {
      setError(t('topics.failed', { message: caught instanceof ApiError ? caught.message : String(caught) }));
    } finally {
      setBusy(false);
    }
  };

  let status: { kind: 'error' | 'ok' | 'plain'; text: string };
  if (reading.error) status = { kind: 'error', text: describeQueryError(t, query, reading.error) };
  else if (check.state === 'checking') status = { kind: 'plain', text: t('topics.checking') };
  else if (check.state === 'matches') {
    const key = check.estimate ? 'topics.matchesAbout' : 'topics.matches';
    status = { kind: 'ok', text: t(key, { count: check.total, formatted: fmt.number(check.total) }) };
  } else if (check.state === 'failed') status = { kind: 'error', text: check.message };
  else status = { kind: 'plain', text: t('topics.queryHelp') };

  const title = topic ? t('topics.editTitle', { name: topic.name }) : t('topics.newTitle');
  return (
    <form className="panel topic-editor" aria-label={title} onSubmit={(event) => void save(event)}>
      <h3 className="topic-editor__title">{title}</h3>
      <label className="field">
        <span className="field__label">{t('topics.name')}</span>
        <input
          className="input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={60}
          required
          autoFocus={topic !== null}
        />
      </label>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-query`}>
          {t('topics.query')}
        </label>
        <QueryField
          id={`${id}-query`}
          value={query}
          onChange={setQuery}
          reading={reading}
          label={t('topics.query')}
          describedBy={`${id}-check`}
        />
        <p id={`${id}-check`} className={`topic-editor__check topic-editor__check--${status.kind}`} aria-live="polite">
          {status.kind === 'error' && <CircleAlert aria-hidden="true" size={14} />}
          {status.kind === 'ok' && <CircleCheck aria-hidden="true" size={14} />}
          {status.text}
        </p>
      </div>
      <ColourPicker value={colour} onChange={setColour} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="topic-editor__actions">
        {topic && (
          <button type="button" className="button" onClick={() => onDone(null)}>
            {t('topics.cancel')}
          </button>
        )}
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || name.trim() === '' || query.trim() === '' || reading.error !== null}
        >
          {topic ? t('topics.save') : t('topics.create')}
        </button>
      </div>
    </form>
  );
}
