import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { GRANULARITIES, type Granularity } from '../../../../shared/api/trends';
import { COMPARISONS, PERIOD_PRESETS, type Comparison, type PeriodPreset } from './period';

interface PeriodBarProps {
  preset: PeriodPreset | 'custom';
  /** The inclusive local days shown in the date pickers (`yyyy-mm-dd`). */
  days: { from: string; to: string };
  comparison: Comparison;
  granularity: Granularity | 'auto';
  onGranularity(granularity: Granularity | 'auto'): void;
  onPreset(preset: PeriodPreset | 'custom'): void;
  onCustom(from: string, to: string): void;
  onComparison(comparison: Comparison): void;
}

/** The period of every panel: presets, a custom range of days, and what to compare it with. */
export function PeriodBar(props: PeriodBarProps) {
  const { preset, days, comparison, granularity, onPreset, onCustom, onComparison, onGranularity } = props;
  const { t } = useTranslation();
  const compareId = useId();
  const granularityId = useId();
  const reversed = days.from > days.to;
  return (
    <div className="trends-period">
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('trends.period.label')}</legend>
        {[...PERIOD_PRESETS, 'custom' as const].map((value) => (
          <label key={value} className="segmented__option">
            <input
              type="radio"
              name="trends-period"
              value={value}
              checked={preset === value}
              onChange={() => onPreset(value)}
            />
            <span>{t(`trends.period.${value}`)}</span>
          </label>
        ))}
      </fieldset>
      {preset === 'custom' && (
        <div className="trends-period__custom">
          <label className="trends-field">
            <span>{t('trends.period.from')}</span>
            <input
              className="input"
              type="date"
              value={days.from}
              max={days.to}
              aria-invalid={reversed}
              onChange={(event) => onCustom(event.target.value, days.to)}
            />
          </label>
          <label className="trends-field">
            <span>{t('trends.period.to')}</span>
            <input
              className="input"
              type="date"
              value={days.to}
              min={days.from}
              aria-invalid={reversed}
              onChange={(event) => onCustom(days.from, event.target.value)}
            />
          </label>
        </div>
      )}
      <div className="trends-field">
        <label htmlFor={granularityId}>{t('trends.granularity.label')}</label>
        <select
          id={granularityId}
          className="select"
          value={granularity}
          onChange={(event) => onGranularity(event.target.value as Granularity | 'auto')}
        >
          {(['auto', ...GRANULARITIES] as const).map((value) => (
            <option key={value} value={value}>
              {t(`trends.granularity.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="trends-field">
        <label htmlFor={compareId}>{t('trends.comparison.label')}</label>
        <select
          id={compareId}
          className="select"
          value={comparison}
          onChange={(event) => onComparison(event.target.value as Comparison)}
        >
          {COMPARISONS.map((value) => (
            <option key={value} value={value}>
              {t(`trends.comparison.${value}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
