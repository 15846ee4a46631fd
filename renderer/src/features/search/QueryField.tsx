import { useLayoutEffect, useMemo, useRef, type KeyboardEvent, type RefObject } from 'react';
import { readQuery, type QueryReading } from './segments';
import './search.css';

interface QueryFieldProps {
  id: string;
  value: string;
  onChange(value: string): void;
  label: string;
  placeholder?: string;
  /** The element that says what is wrong (or what to do), for screen readers. */
  describedBy?: string;
  /** The query as `useQueryReading` read it: painted here, its message shown by the caller. */
  reading: QueryReading;
  inputRef?: RefObject<HTMLInputElement | null>;
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
}

/** Parses the query as it is typed; the field paints it and the caller shows the message. */
export function useQueryReading(query: string): QueryReading {
  return useMemo(() => readQuery(query), [query]);
}

/**
 * A plain text input for the query language, painted from behind: the input's own text is
 * transparent, and a mirror with the same font and padding shows the coloured query and a wavy
 * line under the mistake. The input stays a real input, so typing, selection, IME and screen
 * readers work as everywhere else.
 */
export function QueryField(props: QueryFieldProps) {
  const { segments, error } = props.reading;
  const invalid = error !== null;
  const mirror = useRef<HTMLDivElement>(null);
  const own = useRef<HTMLInputElement | null>(null);
  const input = props.inputRef ?? own;

  const syncScroll = () => {
    if (mirror.current && input.current) mirror.current.scrollLeft = input.current.scrollLeft;
  };
  useLayoutEffect(syncScroll, [props.value, input]);

  return (
    <div className={`query-field${invalid ? ' query-field--invalid' : ''}`}>
      <div className="query-field__mirror" ref={mirror} aria-hidden="true">
        {segments.map((segment, index) => (
          <span key={index} className={`q-${segment.kind}${segment.mistake ? ' q-mistake' : ''}`}>
            {segment.text}
          </span>
        ))}
      </div>
      <input
        ref={input}
        id={props.id}
        className="query-field__input"
        type="text"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        onScroll={syncScroll}
        onSelect={syncScroll}
        onKeyDown={props.onKeyDown}
        aria-label={props.label}
        aria-invalid={invalid}
        aria-describedby={props.describedBy}
        placeholder={props.placeholder}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
      />
    </div>
  );
}
