import { offsetOf, rangeIn } from './editableText';
import { underlineStretches, type MarkedRange } from './paint';

/**
 * Tone underlines as highlights (the CSS Custom Highlight API: `::highlight(tone-error)` and
 * `::highlight(tone-warning)` in replies.css) over the reply field's own text.
 *
 * Each underline is a live Range in the field's text nodes: an edit of a node moves it with the characters (the
 * DOM moves every live Range), and the browser paints it where its text stands, in the frame that paints the edit.
 * A keystroke does nothing for the underlines; only a new check's findings set them again. Earlier versions drew
 * boxes measured in a mirror laid out behind a textarea: every keystroke laid the text out twice and measured the
 * underlines after the edit (~7 ms a key above a plain textarea in the composer bench, against ~1 ms now).
 *
 * One Highlight per severity holds the ranges of every field on the page; each field adds and removes its own.
 */

type Severity = MarkedRange['severity'];

/**
 * The highlights: a finding's words are underlined (`tone-error`, `tone-warning`); the text past the channel's limit
 * (a `length` finding, often most of a long reply) is only tinted (`tone-overflow-error`, `tone-overflow-warning`),
 * as a region rather than a word, and cheaply: a wavy line under every line of it took ~0.8 ms of paint per
 * keystroke in the composer bench.
 */
type HighlightName = `tone-${Severity}` | `tone-overflow-${Severity}`;

/** The page's highlight of that name, registered on first use; null where the browser has no highlights. */
function highlightOf(name: HighlightName): Highlight | null {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return null;
  let highlight = CSS.highlights.get(name);
  if (!highlight) {
    highlight = new Highlight();
    CSS.highlights.set(name, highlight);
  }
  return highlight;
}

/** A field's underlines. */
export class ToneHighlights {
  private current: Underline[] = [];

  constructor(readonly field: HTMLElement) {}

  /**
   * Underlines `ranges` of the field's text (offsets in its text as it is now). A run covered by several findings
   * takes the worst severity; touching runs of one severity are one underline (see underlineStretches).
   *
   * An underline that already stands where it should (its live range moved there with the edits since) is kept:
   * changing a highlight makes the browser repaint the field's text, and a new check of a reply being typed at its
   * end mostly finds what the last one found.
   */
  draw(length: number, ranges: readonly MarkedRange[]): void {
    const overflow = ranges.filter((range) => range.kind === 'length');
    const words = overflow.length === 0 ? ranges : ranges.filter((range) => range.kind !== 'length');
    const wanted = [...stretches(length, words, 'tone-'), ...stretches(length, overflow, 'tone-overflow-')];
    // What stands now, by where its range stands in the text.
    const standing = new Map<string, Underline>();
    for (const entry of this.current) {
      const { range } = entry;
      const start = offsetOf(this.field, range.startContainer, range.startOffset);
      const end = offsetOf(this.field, range.endContainer, range.endOffset);
      const key = `${entry.name}:${start}:${end}`;
      if (start === null || end === null || range.collapsed || standing.has(key))
        highlightOf(entry.name)?.delete(range);
      else standing.set(key, entry);
    }
    const next: Underline[] = [];
    for (const { name, start, end } of wanted) {
      const kept = standing.get(`${name}:${start}:${end}`);
      if (kept) {
        standing.delete(`${name}:${start}:${end}`);
        next.push(kept);
        continue;
      }
      const range = rangeIn(this.field, start, end);
      if (range.collapsed) continue;
      next.push({ name, range });
      highlightOf(name)?.add(range);
    }
    for (const { name, range } of standing.values()) highlightOf(name)?.delete(range);
    this.current = next;
  }

  clear(): void {
    for (const { name, range } of this.current) highlightOf(name)?.delete(range);
    this.current = [];
  }
}

interface Underline {
  name: HighlightName;
  range: Range;
}

function stretches(length: number, ranges: readonly MarkedRange[], prefix: 'tone-' | 'tone-overflow-') {
  return underlineStretches(length, ranges).map((stretch) => ({
    name: `${prefix}${stretch.severity}` as HighlightName,
    start: stretch.start,
    end: stretch.end,
  }));
}
