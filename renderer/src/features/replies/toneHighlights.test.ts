// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToneHighlights } from './toneHighlights';

// happy-dom has no CSS Custom Highlight API: a registry and a Highlight (a set of ranges) as the browser has them.
const registry = new Map<string, Set<AbstractRange>>();
beforeEach(() => {
  registry.clear();
  vi.stubGlobal('Highlight', class extends Set<AbstractRange> {});
  vi.stubGlobal('CSS', { highlights: registry });
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

const texts = (name: string) => [...(registry.get(name) ?? [])].map((range) => (range as Range).toString());

describe('ToneHighlights', () => {
  it('underlines each stretch once, with the worst severity where findings overlap, in the page’s highlights', () => {
    const field = document.createElement('div');
    field.append('Sorry dat je moest wachten!!');
    document.body.append(field);
    const highlights = new ToneHighlights(field);
    highlights.draw(28, [
      { start: 10, end: 12, severity: 'error' },
      { start: 6, end: 18, severity: 'warning' },
      { start: 26, end: 28, severity: 'warning' },
    ]);
    expect(texts('tone-error')).toEqual(['je']);
    expect(texts('tone-warning')).toEqual(['dat ', ' moest', '!!']);

    // A second field's underlines stand beside the first's; clearing one leaves the other.
    const other = document.createElement('div');
    other.append('NIET');
    document.body.append(other);
    const second = new ToneHighlights(other);
    second.draw(4, [{ start: 0, end: 4, severity: 'warning' }]);
    expect(texts('tone-warning')).toHaveLength(4);
    highlights.clear();
    expect(texts('tone-error')).toEqual([]);
    expect(texts('tone-warning')).toEqual(['NIET']);
  });

  it('keeps the underlines that stand where a new check wants them, and replaces only the others', () => {
    const field = document.createElement('div');
    field.append('Sorry dat je moest wachten!!');
    document.body.append(field);
    const highlights = new ToneHighlights(field);
    highlights.draw(28, [
      { start: 10, end: 12, severity: 'error' },
      { start: 26, end: 28, severity: 'warning' },
    ]);
    const [je] = registry.get('tone-error')!;
    const [marks] = registry.get('tone-warning')!;
    highlights.draw(28, [
      { start: 10, end: 12, severity: 'error' },
      { start: 27, end: 28, severity: 'warning' },
    ]);
    expect([...registry.get('tone-error')!]).toEqual([je]);
    expect(texts('tone-warning')).toEqual(['!']);
    expect([...registry.get('tone-warning')!][0]).not.toBe(marks);
  });

  it('tints the text past the channel’s limit in a highlight of its own, beside the underlined words', () => {
    const field = document.createElement('div');
    field.append('Beste Jan, je bus komt NIET');
    document.body.append(field);
    new ToneHighlights(field).draw(27, [
      { start: 11, end: 13, severity: 'error', kind: 'address' },
      { start: 20, end: 27, severity: 'error', kind: 'length' },
      { start: 23, end: 27, severity: 'warning', kind: 'shouting' },
    ]);
    expect(texts('tone-error')).toEqual(['je']);
    expect(texts('tone-warning')).toEqual(['NIET']);
    expect(texts('tone-overflow-error')).toEqual(['mt NIET']);
  });

  // (That the ranges move with an edit is the browser's live-range behaviour, which happy-dom does not have: the
  // composer bench checks on every keystroke in Chromium that each range is still in the field's text.)
});
