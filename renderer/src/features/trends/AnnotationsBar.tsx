import { Flag, Plus, Trash2 } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../../../shared/api/trends';
import { ApiError, call } from '../../api/client';
import { currentOperatorName } from '../../stores/operator';
import { chartFormat } from './chartFormat';
import { useFormat } from '../../i18n/format';
import { formatLocalDay, localDayOf, parseLocalDay, startOfLocalDay } from './period';
import { useTrendsVersion } from './useTrend';

/**
 * The annotations of the time axis (campaign launched, incident): listed, added and removed here,
 * drawn on every time panel. Stored in the workspace, so every operator and report sees them.
 */
export function AnnotationsBar({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const format = chartFormat(locale);
  const version = useTrendsVersion((state) => state.version);
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [adding, setAdding] = useState(false);
  const [day, setDay] = useState(() => formatLocalDay(localDayOf(Date.now())));
  const [endDay, setEndDay] = useState('');
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    call('trends.annotations', { from, to }).then(
      (list) => current && setAnnotations(list),
      () => current && setAnnotations([]),
    );
    return () => {
      current = false;
    };
  }, [from, to, version]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const start = parseLocalDay(day);
    const end = endDay ? parseLocalDay(endDay) : null;
    if (!start || (endDay && !end)) return setProblem(t('trends.annotations.badDate'));
    try {
      await call('trends.saveAnnotation', {
        at: new Date(startOfLocalDay(start)).toISOString(),
        endAt: end ? new Date(startOfLocalDay(end)).toISOString() : null,
        label,
        operator: currentOperatorName(),
      });
      setLabel('');
      setEndDay('');
      setAdding(false);
      setProblem(null);
      useTrendsVersion.getState().bump();
    } catch (caught) {
      setProblem(caught instanceof ApiError ? caught.message : String(caught));
    }
  };

  const remove = async (annotation: Annotation) => {
    try {
      await call('trends.deleteAnnotation', { id: annotation.id, operator: currentOperatorName() });
      useTrendsVersion.getState().bump();
    } catch (caught) {
      setProblem(caught instanceof ApiError ? caught.message : String(caught));
    }
  };

  return (
    <div className="annotations" role="group" aria-label={t('trends.annotations.label')}>
      <Flag aria-hidden="true" size={14} className="annotations__icon" />
      {annotations.length === 0 && !adding && <span className="muted">{t('trends.annotations.none')}</span>}
      <ul className="annotations__list">
        {annotations.map((annotation) => (
          <li key={annotation.id} className="annotation-chip">
            <span className="numeric">{format.day(annotation.at)}</span>
            <span>{annotation.label}</span>
            <button
              type="button"
              className="annotation-chip__remove"
              onClick={() => void remove(annotation)}
              aria-label={t('trends.annotations.remove', { label: annotation.label })}
            >
              <Trash2 aria-hidden="true" size={12} />
            </button>
          </li>
        ))}
      </ul>
      {adding ? (
        <form className="annotations__form" onSubmit={(event) => void save(event)}>
          <label className="trends-field">
            <span>{t('trends.annotations.day')}</span>
            <input
              className="input"
              type="date"
              value={day}
              onChange={(event) => setDay(event.target.value)}
              required
            />
          </label>
          <label className="trends-field">
            <span>{t('trends.annotations.until')}</span>
            <input
              className="input"
              type="date"
              value={endDay}
              min={day}
              onChange={(event) => setEndDay(event.target.value)}
            />
          </label>
          <label className="trends-field">
            <span>{t('trends.annotations.text')}</span>
            <input
              className="input"
              value={label}
              maxLength={200}
              required
              onChange={(event) => setLabel(event.target.value)}
              autoFocus
            />
          </label>
          <button type="submit" className="button button--small button--primary">
            {t('trends.annotations.save')}
          </button>
          <button type="button" className="button button--small" onClick={() => setAdding(false)}>
            {t('trends.annotations.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" className="button button--small" onClick={() => setAdding(true)}>
          <Plus aria-hidden="true" size={14} />
          {t('trends.annotations.add')}
        </button>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
