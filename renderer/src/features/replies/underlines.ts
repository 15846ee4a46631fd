import { paintRuns, type MarkedRange } from './paint';

/**
 * Tone underlines drawn with the CSS Custom Highlight API (`::highlight(tone-error)`, `::highlight(tone-warning)`
 * in replies.css) over the mirror's one text node. A highlight is painted, never laid out: a keystroke in a
 * 2,000-character reply re-lays out one plain text node, however many findings it has (with a <mark> per
 * finding the mirror's layout cost several times the textarea's own).
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

/** The ranges one field has put into the page's highlights, so it can take them out again. */
export class FieldUnderlines {
  private current: { severity: Severity; range: StaticRange }[] = [];

  /** Underlines `ranges` of `node`'s text (a run covered by several findings takes the worst severity). */
  draw(node: Text, ranges: readonly MarkedRange[]): void {
    this.clear();
    const length = node.data.length;
    for (const run of paintRuns(node.data, ranges)) {
      if (!run.mark) continue;
      const end = Math.min(length, run.start + run.text.length);
      const range = new StaticRange({
        startContainer: node,
        startOffset: run.start,
        endContainer: node,
        endOffset: end,
      });
      highlight(run.mark).add(range);
      this.current.push({ severity: run.mark, range });
    }
  }

  clear(): void {
    for (const { severity, range } of this.current) highlight(severity).delete(range);
    this.current = [];
  }
}
