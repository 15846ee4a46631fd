// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  fieldValue,
  flatten,
  isFlat,
  offsetOf,
  pointAt,
  rangeIn,
  ReplyInput,
  selectIn,
  selectionIn,
  setFieldValue,
} from './editableText';

function field(html = ''): HTMLElement {
  const element = document.createElement('div');
  element.setAttribute('contenteditable', 'plaintext-only');
  element.innerHTML = html;
  document.body.append(element);
  return element;
}

afterEach(() => document.body.replaceChildren());

describe('the editable field’s text', () => {
  it('reads as a textarea’s value: without the stand-in newline of an empty last line, or the <br> of an empty field', () => {
    expect(fieldValue(field('Beste Jan'))).toBe('Beste Jan');
    // What Chromium leaves after "ab", Enter: the typed newline and the one that gives the empty line its height.
    expect(fieldValue(field('ab\n\n'))).toBe('ab\n');
    // After Backspace there: the stand-in alone.
    expect(fieldValue(field('ab\n'))).toBe('ab');
    expect(fieldValue(field('<br>'))).toBe('');
    expect(fieldValue(field(''))).toBe('');
    // Enter splits a text node: the text is read across nodes.
    const split = field();
    split.append('Hallo', '\n', 'wereld');
    expect(fieldValue(split)).toBe('Hallo\nwereld');
  });

  it('reads paragraphs the browser made (a drop, an extension) as lines, and flattens them back into one text node', () => {
    const element = field('een<div>twee</div><div><br></div><div>drie</div>');
    expect(isFlat(element)).toBe(false);
    expect(fieldValue(element)).toBe('een\ntwee\n\ndrie');
    flatten(element);
    expect(isFlat(element)).toBe(true);
    expect(element.childNodes).toHaveLength(1);
    expect(fieldValue(element)).toBe('een\ntwee\n\ndrie');
  });

  it('is set as one text node, with the stand-in newline when the text ends in one', () => {
    const element = field('<br>');
    setFieldValue(element, 'regel\n');
    expect(element.innerHTML).toBe('regel\n\n');
    expect(fieldValue(element)).toBe('regel\n');
    setFieldValue(element, '');
    expect(element.childNodes).toHaveLength(0);
  });

  it('maps text offsets to DOM points and back, across nodes and line-break elements', () => {
    const element = field();
    element.append('Hallo', '\n', 'wereld');
    for (let offset = 0; offset <= 12; offset += 1) {
      const point = pointAt(element, offset);
      expect(offsetOf(element, point.node, point.offset)).toBe(offset);
    }
    // At a node boundary a range's start is at the start of the next node, its end at the end of the one before.
    expect(pointAt(element, 5, 'start')).toEqual({ node: element.childNodes[1], offset: 0 });
    expect(pointAt(element, 5, 'end')).toEqual({ node: element.childNodes[0], offset: 5 });
    expect(rangeIn(element, 3, 9).toString()).toBe('lo\nwer');

    const withBreak = field('ab<br>cd');
    expect(fieldValue(withBreak)).toBe('ab\ncd');
    expect(offsetOf(withBreak, withBreak, 2)).toBe(3);
    const point = pointAt(withBreak, 3);
    expect(offsetOf(withBreak, point.node, point.offset)).toBe(3);
    // A point outside the field is not in its text.
    expect(offsetOf(withBreak, document.body, 0)).toBeNull();
  });

  it('selects and reads the selection as text offsets', () => {
    const element = field();
    element.append('Hallo', '\n', 'wereld');
    selectIn(element, 2, 9);
    expect(selectionIn(element)).toEqual({ start: 2, end: 9 });
    expect(document.getSelection()!.toString()).toBe('llo\nwer');
    const input = new ReplyInput(element);
    input.setSelectionRange(12, 12);
    expect([input.selectionStart, input.selectionEnd]).toEqual([12, 12]);
    expect(input.value).toBe('Hallo\nwereld');
  });

  it('replaces a stretch of text with an input event where the browser has no editing commands', () => {
    const element = field('Sorry dat je moest wachten');
    const events: string[] = [];
    element.addEventListener('input', () => events.push(fieldValue(element)));
    const input = new ReplyInput(element);
    input.replace(10, 12, 'u');
    expect(input.value).toBe('Sorry dat u moest wachten');
    expect(events).toEqual(['Sorry dat u moest wachten']);
    expect(selectionIn(element)).toEqual({ start: 11, end: 11 });
  });
});
