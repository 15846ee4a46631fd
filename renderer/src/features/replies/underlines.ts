import { underlineStretches, type MarkedRange } from './paint';

/**
 * Tone underlines drawn as boxes of their own (`.findings-field__underline-line` in replies.css: a light tint with
 * a wavy line at its foot) in a layer under the reply field's text, placed where the field lays that text out.
 *
 * Each underline follows a live Range in the field's own text: an edit of a text node moves it with the characters
 * (the DOM moves every live Range), so `draw` keeps most of them and only measures (getClientRects) those at or
 * after the edit, on the layout the frame needs anyway.
 *
 * Why boxes and not highlights (the CSS Custom Highlight API, `::highlight()`): Chromium paints highlighted text
 * part by part, and repaints the whole field's text on every keystroke. In the composer bench (2,000 characters,
 * 39 underlines) a keystroke painted ~4.3 ms with highlights, ~1.8 ms with these boxes. (Before that, the boxes were
 * measured in a mirror laid out behind a textarea: the text was laid out twice on every keystroke.)
 */

type Severity = MarkedRange['severity'];
/** How an underline looks: a finding's words are underlined; the text past the channel's limit (a `length` finding,
 * often most of a long reply) is only tinted, as a region rather than a word. */
type Look = Severity | `overflow-${Severity}`;

/** Where the text's offsets stand in the DOM (see editableText.ts). */
export interface TextPositions {
  readonly length: number;
  readonly text: string;
  locate(offset: number, edge: 'start' | 'end'): { node: Node; offset: number };
  nodeStarts(): Map<Node, number>;
}

/** The element of one underline (one per range; a box per line it covers), with the range it follows. */
export interface UnderlineElement extends HTMLElement {
  /** The stretch of the field's text it underlines (read by the tests and the bench, through the page). */
  toneRange: Range;
}

/** A box of an underline: one line's part of the range, relative to the field's text (its box, scrolled to the top). */
export interface LineBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Drawn {
  look: Look;
  /** Its range is `element.toneRange`. */
  element: UnderlineElement;
  /** Where each of its line boxes stands now (`left,top,width,height`), so an unchanged line is left alone. */
  placed: string[];
}

/** Writing that runs right to left anywhere in the text: an edit may then move what stands before it on its line. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

export class FieldUnderlines {
  private current: Drawn[] = [];
  private paddingRight: number | null = null;

  /**
   * @param layer where the underlines go: a box that stands where the field stands and scrolls with it (its
   *   content is moved up by the field's scroll position; see FindingsField).
   * @param field the field whose text the ranges are in.
   */
  constructor(
    readonly layer: HTMLElement,
    private readonly field: HTMLElement,
  ) {}

  /**
   * Underlines `ranges` of the field's text (a run covered by several findings takes the worst severity; touching
   * runs of one severity are one range, see underlineStretches; the text past the limit is tinted, see Look). `changedFrom`: the text offset from which the
   * layout may have changed since the last call (an edit; 0 when unknown): underlines that end before it stand
   * where they stood and are not measured again.
   */
  draw(text: TextPositions, ranges: readonly MarkedRange[], changedFrom = 0): void {
    const starts = text.nodeStarts();
    const from = RIGHT_TO_LEFT.test(text.text) ? 0 : changedFrom;
    // What stands now, by where it stands (after the DOM moved it with the edit).
    const standing = new Map<string, Drawn>();
    const stale: Drawn[] = [];
    const spans = new Map<Drawn, { start: number; end: number }>();
    for (const entry of this.current) {
      const range = entry.element.toneRange;
      const start = starts.get(range.startContainer);
      const end = starts.get(range.endContainer);
      const key =
        start === undefined || end === undefined
          ? null
          : `${entry.look}:${start + range.startOffset}:${end + range.endOffset}`;
      if (key === null || start === undefined || end === undefined || range.collapsed || standing.has(key))
        stale.push(entry);
      else {
        standing.set(key, entry);
        spans.set(entry, { start: start + range.startOffset, end: end + range.endOffset });
      }
    }
    const overflow = ranges.filter((range) => range.kind === 'length');
    const words = overflow.length === 0 ? ranges : ranges.filter((range) => range.kind !== 'length');
    const stretches = [
      ...underlineStretches(text.length, words).map((stretch) => ({ ...stretch, look: stretch.severity as Look })),
      ...underlineStretches(text.length, overflow).map((stretch) => ({
        ...stretch,
        look: `overflow-${stretch.severity}` as Look,
      })),
    ].map((stretch) => ({ ...stretch, key: `${stretch.look}:${stretch.start}:${stretch.end}` }));
    stretches.sort((a, b) => a.start - b.start || a.end - b.end);
    // An underline whose stretch grew or shrank at one end (the word being typed, the text past the limit as the
    // reply grows) keeps its element: only the lines that moved are placed again, where a new element would place
    // every line of it (the text past the limit is most of a long reply).
    const wanted = new Set(stretches.map((stretch) => stretch.key));
    const reusable = new Map<string, Drawn>();
    for (const [key, entry] of standing) {
      if (wanted.has(key)) continue;
      const span = spans.get(entry)!;
      reusable.set(`${entry.look}:${span.start}:`, entry);
      reusable.set(`${entry.look}::${span.end}`, entry);
    }
    const next: Drawn[] = [];
    const toPlace: Drawn[] = [];
    const reused = new Set<Drawn>();
    for (const stretch of stretches) {
      const kept = standing.get(stretch.key);
      if (kept) {
        standing.delete(stretch.key);
        next.push(kept);
        if (spans.get(kept)!.end > from) toPlace.push(kept);
        continue;
      }
      const start = text.locate(stretch.start, 'start');
      const end = text.locate(stretch.end, 'end');
      const resized = [`${stretch.look}:${stretch.start}:`, `${stretch.look}::${stretch.end}`]
        .map((key) => reusable.get(key))
        .find((entry) => entry !== undefined && !reused.has(entry));
      if (resized) {
        reused.add(resized);
        resized.element.toneRange.setStart(start.node, start.offset);
        resized.element.toneRange.setEnd(end.node, end.offset);
        next.push(resized);
        toPlace.push(resized);
        continue;
      }
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const element = document.createElement('div') as unknown as UnderlineElement;
      element.className = `findings-field__underline findings-field__underline--${stretch.look}`;
      element.toneRange = range;
      const entry: Drawn = { look: stretch.look, element, placed: [] };
      next.push(entry);
      toPlace.push(entry);
    }
    for (const entry of [...stale, ...standing.values()]) if (!reused.has(entry)) entry.element.remove();
    // In text order in the layer too.
    for (const [index, { element }] of next.entries())
      if (this.layer.children[index] !== element) this.layer.insertBefore(element, this.layer.children[index] ?? null);
    this.current = next;
    this.place(toPlace);
  }

  /** Places every underline again: the field's size or its font changed, so the whole text may have moved. */
  placeAll(): void {
    this.place(this.current);
  }

  clear(): void {
    for (const { element } of this.current) element.remove();
    this.current = [];
  }

  private place(entries: readonly Drawn[]): void {
    if (entries.length === 0) return;
    const origin = this.field.getBoundingClientRect();
    const scrollTop = this.field.scrollTop;
    // A space where a line wraps may measure up to the line's end: no box reaches into the padding.
    this.paddingRight ??= parseFloat(getComputedStyle(this.field).paddingRight) || 0;
    const right = this.field.clientWidth > 0 ? this.field.clientWidth - this.paddingRight : Infinity;
    for (const entry of entries) {
      const boxes = lineBoxes(entry.element.toneRange.getClientRects(), origin.left, origin.top - scrollTop, right);
      const { element, placed } = entry;
      while (element.children.length > boxes.length) element.lastElementChild!.remove();
      placed.length = Math.min(placed.length, boxes.length);
      // Only the lines that moved are written: a line's box left as it stood costs the frame nothing.
      boxes.forEach((box, index) => {
        const key = `${box.left},${box.top},${box.width},${box.height}`;
        if (placed[index] === key) return;
        placed[index] = key;
        let line = element.children[index] as HTMLElement | undefined;
        if (!line) {
          line = document.createElement('div');
          line.className = 'findings-field__underline-line';
          element.append(line);
        }
        line.style.marginLeft = `${box.left}px`;
        line.style.marginTop = `${box.top}px`;
        line.style.width = `${box.width}px`;
        line.style.height = `${box.height}px`;
      });
    }
  }
}

/**
 * The client rects of a range of text (one per text fragment, and one per element the range holds whole), as one
 * box per line, relative to `(left, top)`, rounded
 * to a tenth of a pixel. Rects whose middles fall within one another are one line. A line's box spans all of its
 * rects across, and stands as high as the rect that ends highest: an inline box (an emoji's, say) may reach lower
 * than the text beside it, and the underline belongs under the text. Empty rects (a line's end) are left out. With `right`
 * (relative, as the boxes are), no box reaches past it.
 */
export function lineBoxes(rects: ArrayLike<DOMRectReadOnly>, left: number, top: number, right = Infinity): LineBox[] {
  const sorted = Array.from(rects)
    .filter((rect) => rect.width > 0 && rect.height > 0)
    .sort((a, b) => a.top - b.top || a.left - b.left);
  const lines: { left: number; right: number; top: number; bottom: number; low: number; high: number }[] = [];
  for (const rect of sorted) {
    const middle = (rect.top + rect.bottom) / 2;
    const line = lines.find((found) => middle >= found.low && middle <= found.high);
    if (!line) {
      lines.push({
        left: rect.left,
        right: rect.right,
        top: rect.top,
        bottom: rect.bottom,
        low: rect.top,
        high: rect.bottom,
      });
      continue;
    }
    line.left = Math.min(line.left, rect.left);
    line.right = Math.max(line.right, rect.right);
    line.low = Math.min(line.low, rect.top);
    line.high = Math.max(line.high, rect.bottom);
    if (rect.bottom < line.bottom) {
      line.top = rect.top;
      line.bottom = rect.bottom;
    }
  }
  const tenth = (value: number) => Math.round(value * 10) / 10;
  return lines.map((line) => ({
    left: tenth(line.left - left),
    top: tenth(line.top - top),
    width: tenth(Math.max(0, Math.min(line.right - left, right) - (line.left - left))),
    height: tenth(line.bottom - line.top),
  }));
}
