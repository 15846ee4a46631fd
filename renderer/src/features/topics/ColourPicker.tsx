import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TOPIC_COLOURS } from '../../../../shared/domain/topics';
import { COLOUR_NAMES } from './topicsStore';
import './topics.css';

/** The topic palette as radio buttons: a swatch you can see and a colour name a screen reader says. */
export function ColourPicker({ value, onChange }: { value: string; onChange(colour: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="colour-picker" role="radiogroup" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="field__label">
        {t('topics.colour')}
      </span>
      <div className="colour-picker__swatches">
        {TOPIC_COLOURS.map((colour, index) => {
          const name = t(`topics.colours.${COLOUR_NAMES[index] ?? 'blue'}`);
          return (
            <label key={colour} className="colour-picker__option" title={name}>
              <input
                type="radio"
                name={id}
                value={colour}
                checked={value === colour}
                onChange={() => onChange(colour)}
                aria-label={name}
              />
              <span className="colour-picker__swatch" style={{ background: colour }} aria-hidden="true" />
            </label>
          );
        })}
      </div>
    </div>
  );
}
