import type { TextPositions } from './mirrorText';
import { underlineStretches, type MarkedRange } from './paint';

/**
 * Tone underlines drawn with the CSS Custom Highlight API (`::highlight(tone-error)`, `::highlight(tone-warning)`
 * in replies.css) over the mirror's text (see mirrorText.ts). A highlight is painted, never laid out: a keystroke in
 * a 2,000-character reply re-lays out one text node, however many findings it has (with a <mark> per finding the
 * mirror's layout cost several times the textarea's own).
 */

export const HIGHLIGHT_NAMES = { error: 'tone-error', warning: 'tone-warning' } as const;

type Severity = keyof typeof HIGHLIGHT_NAMES;

/** Whether this browser can draw the underlines (every Chromium since 105; not jsdom). */
export function canHighlight(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** One highlight per severity, shared by every reply field on the page; each field adds and removes its own ranges. */
function highlight(severity: Severity): Highlight {
  const name = HIGHLIGHT_NAMES[severity];
  let found = CSS.highlights.get(name);
  if (!found) {
    found = new Highlight();
    CSS.highlights.set(name, found);
  }
  return found;
}

/**
 * The ranges one field has put into the page's highlights, so it can take them out again. They are live
 * Ranges: an edit of one of the mirror's text nodes (replaceData) moves them along with the characters, as the DOM does
 * for every live Range, so a keystroke leaves most of them standing where the findings now are and `draw`
 * only adds and removes the few that differ.
 */
export class FieldUnderlines {
  private current: { severity: Severity; range: Range }[] = [];

  /**
   * Underlines `ranges` of the mirror's text (a run covered by several findings takes the worst severity; touching
   * runs of one severity are one range, see underlineStretches).
   */
  draw(text: TextPositions, ranges: readonly MarkedRange[]): void {
    const starts = text.nodeStarts();
    // What stands now, by where it stands (after the DOM moved it with the edit).
    const standing = new Map<string, { severity: Severity; range: Range }>();
    const stale: { severity: Severity; range: Range }[] = [];
    for (const entry of this.current) {
      const { range } = entry;
      const start = starts.get(range.startContainer);
      const end = starts.get(range.endContainer);
      const key =
        start === undefined || end === undefined
          ? null
          : `${entry.severity}:${start + range.startOffset}:${end + range.endOffset}`;
      if (key === null || range.collapsed || standing.has(key)) stale.push(entry);
      else standing.set(key, entry);
    }
    const next: { severity: Severity; range: Range }[] = [];
    for (const stretch of underlineStretches(text.length, ranges)) {
      const key = `${stretch.severity}:${stretch.start}:${stretch.end}`;
      const kept = standing.get(key);
      if (kept) {
        standing.delete(key);
        next.push(kept);
        continue;
      }
      const range = document.createRange();
      const from = text.locate(stretch.start, 'start');
      const to = text.locate(stretch.end, 'end');
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      highlight(stretch.severity).add(range);
      next.push({ severity: stretch.severity, range });
    }
    for (const { severity, range } of [...stale, ...standing.values()]) highlight(severity).delete(range);
    this.current = next;
  }

  clear(): void {
    for (const { severity, range } of this.current) highlight(severity).delete(range);
    this.current = [];
  }
}
