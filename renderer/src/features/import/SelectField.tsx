import { useId } from 'react';

/** A labelled choice among fixed options. */
export function SelectField<T extends string>(props: {
  label: string;
  value: T | '';
  options: readonly { value: T | ''; label: string }[];
  onChange(value: T): void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {props.label}
      </label>
      <select
        id={id}
        className="select"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as T)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
