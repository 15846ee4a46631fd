/**
 * Replaces `[start, end)` of a textarea's text the way typing would: through the browser's own
 * editing command, so Ctrl+Z undoes a one-click fix or an inserted template like any keystroke, and
 * React hears an ordinary input event. Where that command is unavailable the text is still replaced
 * (only the undo step is lost).
 */
export function replaceInField(field: HTMLTextAreaElement, start: number, end: number, text: string): void {
  if (start === end && text === '') return;
  field.focus();
  field.setSelectionRange(start, end);
  // execCommand is marked deprecated, but it is the only way to edit a textarea and keep its undo stack.
  const done = text === '' ? document.execCommand('delete') : document.execCommand('insertText', false, text);
  if (!done) {
    field.setRangeText(text, start, end, 'end');
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
}
