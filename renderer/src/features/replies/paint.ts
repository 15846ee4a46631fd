/** A stretch of the reply marked by the tone check: `[start, end)` in UTF-16 code units, as `String.slice` counts. */
export interface MarkedRange {
  start: number;
  end: number;
  severity: 'error' | 'warning';
  /** The tone rule's kind (`length`: the text past the channel's limit, tinted rather than underlined). */
  kind?: string;
}

/** One run of a reply's text: plain, or marked as the worst finding covering it. */
export interface PaintedRun {
  text: string;
  start: number;
  mark: 'error' | 'warning' | null;
}

/**
 * Cuts the text into runs at every finding boundary (and at `caret`, when given). Overlapping findings are fine:
 * a run takes the worst severity over it. Linear in the text plus findings. (What the field's underlines must
 * show, run by run: the composer bench holds the underlines against it.)
 */
export function paintRuns(text: string, ranges: readonly MarkedRange[], caret: number | null = null): PaintedRun[] {
  const cuts = new Set<number>([0, text.length]);
  for (const range of ranges) {
    cuts.add(clamp(range.start, text.length));
    cuts.add(clamp(range.end, text.length));
  }
  if (caret !== null) cuts.add(clamp(caret, text.length));
  const points = [...cuts].sort((a, b) => a - b);
  const runs: PaintedRun[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    let mark: PaintedRun['mark'] = null;
    for (const range of ranges) {
      if (range.start <= start && range.end >= end && range.end > range.start) {
        if (range.severity === 'error') {
          mark = 'error';
          break;
        }
        mark = 'warning';
      }
    }
    runs.push({ text: text.slice(start, end), start, mark });
  }
  return runs;
}

/** A stretch the field underlines: `[start, end)`, as the worst finding over it. */
export interface UnderlineStretch {
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

/**
 * What the field underlines in a text of `length` code units: the marked runs of `paintRuns`, with runs of one
 * severity that touch joined into one stretch (a warning over a whole sentence with a shouted word in it is one
 * underline, not three). Each underline is a range to measure and a box per line to place (underlines.ts), so fewer
 * ranges keep a keystroke's work short; the underline looks the same. Ranges beyond the text
 * are clamped to it, empty ones underline nothing. One sweep over the range ends: O(r log r), no text copied.
 */
export function underlineStretches(length: number, ranges: readonly MarkedRange[]): UnderlineStretch[] {
  const edges: { at: number; error: number; warning: number }[] = [];
  for (const range of ranges) {
    if (!(range.end > range.start)) continue;
    const start = clamp(range.start, length);
    const end = clamp(range.end, length);
    if (end <= start) continue;
    const error = range.severity === 'error' ? 1 : 0;
    edges.push({ at: start, error, warning: 1 - error }, { at: end, error: -error, warning: error - 1 });
  }
  edges.sort((a, b) => a.at - b.at);
  const stretches: UnderlineStretch[] = [];
  let errors = 0;
  let warnings = 0;
  for (let i = 0; i < edges.length;) {
    const at = edges[i]!.at;
    for (; i < edges.length && edges[i]!.at === at; i += 1) {
      errors += edges[i]!.error;
      warnings += edges[i]!.warning;
    }
    const next = i < edges.length ? edges[i]!.at : at;
    if (next === at) continue;
    const severity = errors > 0 ? 'error' : warnings > 0 ? 'warning' : null;
    if (severity === null) continue;
    const last = stretches[stretches.length - 1];
    if (last && last.severity === severity && last.end === at) last.end = next;
    else stretches.push({ start: at, end: next, severity });
  }
  return stretches;
}

function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(max, value));
}

/** The `/name` being typed right before the caret, which opens the template menu; null when there is none. */
export interface SlashToken {
  /** Where the `/` is, so the chosen template replaces `/name`. */
  start: number;
  /** What follows the `/`, for filtering templates by name. */
  query: string;
}

// What may follow the `/`: letters, digits, - or _ (a template's name as typed, up to 40 of them).
const NAME = /^[\p{L}\p{N}_-]{0,40}$/u;

/** Finds the slash token that ends at `caret`, if any: a `/` at the start of the text or after a space (not in https://x/y). */
export function slashTokenAt(text: string, caret: number): SlashToken | null {
  const slash = text.lastIndexOf('/', caret - 1);
  if (slash < 0 || caret - slash > 41) return null;
  const query = text.slice(slash + 1, caret);
  if (!NAME.test(query)) return null;
  if (slash > 0 && !/\s/.test(text[slash - 1]!)) return null;
  return { start: slash, query };
}

/**
 * The one edit that turns `before` into `after`: how many characters at the start (`prefix`) and at the end
 * (`suffix`) both share. The edit replaced before[prefix, before.length - suffix) with after[prefix, after.length - suffix).
 */
export function editBetween(before: string, after: string): { prefix: number; suffix: number } {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix += 1;
  return { prefix, suffix };
}

/**
 * Carries ranges found in `before` over to `after` (one edit apart, as a keystroke, paste or fix makes):
 * ranges before the edit stay, ranges after it move with it, a range the edit cuts into keeps its
 * untouched part, and a range wholly replaced is dropped. So the underlines follow the text at once,
 * while the tone check of the new text runs a moment later.
 */
export function shiftRanges<T extends MarkedRange>(ranges: readonly T[], before: string, after: string): T[] {
  if (before === after) return ranges as T[];
  const { prefix, suffix } = editBetween(before, after);
  const editEnd = before.length - suffix;
  const delta = after.length - before.length;
  const moved: T[] = [];
  for (const range of ranges) {
    if (range.end <= prefix) {
      moved.push(range);
      continue;
    }
    if (range.start >= editEnd) {
      moved.push({ ...range, start: range.start + delta, end: range.end + delta });
      continue;
    }
    const start = range.start < prefix ? range.start : editEnd + delta;
    const end = range.end > editEnd ? range.end + delta : prefix;
    if (end > start) moved.push({ ...range, start, end });
  }
  return moved;
}
