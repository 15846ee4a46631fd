import { useTranslation } from 'react-i18next';
import type { SignalOverlay } from '../../../../shared/api/trends';
import { useFormat } from '../../i18n/format';
import { useSignals } from './signalsStore';

/** Chooses the external signal laid over a time panel (or none). */
export function SignalPicker({
  value,
  onChange,
}: {
  value: number | undefined;
  onChange(id: number | undefined): void;
}) {
  const { t } = useTranslation();
  const signals = useSignals((state) => state.signals);
  if (signals.length === 0) return null;
  return (
    <label className="trend-panel__option">
      <span className="visually-hidden">{t('trends.signals.overlay')}</span>
      <select
        className="select select--small"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : undefined)}
      >
        <option value="">{t('trends.signals.none')}</option>
        {signals.map((signal) => (
          <option key={signal.id} value={signal.id}>
            {signal.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The correlation between a panel's measure and the signal over it, in words. */
export function SignalCaption({ signal }: { signal: SignalOverlay }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  if (signal.correlation === null) return <>{t('trends.signals.noCorrelation', { name: signal.name })}</>;
  const r = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 2,
    minimumFractionDigits: 2,
    signDisplay: 'exceptZero',
  });
  return (
    <>{t('trends.signals.correlation', { name: signal.name, r: r.format(signal.correlation), count: signal.pairs })}</>
  );
}
