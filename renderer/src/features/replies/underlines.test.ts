// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarkedRange } from './paint';
import { MirrorText } from './mirrorText';
import { FieldUnderlines, HIGHLIGHT_NAMES } from './underlines';

// happy-dom has no CSS Custom Highlight API: a registry of plain sets stands in for CSS.highlights.
const registry = new Map<string, Set<AbstractRange>>();

beforeEach(() => {
  registry.clear();
  Object.assign(globalThis, { Highlight: class extends Set<AbstractRange> {}, CSS: { highlights: registry } });
});

afterEach(() => {
  registry.clear();
});

/** What the page's highlights underline in the mirror's text, as severity:text in text order. */
function underlined(text: MirrorText): string[] {
  const starts = text.nodeStarts();
  return (['error', 'warning'] as const)
    .flatMap((severity) =>
      [...(registry.get(HIGHLIGHT_NAMES[severity]) ?? [])]
        .filter((range) => starts.has(range.startContainer))
        .map((range) => ({
          at: starts.get(range.startContainer)! + range.startOffset,
          run: `${severity}:${text.text.slice(
            starts.get(range.startContainer)! + range.startOffset,
            starts.get(range.endContainer)! + range.endOffset,
          )}`,
        })),
    )
    .sort((a, b) => a.at - b.at)
    .map((found) => found.run);
}

/** Whether the mirror still holds the very same nodes (edited in place, not made anew). */
function sameNodes(now: Node[], before: Node[]): boolean {
  return now.length === before.length && now.every((node, index) => node === before[index]);
}

function mirror(value: string): MirrorText {
  const box = document.createElement('div');
  document.body.append(box);
  const text = new MirrorText(box);
  text.set(value);
  return text;
}

describe('FieldUnderlines', () => {
  it('underlines each run once, overlaps as the worst severity', () => {
    const text = mirror('Hoi jij, dat is KUT!!');
    const ranges: MarkedRange[] = [
      { start: 4, end: 7, severity: 'error' },
      { start: 16, end: 21, severity: 'warning' },
      { start: 19, end: 21, severity: 'error' },
    ];
    new FieldUnderlines().draw(text, ranges);
    expect(underlined(text)).toEqual(['error:jij', 'warning:KUT', 'error:!!']);
  });

  it('draws touching runs of one severity as one range', () => {
    const text = mirror('Dat is NIET de bedoeling!!');
    new FieldUnderlines().draw(text, [
      { start: 0, end: 24, severity: 'warning' },
      { start: 7, end: 11, severity: 'warning' },
      { start: 24, end: 26, severity: 'warning' },
    ]);
    expect(underlined(text)).toEqual(['warning:Dat is NIET de bedoeling!!']);
    expect(registry.get(HIGHLIGHT_NAMES.warning)!.size).toBe(1);
  });

  it('after an edit holds exactly the new runs: kept ones stay, gone ones are taken out', () => {
    const text = mirror('Hoi jij, dat is KUT!!');
    const underlines = new FieldUnderlines();
    underlines.draw(text, [
      { start: 4, end: 7, severity: 'error' },
      { start: 16, end: 19, severity: 'warning' },
    ]);
    const kept = [...registry.get(HIGHLIGHT_NAMES.error)!][0];
    // A keystroke at the end: the first finding stands where it stood, the second is gone, a third is new.
    text.set(`${text.text} ok`);
    underlines.draw(text, [
      { start: 4, end: 7, severity: 'error' },
      { start: 22, end: 24, severity: 'warning' },
    ]);
    expect(underlined(text)).toEqual(['error:jij', 'warning:ok']);
    // The range that still fits was not replaced by a new one.
    expect([...registry.get(HIGHLIGHT_NAMES.error)!]).toEqual([kept]);
    expect(registry.get(HIGHLIGHT_NAMES.warning)!.size).toBe(1);
  });

  it('takes only its own ranges out, leaving another field’s', () => {
    const one = mirror('je bent');
    const other = mirror('jij bent');
    const first = new FieldUnderlines();
    const second = new FieldUnderlines();
    first.draw(one, [{ start: 0, end: 2, severity: 'error' }]);
    second.draw(other, [{ start: 0, end: 3, severity: 'error' }]);
    first.clear();
    expect(underlined(one)).toEqual([]);
    expect(registry.get(HIGHLIGHT_NAMES.error)!.size).toBe(1);
    expect(underlined(other)).toEqual(['error:jij']);
    second.draw(other, []);
    expect(registry.get(HIGHLIGHT_NAMES.error)!.size).toBe(0);
  });

  it('underlines across emoji, which stand in elements of their own, and keeps ranges through plain edits', () => {
    const text = mirror('Top 😀 jij bent 👍🏽 KUT');
    const box = text.box;
    expect(box.querySelectorAll('.findings-field__emoji')).toHaveLength(2);
    const underlines = new FieldUnderlines();
    // "jij" after the first emoji, and a run from "bent" over the second emoji to the end.
    underlines.draw(text, [
      { start: 7, end: 10, severity: 'error' },
      { start: 11, end: 24, severity: 'warning' },
    ]);
    expect(underlined(text)).toEqual(['error:jij', 'warning:bent 👍🏽 KUT']);
    const nodes = [...box.childNodes];
    const kept = [...registry.get(HIGHLIGHT_NAMES.error)!][0];
    // Typing at the start changes one text node in place: the emoji elements stay, the ranges move along.
    text.set(`Hoi ${text.text}`);
    expect(sameNodes([...box.childNodes], nodes)).toBe(true);
    expect(box.textContent).toBe('Hoi Top 😀 jij bent 👍🏽 KUT');
    underlines.draw(text, [
      { start: 11, end: 14, severity: 'error' },
      { start: 15, end: 28, severity: 'warning' },
    ]);
    expect(underlined(text)).toEqual(['error:jij', 'warning:bent 👍🏽 KUT']);
    expect([...registry.get(HIGHLIGHT_NAMES.error)!]).toEqual([kept]);
    // Typing right after an emoji, and at the very end, also edits in place.
    text.set('Hoi Top 😀! jij bent 👍🏽 KUT');
    text.set('Hoi Top 😀! jij bent 👍🏽 KUT!');
    expect(sameNodes([...box.childNodes], nodes)).toBe(true);
    expect(box.textContent).toBe('Hoi Top 😀! jij bent 👍🏽 KUT!');
    // An edit that touches an emoji (a skin tone added) lays the nodes out anew, each emoji whole.
    text.set('Hoi Top 😀🏻! jij bent 👍🏽 KUT!');
    expect([...box.querySelectorAll('.findings-field__emoji')].map((emoji) => emoji.textContent)).toEqual([
      '😀🏻',
      '👍🏽',
    ]);
    expect(box.textContent).toBe(text.text);
  });
});
