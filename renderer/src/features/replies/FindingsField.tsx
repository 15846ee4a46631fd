import {
  startTransition,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  type RefObject,
} from 'react';
import { flushSync } from 'react-dom';
import { editBetween, shiftRanges, type MarkedRange } from './paint';
import { MirrorText } from './mirrorText';
import { FieldUnderlines } from './underlines';

/** Findings and the text they were found in (the field carries them over to the text it holds now). */
export interface CheckedRanges {
  text: string;
  findings: readonly MarkedRange[];
}

interface FindingsFieldProps {
  id: string;
  /** The text the field starts with. From then on the field holds the text: typing, a fix or an inserted
   * template (see editText.ts) edit it in place, and `onChange` reports it. */
  initialValue: string;
  /** The text after an edit, reported once the frame that shows the edit has been painted (see `report`). */
  onChange(value: string): void;
  /** The text as the parent holds it now (what `onChange` last reported and the parent rendered). */
  reported: string;
  /** The text after an edit, at once (in the input event, before that frame): for what must show the edit in
   * the same frame, such as the length counter. Keep it small: it is on the keystroke's path. */
  onInput?(value: string): void;
  /** Where the caret is (after every edit, click or arrow key): the / menu and the caret's finding follow it. */
  onCaret(caret: number): void;
  /** The last check's findings, underlined where they stand in the text as it is now. */
  checked: CheckedRanges;
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
 * The reply field: a real textarea (undo, IME, spell check and screen readers work as everywhere) that paints its
 * own text, over a layer of underlines (see underlines.ts). Behind both, a mirror lays out the same text
 * identically but is never painted: it is where the underlines measure where a finding's text stands. The mirror
 * and the underlines follow the textarea's scroll position.
 *
 * A keystroke does not wait for React. The field's own input listener copies the edit into the mirror and
 * moves the underlines along with it (shiftRanges), so the frame that paints the character paints its
 * underlines too. React hears of the new text after that frame, when the page is idle (`report`), as a
 * transition; only what `onInput` updates (the length counter) changes in the same frame. What React renders for
 * an edit should change nothing on the page unless it must: every change costs a frame of its own.
 */
export function FindingsField({
  id,
  initialValue,
  onChange,
  reported,
  onInput,
  onCaret,
  checked,
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
  const layer = useRef<HTMLDivElement>(null);
  const underlines = useRef<FieldUnderlines | null>(null);
  // What the mirror underlines now: the last findings, carried along with every edit since.
  const shown = useRef<CheckedRanges>({ text: '', findings: [] });
  const listeners = useRef({ onChange, onInput, onCaret, reported });
  useLayoutEffect(() => {
    listeners.current = { onChange, onInput, onCaret, reported };
  });
  const syncScroll = () => {
    const field = fieldRef.current;
    if (!field) return;
    if (mirror.current) mirror.current.scrollTop = field.scrollTop;
    if (layer.current) layer.current.style.transform = `translateY(${-field.scrollTop}px)`;
  };
  // Synced on the textarea's scroll events only: the browser fires them (typing past the bottom, a fix,
  // an inserted template) before it paints that frame, and reading scrollTop on every render would force
  // a layout of the whole field inside each keystroke.

  // The mirror's text is DOM that React does not own (see mirrorText.ts): an edit changes only the characters
  // that changed (replaceData), so the browser re-lays out as little of the text as it can, and the underlines
  // that moved are placed again before the frame is painted.
  const mirrorText = useRef<MirrorText | null>(null);
  const paint = (value: string, findings: CheckedRanges) => {
    const box = mirror.current;
    if (!box || !layer.current) return;
    if (mirrorText.current?.box !== box) mirrorText.current = new MirrorText(box);
    const text = mirrorText.current;
    const before = text.text;
    // A last line that ends in a newline must still take its height, as it does in the textarea.
    text.set(`${value}\u200b`);
    const ranges = findings.text === value ? findings.findings : shiftRanges(findings.findings, findings.text, value);
    shown.current = { text: value, findings: ranges };
    if (underlines.current?.layer !== layer.current) underlines.current = new FieldUnderlines(layer.current, box);
    underlines.current.draw(text, ranges, changedFrom(before, text.text));
  };

  // A new check's findings (or the first render): underlined where they now stand.
  useLayoutEffect(() => {
    const field = fieldRef.current;
    if (field) paint(field.value, checked);
  }, [checked, fieldRef]);

  // Edits (typing, fixes, inserted templates: all come as input events) and caret moves.
  useEffect(() => {
    const field = fieldRef.current;
    if (!field) return;
    let frame: number | null = null;
    let task: Cancel | null = null;
    const report = () => {
      frame = task = null;
      const { onChange: changed, onCaret: moved } = listeners.current;
      changed(field.value);
      moved(field.selectionEnd);
    };
    const cancel = () => {
      if (frame !== null) cancelAnimationFrame(frame);
      task?.();
      frame = task = null;
    };
    // After the frame that paints the edit (its rAF callback runs before that paint), once the page is idle: a key
    // typed meanwhile is handled first, and the render (the tone check, the findings list) waits for a quiet moment.
    const reportLater = () => {
      if (frame !== null || task !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        task = whenIdle(() => startTransition(report), REPORT_WITHIN_MS);
      });
    };
    const onEdit = () => {
      paint(field.value, shown.current);
      listeners.current.onInput?.(field.value);
      reportLater();
    };
    const onSelectionChange = () => {
      if (document.activeElement === field) reportLater();
    };
    // A key handled by the / menu, Escape (closing keeps the draft) or Ctrl+Enter must see the text as it is:
    // an edit the parent has not rendered yet (not reported, or reported in a transition still on its way) is
    // reported now, before React hands the key to onKeyDown (React's listener sits on the root, after this one).
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!COMMAND_KEYS.has(event.key) && !event.ctrlKey && !event.metaKey) return;
      if (field.value === listeners.current.reported) return;
      cancel();
      flushSync(report);
    };
    field.addEventListener('input', onEdit);
    field.addEventListener('select', reportLater);
    field.addEventListener('keydown', onKey);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      field.removeEventListener('input', onEdit);
      field.removeEventListener('select', reportLater);
      field.removeEventListener('keydown', onKey);
      document.removeEventListener('selectionchange', onSelectionChange);
      cancel();
    };
  }, [fieldRef]);
  // The field's width or its font changes (a resized window, the web font arriving): the text may stand
  // elsewhere now, every underline with it.
  useEffect(() => {
    const field = fieldRef.current;
    if (!field) return;
    const placeAll = () => underlines.current?.placeAll();
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(placeAll) : null;
    resized?.observe(field);
    document.fonts?.addEventListener('loadingdone', placeAll);
    return () => {
      resized?.disconnect();
      document.fonts?.removeEventListener('loadingdone', placeAll);
      underlines.current?.clear();
    };
  }, [fieldRef]);
  useImperativeHandle(mirrorRef, () => mirror.current!, []);

  return (
    <div className={`findings-field${invalid ? ' findings-field--invalid' : ''}`}>
      <div className="findings-field__mirror" ref={mirror} aria-hidden="true" />
      <div className="findings-field__underlines" aria-hidden="true">
        <div className="findings-field__underlines-content" ref={layer} />
      </div>
      <textarea
        ref={fieldRef}
        id={id}
        className="findings-field__input"
        defaultValue={initialValue}
        lang={lang}
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

/**
 * From where an edit of `before` into `after` may have moved text on screen: the whitespace before the first
 * changed character. Lines are filled from their start, so what stands before the edit's word keeps its place
 * (the word itself may move back to the line before, when it gets shorter).
 */
export function changedFrom(before: string, after: string): number {
  if (before === after) return after.length;
  let at = editBetween(before, after).prefix;
  while (at > 0 && !/\s/.test(after[at - 1]!)) at -= 1;
  return Math.max(0, at - 1);
}

/** At the latest this long after an edit's frame, React hears of it, even when the page is never idle. */
const REPORT_WITHIN_MS = 100;

type Cancel = () => void;

/** Runs `work` when the main thread is idle, within `timeout` ms (a task right away where there is no idle callback). */
function whenIdle(work: () => void, timeout: number): Cancel {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(work, 0);
  return () => window.clearTimeout(handle);
}

/** Keys that act on the text as it is (the / menu's, and Ctrl or Cmd with any key): an edit not reported yet is reported first. */
const COMMAND_KEYS = new Set(['Enter', 'Tab', 'Escape', 'ArrowUp', 'ArrowDown']);

/** Where `index` of the mirror's text stands, relative to the field's box (as scrolled): for the / menu. */
export function mirrorPointAt(mirror: HTMLElement, index: number): { top: number; left: number } | null {
  if (!mirror.firstChild) return null;
  const { node, offset } = new MirrorText(mirror).locate(index, 'start');
  const range = document.createRange();
  range.setStart(node, offset);
  range.setEnd(node, offset);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  const box = mirror.getBoundingClientRect();
  return { top: rect.top - box.top, left: rect.left - box.left };
}
