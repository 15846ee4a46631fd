/**
 * The reply field's text as it stands in its element: a `contenteditable="plaintext-only"` box with
 * `white-space: pre-wrap`, which the browser edits as it edits a textarea's inner box (typing, undo, IME, spell
 * check), but whose text is DOM the page can point into with Ranges: the tone underlines follow live ranges in it
 * and are measured where the field itself lays the text out (see underlines.ts), so nothing is laid out twice.
 *
 * What the browser leaves in such a box: text nodes holding the text with its newlines (Enter splits a node), a
 * `<br>` standing in for an empty field, and, when the text ends in a newline, one extra newline at the end so
 * that the last (empty) line takes its height. Pasted or inserted text with line breaks would become `<div>`s
 * (the browser splits paragraphs): `insertPlainText` inserts it as line breaks instead, and the field turns any
 * `<div>` that still comes (a drop, an extension) back into text (`flatten`).
 */

/** Where a text offset stands in the field's DOM. */
export interface TextPoint {
  node: Node;
  offset: number;
}

/** The pieces of the field's DOM in text order, each with its text (a `<br>` or a block's start is a newline). */
function* pieces(root: Node, paragraph = false): Generator<{ node: Node; text: string }> {
  for (const child of root.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) yield { node: child, text: (child as Text).data };
    else if (child.nodeName === 'BR') {
      // A paragraph's last <br> only gives an empty paragraph its height: not a line of its own.
      if (!paragraph || child !== root.lastChild) yield { node: child, text: '\n' };
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      if (child !== root.firstChild) yield { node: child, text: '\n' };
      yield* pieces(child, true);
    }
  }
}

/** Whether the field holds anything but text nodes (and the `<br>` of an empty field, or a last line's). */
export function isFlat(root: HTMLElement): boolean {
  const count = root.childElementCount;
  return count === 0 || (count === 1 && root.lastChild?.nodeName === 'BR');
}

/** The text as DOM holds it, with the last line's stand-in newline. */
function rawText(root: HTMLElement): string {
  if (root.childElementCount === 0) return root.textContent ?? '';
  let text = '';
  for (const piece of pieces(root)) text += piece.text;
  return text;
}

/** The field's text, as a textarea would give it. */
export function fieldValue(root: HTMLElement): string {
  const raw = rawText(root);
  return raw.endsWith('\n') ? raw.slice(0, -1) : raw;
}

/** Sets the field's text outright (not an edit: no undo step, no input event), as one text node. */
export function setFieldValue(root: HTMLElement, value: string): void {
  // A last newline takes its line only with the stand-in one after it.
  const raw = value.endsWith('\n') ? `${value}\n` : value;
  if (raw === '') root.replaceChildren();
  else if (root.childNodes.length === 1 && root.firstChild instanceof Text) root.firstChild.data = raw;
  else root.replaceChildren(document.createTextNode(raw));
}

/**
 * The DOM point of a text offset. `edge`: at a boundary between two nodes, the start of the next for a range's
 * start (`'start'`), the end of the one before for its end (`'end'`). Past the text: its end.
 */
export function pointAt(root: HTMLElement, offset: number, edge: 'start' | 'end' = 'start'): TextPoint {
  let start = 0;
  let last: TextPoint = { node: root, offset: 0 };
  for (const { node, text } of pieces(root)) {
    const end = start + text.length;
    if (node.nodeType === Node.TEXT_NODE) {
      if (edge === 'start' ? offset < end : offset <= end) return { node, offset: Math.max(0, offset - start) };
      last = { node, offset: text.length };
    } else {
      // A newline that is an element: before it, or after it in its parent.
      const parent = node.parentNode!;
      const index = Array.prototype.indexOf.call(parent.childNodes, node) as number;
      if (offset < end || (edge === 'end' && offset === start)) return { node: parent, offset: index };
      last = { node: parent, offset: index + 1 };
    }
    start = end;
  }
  return last;
}

/** The text offset of a DOM point inside the field (a selection's end, say); null if it is not in the field. */
export function offsetOf(root: HTMLElement, node: Node, offset: number): number | null {
  // The common case, one text node: its offset is the text's.
  if (node.parentNode === root && root.firstChild === node && node.nextSibling === null && node instanceof Text)
    return offset;
  if (!root.contains(node)) return null;
  const point = document.createRange();
  point.setStart(node, offset);
  let counted = 0;
  for (const piece of pieces(root)) {
    if (piece.node === node) return counted + offset;
    // A piece that starts at the point or after it is not before it.
    const parent = piece.node.parentNode!;
    if (point.comparePoint(parent, Array.prototype.indexOf.call(parent.childNodes, piece.node)) >= 0) return counted;
    counted += piece.text.length;
  }
  return counted;
}

/** The field's selection as text offsets (start ≤ end); null when the selection is not in the field. */
export function selectionIn(root: HTMLElement): { start: number; end: number } | null {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = offsetOf(root, range.startContainer, range.startOffset);
  const end = offsetOf(root, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  const length = fieldValue(root).length;
  return { start: Math.min(start, length), end: Math.min(end, length) };
}

/** Selects `[start, end)` of the field's text (the caret, when they are equal). */
export function selectIn(root: HTMLElement, start: number, end = start): void {
  const selection = root.ownerDocument.getSelection();
  if (!selection) return;
  const from = pointAt(root, start, 'start');
  const to = start === end ? from : pointAt(root, end, 'end');
  selection.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
}

/** A DOM range over `[start, end)` of the field's text. */
export function rangeIn(root: HTMLElement, start: number, end: number): Range {
  const range = document.createRange();
  const from = pointAt(root, start, 'start');
  const to = pointAt(root, end, 'end');
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/**
 * Inserts `text` over the selection the way typing would (the browser's own editing commands: one undo step
 * and an input event), its line breaks as line breaks, not as the paragraphs `insertText` would make of them.
 * Returns false where those commands are not available.
 */
export function insertPlainText(text: string): boolean {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // execCommand is marked deprecated, but it is the only way to edit editable text and keep its undo stack.
  if (typeof document.execCommand !== 'function') return false;
  if (text === '') return document.execCommand('delete');
  let done = true;
  lines.forEach((line, index) => {
    if (index > 0) done = document.execCommand('insertLineBreak') && done;
    if (line !== '') done = document.execCommand('insertText', false, line) && done;
  });
  return done;
}

/** Turns whatever the browser made of the field (paragraphs, line-break elements) back into one text node. */
export function flatten(root: HTMLElement): void {
  if (isFlat(root)) return;
  const selection = selectionIn(root);
  setFieldValue(root, fieldValue(root));
  if (selection && root.ownerDocument.activeElement === root) selectIn(root, selection.start, selection.end);
}

/**
 * The field as the composer's code works with it: a textarea's `value`, selection and focus, over the
 * editable element.
 */
export class ReplyInput {
  constructor(readonly element: HTMLElement) {}

  get value(): string {
    return fieldValue(this.element);
  }

  get selectionStart(): number {
    return selectionIn(this.element)?.start ?? this.value.length;
  }

  get selectionEnd(): number {
    return selectionIn(this.element)?.end ?? this.value.length;
  }

  setSelectionRange(start: number, end: number): void {
    selectIn(this.element, start, end);
  }

  focus(): void {
    this.element.focus({ preventScroll: false });
  }

  /**
   * Replaces `[start, end)` of the text as typing would: one undo step, an input event. Where the browser's
   * editing commands are unavailable the text is still replaced (only the undo step is lost).
   */
  replace(start: number, end: number, text: string): void {
    if (start === end && text === '') return;
    this.focus();
    this.setSelectionRange(start, end);
    if (insertPlainText(text)) return;
    const value = this.value;
    setFieldValue(this.element, value.slice(0, start) + text + value.slice(end));
    this.setSelectionRange(start + text.length, start + text.length);
    this.element.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/**
 * The field's text offsets as the underlines need them (see underlines.ts). `value`: the field's text when the
 * caller has just read it (an edit reads it once for the counter and the underlines both).
 */
export function fieldPositions(root: HTMLElement, value?: string) {
  const text = value ?? fieldValue(root);
  return {
    text,
    length: text.length,
    locate: (offset: number, edge: 'start' | 'end') => pointAt(root, offset, edge),
    nodeStarts: () => {
      const starts = new Map<Node, number>();
      let start = 0;
      for (const piece of pieces(root)) {
        if (piece.node.nodeType === Node.TEXT_NODE) starts.set(piece.node, start);
        start += piece.text.length;
      }
      return starts;
    },
  };
}
