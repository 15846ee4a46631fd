import { rangeIn } from './editableText';
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

export const HIGHLIGHT_NAMES: Record<Severity, string> = { error: 'tone-error', warning: 'tone-warning' };

/** The page's highlight of a severity, registered on first use; null where the browser has no highlights. */
function highlightOf(severity: Severity): Highlight | null {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return null;
  const name = HIGHLIGHT_NAMES[severity];
  let highlight = CSS.highlights.get(name);
  if (!highlight) {
    highlight = new Highlight();
    CSS.highlights.set(name, highlight);
  }
  return highlight;
}

/** A field's underlines. */
export class ToneHighlights {
  private current: { severity: Severity; range: Range }[] = [];

  constructor(readonly field: HTMLElement) {}

  /** The ranges underlined now, by severity (for the tests, through the page). */
  get ranges(): readonly { severity: Severity; range: Range }[] {
    return this.current;
  }

  /**
   * Underlines `ranges` of the field's text (offsets in its text as it is now). A run covered by several findings
   * takes the worst severity; touching runs of one severity are one underline (see underlineStretches).
   */
  draw(length: number, ranges: readonly MarkedRange[]): void {
    this.clear();
    for (const stretch of underlineStretches(length, ranges)) {
      const range = rangeIn(this.field, stretch.start, stretch.end);
      if (range.collapsed) continue;
      this.current.push({ severity: stretch.severity, range });
      highlightOf(stretch.severity)?.add(range);
    }
  }

  clear(): void {
    for (const { severity, range } of this.current) highlightOf(severity)?.delete(range);
    this.current = [];
  }
}
