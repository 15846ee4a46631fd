// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarkedRange } from './paint';
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

/** What the page's highlights underline in `node`, as severity:text in text order. */
function underlined(node: Text): string[] {
  return (['error', 'warning'] as const)
    .flatMap((severity) =>
      [...(registry.get(HIGHLIGHT_NAMES[severity]) ?? [])]
        .filter((range) => range.startContainer === node)
        .map((range) => ({
          at: range.startOffset,
          run: `${severity}:${node.data.slice(range.startOffset, range.endOffset)}`,
        })),
    )
    .sort((a, b) => a.at - b.at)
    .map((found) => found.run);
}

function mirror(text: string): Text {
  const box = document.createElement('div');
  document.body.append(box);
  const node = document.createTextNode(text);
  box.append(node);
  return node;
}

describe('FieldUnderlines', () => {
  it('underlines each run once, overlaps as the worst severity', () => {
    const node = mirror('Hoi jij, dat is KUT!!');
    const ranges: MarkedRange[] = [
      { start: 4, end: 7, severity: 'error' },
      { start: 16, end: 21, severity: 'warning' },
      { start: 19, end: 21, severity: 'error' },
    ];
    new FieldUnderlines().draw(node, ranges);
    expect(underlined(node)).toEqual(['error:jij', 'warning:KUT', 'error:!!']);
  });

  it('draws touching runs of one severity as one range', () => {
    const node = mirror('Dat is NIET de bedoeling!!');
    new FieldUnderlines().draw(node, [
      { start: 0, end: 24, severity: 'warning' },
      { start: 7, end: 11, severity: 'warning' },
      { start: 24, end: 26, severity: 'warning' },
    ]);
    expect(underlined(node)).toEqual(['warning:Dat is NIET de bedoeling!!']);
    expect(registry.get(HIGHLIGHT_NAMES.warning)!.size).toBe(1);
  });

  it('after an edit holds exactly the new runs: kept ones stay, gone ones are taken out', () => {
    const node = mirror('Hoi jij, dat is KUT!!');
    const underlines = new FieldUnderlines();
    underlines.draw(node, [
      { start: 4, end: 7, severity: 'error' },
      { start: 16, end: 19, severity: 'warning' },
    ]);
    const kept = [...registry.get(HIGHLIGHT_NAMES.error)!][0];
    // A keystroke at the end: the first finding stands where it stood, the second is gone, a third is new.
    node.replaceData(node.data.length, 0, ' ok');
    underlines.draw(node, [
      { start: 4, end: 7, severity: 'error' },
      { start: 22, end: 24, severity: 'warning' },
    ]);
    expect(underlined(node)).toEqual(['error:jij', 'warning:ok']);
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
});
