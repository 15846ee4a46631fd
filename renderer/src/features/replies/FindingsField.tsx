import { useMemo, useRef, type KeyboardEvent, type ReactNode, type Ref, type RefObject } from 'react';
import { paintRuns, type MarkedRange } from './paint';

interface FindingsFieldProps {
  id: string;
  value: string;
  onChange(value: string): void;
  /** Where the caret is (after every keystroke, click or arrow key): the / menu and the caret's finding follow it. */
  onCaret(caret: number): void;
  ranges: readonly MarkedRange[];
  /** Index in the text to mark in the mirror, so a popup can stand right under the caret. */
  anchorAt: number | null;
  anchorRef?: Ref<HTMLSpanElement>;
  fieldRef: RefObject<HTMLTextAreaElement | null>;
  label: string;
  describedBy?: string;
  invalid: boolean;
  placeholder?: string;
  onKeyDown?(event: KeyboardEvent<HTMLTextAreaElement>): void;
  /** The a11y wiring of the / menu, when it is open. */
  menu?: { listId: string; activeId: string | undefined };
  lang?: string;
  children?: ReactNode;
}

/**
 * The reply field: a real textarea (undo, IME, spell check and screen readers work as everywhere)
 * with transparent text over a mirror that lays out the same text identically and underlines the
 * tone findings. The mirror follows the textarea's scroll position.
 */
export function FindingsField({
  id,
  value,
  onChange,
  onCaret,
  ranges,
  anchorAt,
  anchorRef,
  fieldRef,
  label,
  describedBy,
  invalid,
  placeholder,
  onKeyDown,
  menu,
  lang,
  children,
}: FindingsFieldProps) {
  const mirror = useRef<HTMLDivElement>(null);
  const syncScroll = () => {
    if (mirror.current && fieldRef.current) mirror.current.scrollTop = fieldRef.current.scrollTop;
  };
  // Synced on the textarea's scroll events only: the browser fires them (typing past the bottom, a fix,
  // an inserted template) before it paints that frame, and reading scrollTop on every render would force
  // a layout of the whole field inside each keystroke.

  // Re-cut only when the text, its findings or the anchor changed (not on the list's later render).
  const runs = useMemo(() => paintRuns(value, ranges, anchorAt), [value, ranges, anchorAt]);
  const reportCaret = () => {
    const field = fieldRef.current;
    if (field) onCaret(field.selectionEnd);
  };

  return (
    <div className={`findings-field${invalid ? ' findings-field--invalid' : ''}`}>
      <div className="findings-field__mirror" ref={mirror} aria-hidden="true">
        {/* Keyed by position in the list, not by offset: typing shifts the offsets of every run after the
            caret, but their text stays the same, so React leaves those spans untouched. */}
        {runs.map((run, index) => (
          <span key={index}>
            {run.start === anchorAt && <span ref={anchorRef} className="findings-field__anchor" />}
            {run.mark ? <mark className={`finding-mark finding-mark--${run.mark}`}>{run.text}</mark> : run.text}
          </span>
        ))}
        {anchorAt === value.length && <span ref={anchorRef} className="findings-field__anchor" />}
        {/* A last line that ends in a newline must still take its height, as it does in the textarea. */}
        {'\u200b'}
      </div>
      <textarea
        ref={fieldRef}
        id={id}
        className="findings-field__input"
        value={value}
        lang={lang}
        onChange={(event) => {
          onChange(event.target.value);
          onCaret(event.target.selectionEnd);
        }}
        onSelect={reportCaret}
        onScroll={syncScroll}
        onKeyDown={onKeyDown}
        aria-label={label}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        aria-controls={menu?.listId}
        aria-activedescendant={menu?.activeId}
        aria-autocomplete="list"
        placeholder={placeholder}
        spellCheck
      />
      {children}
    </div>
  );
}
