import { Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api/client';
import { Modal } from '../../components/Modal';
import { useFormat } from '../../i18n/format';
import { currentOperatorName } from '../../stores/operator';
import { refreshSignals, useSignals } from './signalsStore';
import { useTrendsVersion } from './useTrend';

interface Outcome {
  name: string;
  points: number;
  rejected: { line: number; reason: string }[];
}

/** External signals: import a numeric time series from a CSV file, see and remove the ones imported. */
export function SignalsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const signals = useSignals((state) => state.signals);
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await call('trends.importSignal', {
        name: name || file.name.replace(/\.[^.]+$/, ''),
        unit: unit || undefined,
        csv: await file.text(),
        operator: currentOperatorName(),
      });
      setOutcome({ name: result.signal.name, points: result.signal.points, rejected: result.rejected });
      setFile(null);
      setName('');
      setUnit('');
      await refreshSignals();
    } catch (caught) {
      setProblem(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: number) => {
    try {
      await call('trends.deleteSignal', { id, operator: currentOperatorName() });
      await refreshSignals();
      useTrendsVersion.getState().bump();
    } catch (caught) {
      setProblem(caught instanceof ApiError ? caught.message : String(caught));
    }
  };

  return (
    <Modal title={t('trends.signals.title')} onClose={onClose}>
      <p className="muted">{t('trends.signals.intro')}</p>
      {signals.length > 0 && (
        <ul className="signal-list">
          {signals.map((signal) => (
            <li key={signal.id} className="signal-list__item">
              <span>
                {signal.name}
                {signal.unit ? ` (${signal.unit})` : ''}
              </span>
              <span className="muted numeric">
                {t('trends.signals.points', { count: signal.points, formatted: fmt.number(signal.points) })}
              </span>
              <button
                type="button"
                className="icon-button"
                onClick={() => void remove(signal.id)}
                aria-label={t('trends.signals.remove', { name: signal.name })}
              >
                <Trash2 aria-hidden="true" size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="signal-form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field__label">{t('trends.signals.file')}</span>
          <input
            type="file"
            accept=".csv,text/csv"
            required
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('trends.signals.name')}</span>
          <input
            className="input"
            value={name}
            maxLength={80}
            placeholder={file?.name.replace(/\.[^.]+$/, '') ?? ''}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('trends.signals.unit')}</span>
          <input className="input" value={unit} maxLength={20} onChange={(event) => setUnit(event.target.value)} />
        </label>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        {outcome && (
          <div role="status" className="signal-outcome">
            <p>
              {t('trends.signals.imported', {
                name: outcome.name,
                count: outcome.points,
                formatted: fmt.number(outcome.points),
              })}
            </p>
            {outcome.rejected.length > 0 && (
              <ul className="signal-outcome__rejected">
                {outcome.rejected.slice(0, 20).map((row) => (
                  <li key={row.line}>{t('trends.signals.rejected', { line: row.line, reason: row.reason })}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('trends.signals.close')}
          </button>
          <button type="submit" className="button button--primary" disabled={!file || busy}>
            {t('trends.signals.import')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
