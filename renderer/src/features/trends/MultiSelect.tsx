import { ChevronDown } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useDismissible } from './useDismissible';

interface MultiSelectProps<V extends string | number> {
  label: string;
  options: readonly { value: V; label: string }[];
  selected: readonly V[];
  onChange(selected: V[]): void;
}

/**
 * A filter of several values in a disclosure: the summary says how many are chosen, nothing chosen means
 * everything. Checkboxes, so it works by keyboard and a screen reader reads each choice.
 */
export function MultiSelect<V extends string | number>({ label, options, selected, onChange }: MultiSelectProps<V>) {
  const { t } = useTranslation();
  const ref = useDismissible();
  const toggle = (value: V, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((other) => other !== value));
  const summary = selected.length
    ? selected.length === 1
      ? (options.find((option) => option.value === selected[0])?.label ?? '1')
      : t('trends.filters.chosen', { count: selected.length })
    : t('trends.filters.all');
  return (
    <details ref={ref} className="multi-select">
      <summary className="button button--small multi-select__summary">
        <span className="multi-select__label">{label}</span>
        <span className="multi-select__value">{summary}</span>
        <ChevronDown aria-hidden="true" size={14} />
      </summary>
      <fieldset className="multi-select__menu">
        <legend className="visually-hidden">{label}</legend>
        {options.length === 0 && <p className="muted">{t('trends.filters.none')}</p>}
        {options.map((option) => (
          <label key={option.value} className="multi-select__option">
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            {option.label}
          </label>
        ))}
        {selected.length > 0 && (
          <button type="button" className="button button--small" onClick={() => onChange([])}>
            {t('trends.filters.clear')}
          </button>
        )}
      </fieldset>
    </details>
  );
}
