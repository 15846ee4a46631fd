import {
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  type RefObject,
} from 'react';
import type { MarkedRange } from './paint';
import { canHighlight, FieldUnderlines } from './underlines';

interface FindingsFieldProps {
  id: string;
  value: string;
  onChange(value: string): void;
  /** Where the caret is (after every keystroke, click or arrow key): the / menu and the caret's finding follow it. */
  onCaret(caret: number): void;
  ranges: readonly MarkedRange[];
  /** The mirror behind the text, to measure where a character stands (the / menu stands under the caret). */
  mirrorRef?: Ref<HTMLDivElement>;
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
 * tone findings (as highlights, see underlines.ts). The mirror follows the textarea's scroll position.
 */
export function FindingsField({
  id,
  value,
  onChange,
  onCaret,
  ranges,
  mirrorRef,
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
  const underlines = useRef<FieldUnderlines | null>(null);
  const syncScroll = () => {
    if (mirror.current && fieldRef.current) mirror.current.scrollTop = fieldRef.current.scrollTop;
  };
  // Synced on the textarea's scroll events only: the browser fires them (typing past the bottom, a fix,
  // an inserted template) before it paints that frame, and reading scrollTop on every render would force
  // a layout of the whole field inside each keystroke.

  // The mirror is one text node that React does not own: a keystroke changes only the characters that
  // changed (replaceData), so the browser reshapes and re-lays out as little of the text as it can, and
  // the underlines are redrawn as highlights over it before the frame is painted.
  useLayoutEffect(() => {
    const box = mirror.current;
    if (!box) return;
    let node = box.firstChild;
    if (!(node instanceof Text)) {
      node = document.createTextNode('');
      box.replaceChildren(node);
    }
    const text = node as Text;
    // A last line that ends in a newline must still take its height, as it does in the textarea.
    replaceChanged(text, `${value}\u200b`);
    if (!canHighlight()) return;
    underlines.current ??= new FieldUnderlines();
    underlines.current.draw(text, ranges);
  }, [value, ranges]);
  useEffect(
    () => () => {
      underlines.current?.clear();
    },
    [],
  );
  useImperativeHandle(mirrorRef, () => mirror.current!, []);

  const reportCaret = () => {
    const field = fieldRef.current;
    if (field) onCaret(field.selectionEnd);
  };

  return (
    <div className={`findings-field${invalid ? ' findings-field--invalid' : ''}`}>
      <div className="findings-field__mirror" ref={mirror} aria-hidden="true" />
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

/** Sets a text node's data by replacing only what differs (one edit: the common start and end stay). */
function replaceChanged(node: Text, next: string): void {
  const old = node.data;
  if (old === next) return;
  const shortest = Math.min(old.length, next.length);
  let prefix = 0;
  while (prefix < shortest && old.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    old.charCodeAt(old.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)
  )
    suffix += 1;
  node.replaceData(prefix, old.length - prefix - suffix, next.slice(prefix, next.length - suffix));
}

/** Where `index` of the mirror's text stands, relative to the field's box (as scrolled): for the / menu. */
export function mirrorPointAt(mirror: HTMLElement, index: number): { top: number; left: number } | null {
  const node = mirror.firstChild;
  if (!(node instanceof Text)) return null;
  const range = document.createRange();
  const at = Math.min(index, node.data.length);
  range.setStart(node, at);
  range.setEnd(node, at);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  const box = mirror.getBoundingClientRect();
  return { top: rect.top - box.top, left: rect.left - box.left };
}
