// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MarkedRange } from './paint';
import { fieldPositions } from './editableText';
import { FieldUnderlines, lineBoxes, type UnderlineElement } from './underlines';
import { changedFrom } from './FindingsField';

// happy-dom lays nothing out: a fixed-pitch layout stands in for the field's. Each character is 10 px wide and
// 20 px high, 10 characters to a line (no word wrapping), from the field's top left corner at (0, 0).
const PITCH = 10;
const PER_LINE = 10;
const LINE = 20;

/** Text offsets of a range in its field (the element marked data-field). */
function offsets(range: Range): { start: number; end: number } {
  const box = range.startContainer.parentElement!.closest('[data-field]')!;
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  let at = 0;
  let start = -1;
  let end = -1;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node === range.startContainer) start = at + range.startOffset;
    if (node === range.endContainer) end = at + range.endOffset;
    at += (node as Text).length;
  }
  return { start, end };
}

function rect(left: number, top: number, width: number, height: number): DOMRect {
  return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top } as DOMRect;
}

/** The stand-in layout's rects of a range: one per line it covers. */
function fixedPitchRects(range: Range): DOMRect[] {
  const { start, end } = offsets(range);
  const rects: DOMRect[] = [];
  for (let line = Math.floor(start / PER_LINE); line * PER_LINE < end; line += 1) {
    const from = Math.max(start, line * PER_LINE) - line * PER_LINE;
    const to = Math.min(end, (line + 1) * PER_LINE) - line * PER_LINE;
    rects.push(rect(from * PITCH, line * LINE, (to - from) * PITCH, LINE));
  }
  return rects;
}

let measured: string[] = [];

beforeEach(() => {
  measured = [];
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    measured.push(this.toString());
    return fixedPitchRects(this) as unknown as DOMRectList;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** A field holding `parts` as text nodes of their own, its layer, and its underlines. */
function field(...parts: string[]) {
  const box = document.createElement('div');
  box.dataset.field = '';
  box.append(...parts);
  const layer = document.createElement('div');
  document.body.append(box, layer);
  return { box, text: () => fieldPositions(box), layer, underlines: new FieldUnderlines(layer, box) };
}

/** What the layer underlines, as severity:text, in its order. */
function underlined(layer: HTMLElement): string[] {
  return [...layer.children].map((element) => {
    const look = element.className.replace('findings-field__underline findings-field__underline--', '');
    return `${look}:${(element as UnderlineElement).toneRange.toString()}`;
  });
}

/** Where an underline's boxes stand, as "left,top,width,height" each. */
function boxes(element: Element): string[] {
  return [...element.children].map((line) => {
    const style = (line as HTMLElement).style;
    return [style.marginLeft, style.marginTop, style.width, style.height].map((px) => parseFloat(px)).join(',');
  });
}

describe('FieldUnderlines', () => {
  it('underlines each run once, overlaps as the worst severity, a box where its text stands', () => {
    const { text, layer, underlines } = field('Hoi jij, dat is KUT!!');
    const ranges: MarkedRange[] = [
      { start: 4, end: 7, severity: 'error' },
      { start: 16, end: 21, severity: 'warning' },
      { start: 19, end: 21, severity: 'error' },
    ];
    underlines.draw(text(), ranges);
    expect(underlined(layer)).toEqual(['error:jij', 'warning:KUT', 'error:!!']);
    // "jij" from the 5th character of line 1; "KUT" from the 7th of line 2; "!!" on the 10th of line 2 and the 1st of line 3.
    expect([...layer.children].map(boxes)).toEqual([['40,0,30,20'], ['60,20,30,20'], ['90,20,10,20', '0,40,10,20']]);
  });

  it('draws touching runs of one severity as one underline', () => {
    const { text, layer, underlines } = field('Dat is NIET de bedoeling!!');
    underlines.draw(text(), [
      { start: 0, end: 24, severity: 'warning' },
      { start: 7, end: 11, severity: 'warning' },
      { start: 24, end: 26, severity: 'warning' },
    ]);
    expect(underlined(layer)).toEqual(['warning:Dat is NIET de bedoeling!!']);
    expect(boxes(layer.children[0]!)).toEqual(['0,0,100,20', '0,20,100,20', '0,40,60,20']);
  });

  it('after an edit holds exactly the new runs, and measures only what stands from the edit on', () => {
    // ("Echt" stands in a text node of its own: happy-dom does not move live ranges with an edit of their node, as
    // browsers do.)
    const { box, text, layer, underlines } = field('Hoi jij, dat is KUT!! ', 'Echt');
    underlines.draw(text(), [
      { start: 4, end: 7, severity: 'error' },
      { start: 16, end: 19, severity: 'warning' },
      { start: 22, end: 26, severity: 'warning' },
    ]);
    const [kept, , moved] = [...layer.children];
    expect(boxes(moved!)).toEqual(['20,40,40,20']);
    const before = text().text;
    // A keystroke after "KUT!!": the first underline stands where it stood and is not measured again; the
    // second is gone, the third moved on by a character; "!!!" is new.
    (box.firstChild as Text).data = 'Hoi jij, dat is KUT!!! ';
    measured = [];
    underlines.draw(
      text(),
      [
        { start: 4, end: 7, severity: 'error' },
        { start: 19, end: 22, severity: 'warning' },
        { start: 23, end: 27, severity: 'warning' },
      ],
      changedFrom(before, text().text),
    );
    expect(underlined(layer)).toEqual(['error:jij', 'warning:!!!', 'warning:Echt']);
    expect(layer.children[0]).toBe(kept);
    expect(layer.children[2]).toBe(moved);
    expect(measured).toEqual(['!!!', 'Echt']);
    expect(boxes(moved!)).toEqual(['30,40,40,20']);
  });

  it('tints the text past the channel’s limit in an underline of its own, beside the underlined words', () => {
    const { text, layer, underlines } = field('Beste Jan, je bus komt NIET');
    underlines.draw(text(), [
      { start: 11, end: 13, severity: 'error', kind: 'address' },
      { start: 20, end: 27, severity: 'error', kind: 'length' },
      { start: 23, end: 27, severity: 'warning', kind: 'shouting' },
    ]);
    expect(underlined(layer)).toEqual(['error:je', 'overflow-error:mt NIET', 'warning:NIET']);
  });

  it('keeps the element of an underline that grew at one end, and writes only the lines that moved', () => {
    // The text past the limit as the reply grows: the check's new stretch ends a character later.
    const { box, text, layer, underlines } = field('Beste Jan, je bus komt NIET', ' te laat');
    underlines.draw(text(), [{ start: 5, end: 35, severity: 'error', kind: 'length' }]);
    const [tint] = [...layer.children];
    const lines = [...tint!.children];
    expect(boxes(tint!)).toEqual(['50,0,50,20', '0,20,100,20', '0,40,100,20', '0,60,50,20']);
    (box.lastChild as Text).data = ' te laat!';
    const written: Element[] = [];
    const observer = new MutationObserver((records) =>
      written.push(...records.map((record) => record.target as Element)),
    );
    observer.observe(layer, { subtree: true, attributes: true, childList: true });
    underlines.draw(text(), [{ start: 5, end: 36, severity: 'error', kind: 'length' }]);
    observer.takeRecords().forEach((record) => written.push(record.target as Element));
    observer.disconnect();
    expect(underlined(layer)).toEqual(['overflow-error: Jan, je bus komt NIET te laat!']);
    expect(layer.children[0]).toBe(tint);
    expect([...tint!.children].slice(0, 3)).toEqual(lines.slice(0, 3));
    expect(boxes(tint!)).toEqual(['50,0,50,20', '0,20,100,20', '0,40,100,20', '0,60,60,20']);
    // Only the last line's box was written.
    expect(new Set(written)).toEqual(new Set([lines[3]]));
  });

  it('keeps the element of an underline whose start moved (a fix before it), and drops what no stretch wants', () => {
    const { text, layer, underlines } = field('Dat is NIET de bedoeling!!');
    underlines.draw(text(), [
      { start: 7, end: 11, severity: 'warning' },
      { start: 24, end: 26, severity: 'error' },
    ]);
    const [shout] = [...layer.children];
    underlines.draw(text(), [{ start: 4, end: 11, severity: 'warning' }]);
    expect(underlined(layer)).toEqual(['warning:is NIET']);
    expect(layer.children[0]).toBe(shout);
  });

  it('places every underline again on request (the field was resized, a font arrived)', () => {
    const { text, underlines } = field('Hoi jij, dat is KUT');
    underlines.draw(text(), [
      { start: 4, end: 7, severity: 'error' },
      { start: 16, end: 19, severity: 'warning' },
    ]);
    measured = [];
    underlines.placeAll();
    expect(measured).toEqual(['jij', 'KUT']);
  });

  it('clear takes its underlines out of its layer', () => {
    const one = field('je bent');
    const other = field('jij bent');
    one.underlines.draw(one.text(), [{ start: 0, end: 2, severity: 'error' }]);
    other.underlines.draw(other.text(), [{ start: 0, end: 3, severity: 'error' }]);
    one.underlines.clear();
    expect(underlined(one.layer)).toEqual([]);
    expect(underlined(other.layer)).toEqual(['error:jij']);
    other.underlines.draw(other.text(), []);
    expect(underlined(other.layer)).toEqual([]);
  });
});

describe('lineBoxes', () => {
  it('makes one box per line, spanning its rects, standing as high as its text', () => {
    const rects = [
      rect(100, 10, 50, 20),
      // An emoji's inline-block beside the text: taller, reaching lower.
      rect(150, 8, 24, 27),
      rect(174, 10, 30, 20),
      // An empty rect at the line's end.
      rect(204, 10, 0, 20),
      rect(0, 37, 40, 20),
    ];
    expect(lineBoxes(rects, 0, 5)).toEqual([
      { left: 100, top: 5, width: 104, height: 20 },
      { left: 0, top: 32, width: 40, height: 20 },
    ]);
    // No box reaches past `right`: a wrapping space may measure up to the line's end.
    expect(lineBoxes([rect(100, 10, 300, 20)], 0, 0, 250)).toEqual([{ left: 100, top: 10, width: 150, height: 20 }]);
  });
});

describe('changedFrom', () => {
  it('starts at the whitespace before the edited word', () => {
    expect(changedFrom('Hoi jij daar', 'Hoi jijj daar')).toBe(3);
    expect(changedFrom('Hoi jij', 'Hoi jij!')).toBe(3);
    expect(changedFrom('Hoi', 'Hoi ')).toBe(0);
    expect(changedFrom('Hoi jij', 'Hoi jij')).toBe(7);
    expect(changedFrom('een\ntwee', 'een\ntweee')).toBe(3);
  });
});
