/**
 * The text of the mirror behind the reply field (see FindingsField), as the DOM holds it: text nodes, with each
 * emoji in an inline-block of its own (`.findings-field__emoji`).
 *
 * Why: Chromium re-shapes a whole paragraph on every edit when an emoji stands anywhere in it (with the app's web
 * font, a 2,000-character reply took ~1 ms per keystroke to shape, against ~0.2 ms without the emoji). An
 * inline-block is one object in its paragraph, not text to shape, so an edit re-shapes only what changed
 * (~0.13 ms). The emoji inside lays out as it would inline: in a probe of 2,000 characters with emoji of every
 * kind (a face, a skin tone, a family, a flag, a keycap) every character stood on the same line, within 0.1 px of
 * where a one-node mirror put it. The textarea in front keeps its own text, and its own cost.
 *
 * An edit changes one text node in place where it can (typing, deleting plain text: the common case), so the
 * live ranges of the underlines move along with the characters; an edit that touches an emoji rebuilds the nodes.
 */

import { editBetween } from './paint';

/** What may join a grapheme with an emoji next to it: an edit inserting one of these rebuilds the nodes. */
const EMOJI_PART =
  /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u200d|\ufe0f|\u20e3|[\u{e0020}-\u{e007f}]/u;
/** A grapheme that is (or holds) an emoji. */
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

export const EMOJI_CLASS = 'findings-field__emoji';

/** Where a text offset stands among the mirror's text nodes. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/** The mirror's text offsets, as underlines need them (see FieldUnderlines). */
export interface TextPositions {
  readonly length: number;
  /** The text node and offset in it of a text offset: at a node boundary, the start of the next node for a
   * range's start (`'start'`), the end of the node before for its end (`'end'`). */
  locate(offset: number, edge: 'start' | 'end'): TextPoint;
  /** Every text node of the mirror, with the text offset it starts at. */
  nodeStarts(): Map<Node, number>;
}

let segmenter: Intl.Segmenter | null = null;

export class MirrorText implements TextPositions {
  private data = '';

  constructor(readonly box: HTMLElement) {}

  get text(): string {
    return this.data;
  }

  get length(): number {
    return this.data.length;
  }

  /** Makes the mirror hold `next`, changing as little of the DOM as it can. */
  set(next: string): void {
    const old = this.data;
    if (old === next && this.box.firstChild) return;
    const { prefix, suffix } = editBetween(old, next);
    const inserted = next.slice(prefix, next.length - suffix);
    if (!this.box.firstChild || !this.editInPlace(prefix, old.length - suffix, inserted)) this.rebuild(next);
    this.data = next;
  }

  locate(offset: number, edge: 'start' | 'end'): TextPoint {
    let last: TextPoint | null = null;
    let start = 0;
    for (const node of this.textNodes()) {
      const end = start + node.length;
      if (edge === 'start' ? offset < end : offset <= end) return { node, offset: Math.max(0, offset - start) };
      last = { node, offset: node.length };
      start = end;
    }
    if (last) return last;
    // No text at all: an empty node to stand in.
    const node = document.createTextNode('');
    this.box.append(node);
    return { node, offset: 0 };
  }

  nodeStarts(): Map<Node, number> {
    const starts = new Map<Node, number>();
    let start = 0;
    for (const node of this.textNodes()) {
      starts.set(node, start);
      start += node.length;
    }
    return starts;
  }

  /** Replaces old[from, to) with `inserted` inside one plain text node, if the edit lies within one. */
  private editInPlace(from: number, to: number, inserted: string): boolean {
    if (EMOJI_PART.test(inserted)) return false;
    let start = 0;
    for (const child of this.box.childNodes) {
      const length = child.textContent?.length ?? 0;
      const end = start + length;
      // Past this child, or at its end when it is an emoji (the edit belongs to the text after it).
      if (from > end || (from === end && !(child instanceof Text))) {
        start = end;
        continue;
      }
      // The first child the edit reaches: it must be plain text, and hold all of it.
      if (!(child instanceof Text) || to > end) return false;
      child.replaceData(from - start, to - from, inserted);
      return true;
    }
    return false;
  }

  private rebuild(next: string): void {
    if (!EMOJI.test(next)) {
      this.box.replaceChildren(document.createTextNode(next));
      return;
    }
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const parts: Node[] = [];
    let plain = '';
    for (const { segment } of segmenter.segment(next)) {
      if (!EMOJI.test(segment)) {
        plain += segment;
        continue;
      }
      if (plain !== '') parts.push(document.createTextNode(plain));
      plain = '';
      const emoji = document.createElement('span');
      emoji.className = EMOJI_CLASS;
      emoji.textContent = segment;
      parts.push(emoji);
    }
    // Always a text node last: the field's text may end in a newline that must take its line.
    parts.push(document.createTextNode(plain));
    this.box.replaceChildren(...parts);
  }

  private *textNodes(): Generator<Text> {
    for (const child of this.box.childNodes) {
      if (child instanceof Text) yield child;
      else if (child.firstChild instanceof Text) yield child.firstChild;
    }
  }
}
