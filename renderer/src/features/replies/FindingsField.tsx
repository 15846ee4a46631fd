import {
  startTransition,
  useEffect,
  useLayoutEffect,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { flushSync } from 'react-dom';
import {
  fieldPositions,
  fieldValue,
  flatten,
  insertPlainText,
  rangeIn,
  ReplyInput,
  selectionIn,
  setFieldValue,
} from './editableText';
import { editBetween, shiftRanges, type MarkedRange } from './paint';
import { FieldUnderlines } from './underlines';

/** Findings and the text they were found in (the field carries them over to the text it holds now). */
export interface CheckedRanges {
  text: string;
  findings: readonly MarkedRange[];
}

interface FindingsFieldProps {
  id: string;
  /** The text the field starts with. From then on the field holds the text: typing, a fix or an inserted
   * template (see ReplyInput.replace) edit it in place, and `onChange` reports it. */
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
  fieldRef: RefObject<ReplyInput | null>;
  label: string;
  describedBy?: string;
  invalid: boolean;
  placeholder?: string;
  onKeyDown?(event: KeyboardEvent<HTMLDivElement>): void;
  /** The a11y wiring of the / menu, when it is open. */
  menu?: { listId: string; activeId: string | undefined };
  lang?: string;
  children?: ReactNode;
}

/** The input types whose text the browser would turn into paragraphs when it holds line breaks. */
const INSERTING = new Set(['insertText', 'insertFromPaste', 'insertFromDrop', 'insertReplacementText']);

/**
 * The reply field: an editable box of plain text (`contenteditable="plaintext-only"`: typing, undo, IME, spell check
 * and screen readers work as in a textarea, see editableText.ts) over a layer of underlines (underlines.ts): boxes
 * placed where the field lays a finding's text out, each following a live Range in the field's text. A keystroke
 * measures only the underlines from the edited word on, on the layout its frame needs anyway; the layer follows
 * the field's scroll position.
 *
 * A keystroke does not wait for React. React hears of the new text after the frame that paints the edit, once the
 * keys pause (QUIET_MS, or REPORT_WITHIN_MS at the latest) and the page is idle (`report`), as a transition; only
 * what `onInput` updates (the length counter) changes in the same frame. Keys typed in a quick run cost one render
 * for the run, not one each, and a key is not kept waiting behind the render of the one before. A command key and
 * leaving the field report at once. What React renders for an edit should change nothing on the page unless it
 * must: every change costs a frame of its own.
 */
export function FindingsField({
  id,
  initialValue,
  onChange,
  reported,
  onInput,
  onCaret,
  checked,
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
  const box = useRef<HTMLDivElement>(null);
  const listeners = useRef({ onChange, onInput, onCaret, reported });
  useLayoutEffect(() => {
    listeners.current = { onChange, onInput, onCaret, reported };
  });

  // The text it starts with, once; from then on the browser edits it.
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    setFieldValue(element, initialValue);
    element.toggleAttribute('data-empty', initialValue === '');
    fieldRef.current = new ReplyInput(element);
    return () => {
      fieldRef.current = null;
    };
    // The initial value only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fieldRef]);

  const layer = useRef<HTMLDivElement>(null);
  const underlines = useRef<FieldUnderlines | null>(null);
  // What is underlined now: the last findings, carried along with every edit since, and the text they stand in.
  const shown = useRef<CheckedRanges>({ text: '', findings: [] });
  const paint = (element: HTMLElement, findings: CheckedRanges, text?: string) => {
    if (!layer.current) return;
    const positions = fieldPositions(element, text);
    const value = positions.text;
    const before = shown.current.text;
    const ranges = findings.text === value ? findings.findings : shiftRanges(findings.findings, findings.text, value);
    shown.current = { text: value, findings: ranges };
    if (underlines.current?.layer !== layer.current) underlines.current = new FieldUnderlines(layer.current, element);
    underlines.current.draw(positions, ranges, changedFrom(before, value));
  };
  // A new check's findings (or the first render): underlined where they now stand.
  useLayoutEffect(() => {
    const element = box.current;
    if (element) paint(element, checked);
  }, [checked]);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const placeAll = () => underlines.current?.placeAll();
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(placeAll) : null;
    resized?.observe(element);
    document.fonts?.addEventListener('loadingdone', placeAll);
    return () => {
      resized?.disconnect();
      document.fonts?.removeEventListener('loadingdone', placeAll);
      underlines.current?.clear();
    };
  }, []);

  // Edits (typing, fixes, inserted templates: all come as input events) and caret moves.
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let frame: number | null = null;
    let task: Cancel | null = null;
    let empty = element.hasAttribute('data-empty');
    // The first edit or caret move not reported yet, and the last one (performance.now()).
    let firstUnreported: number | null = null;
    let lastChange = 0;
    const report = () => {
      frame = task = null;
      firstUnreported = null;
      const { onChange: changed, onCaret: moved } = listeners.current;
      changed(fieldValue(element));
      moved(selectionIn(element)?.end ?? fieldValue(element).length);
    };
    const cancel = () => {
      if (frame !== null) cancelAnimationFrame(frame);
      task?.();
      frame = task = null;
    };
    // Once the keys pause (QUIET_MS without an edit), or REPORT_WITHIN_MS after the first edit not reported, at the
    // latest: then when the page is idle.
    const reportWhenQuiet = () => {
      const now = performance.now();
      const due = Math.min(lastChange + QUIET_MS, (firstUnreported ?? now) + REPORT_WITHIN_MS);
      if (now < due) {
        task = after(due - now, reportWhenQuiet);
        return;
      }
      task = whenIdle(() => startTransition(report), Math.max(16, (firstUnreported ?? now) + REPORT_WITHIN_MS - now));
    };
    // After the frame that paints the edit (its rAF callback runs before that paint), once the keys pause and the
    // page is idle: keys typed in a quick run are handled first, and the render (the tone check, the findings
    // list) comes in a quiet moment, once for the run rather than once per key.
    const reportLater = () => {
      lastChange = performance.now();
      firstUnreported ??= lastChange;
      if (frame !== null || task !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        reportWhenQuiet();
      });
    };
    // Text with line breaks goes in as line breaks, not as the paragraphs the browser would make of it.
    const onBeforeInput = (event: InputEvent) => {
      const data = event.data ?? event.dataTransfer?.getData('text/plain') ?? null;
      if (data === null || !/[\r\n]/.test(data) || !INSERTING.has(event.inputType)) return;
      event.preventDefault();
      insertPlainText(data);
    };
    const onEdit = () => {
      flatten(element);
      const value = fieldValue(element);
      // The placeholder shows on an empty field (which may still hold a <br>, so not :empty).
      if ((value === '') !== empty) {
        empty = value === '';
        element.toggleAttribute('data-empty', empty);
      }
      paint(element, shown.current, value);
      listeners.current.onInput?.(value);
      reportLater();
    };
    const onSelectionChange = () => {
      if (document.activeElement === element) reportLater();
    };
    // A key handled by the / menu, Escape (closing keeps the draft) or Ctrl+Enter must see the text as it is:
    // an edit the parent has not rendered yet (not reported, or reported in a transition still on its way) is
    // reported now, before React hands the key to onKeyDown (React's listener sits on the root, after this one).
    const reportNow = () => {
      if (fieldValue(element) === listeners.current.reported) return;
      cancel();
      flushSync(report);
    };
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (COMMAND_KEYS.has(event.key) || event.ctrlKey || event.metaKey) reportNow();
    };
    // Leaving the field (a click on send, on a finding's fix, on another control) reports an edit not reported
    // yet first: whatever the click does sees the text as it is (the blur comes before the click).
    const onBlur = () => reportNow();
    element.addEventListener('beforeinput', onBeforeInput);
    element.addEventListener('input', onEdit);
    element.addEventListener('keydown', onKey);
    element.addEventListener('blur', onBlur);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      element.removeEventListener('beforeinput', onBeforeInput);
      element.removeEventListener('input', onEdit);
      element.removeEventListener('keydown', onKey);
      element.removeEventListener('blur', onBlur);
      document.removeEventListener('selectionchange', onSelectionChange);
      cancel();
    };
  }, []);

  return (
    <div className={`findings-field${invalid ? ' findings-field--invalid' : ''}`}>
      <div className="findings-field__underlines" aria-hidden="true">
        <div className="findings-field__underlines-content" ref={layer} />
      </div>
      <div
        ref={box}
        onScroll={(event) => {
          if (layer.current) layer.current.style.transform = `translateY(${-event.currentTarget.scrollTop}px)`;
        }}
        id={id}
        className="findings-field__input"
        role="textbox"
        aria-multiline="true"
        contentEditable="plaintext-only"
        tabIndex={0}
        lang={lang}
        onKeyDown={onKeyDown}
        aria-label={label}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        aria-controls={menu?.listId}
        aria-activedescendant={menu?.activeId}
        aria-autocomplete="list"
        aria-placeholder={placeholder}
        data-placeholder={placeholder}
        spellCheck
      />
      {children}
    </div>
  );
}

/** React hears of edits once the keys have paused this long (ms): a fast typist's keys come 80–150 ms apart. */
const QUIET_MS = 50;
/** At the latest this long after an edit not yet reported, React hears of it, even while keys keep coming fast and
 * the page is never idle. */
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

/** Runs `work` in `ms` ms. */
function after(ms: number, work: () => void): Cancel {
  const handle = window.setTimeout(work, ms);
  return () => window.clearTimeout(handle);
}

/** Keys that act on the text as it is (the / menu's, and Ctrl or Cmd with any key): an edit not reported yet is reported first. */
const COMMAND_KEYS = new Set(['Enter', 'Tab', 'Escape', 'ArrowUp', 'ArrowDown']);

/** Where `index` of the field's text stands, relative to the field's box (as scrolled): for the / menu. */
export function pointInField(field: ReplyInput, index: number): { top: number; left: number } | null {
  const element = field.element;
  const range = rangeIn(element, index, index);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  if (rect.height === 0 && rect.top === 0 && rect.left === 0) return null;
  const box = element.getBoundingClientRect();
  return { top: rect.top - box.top, left: rect.left - box.left };
}

/**
 * From where an edit of `before` into `after` may have moved text on screen: the whitespace before the first
 * changed character. Lines are filled from their start, so what stands before the edit's word keeps its place.
 */
export function changedFrom(before: string, after: string): number {
  if (before === after) return after.length;
  let at = editBetween(before, after).prefix;
  while (at > 0 && !/\s/.test(after[at - 1]!)) at -= 1;
  return Math.max(0, at - 1);
}
