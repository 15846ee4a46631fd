import { describe, expect, it } from 'vitest';
import { paintRuns, shiftRanges, slashTokenAt } from './paint';

describe('paintRuns', () => {
  it('cuts the text at finding boundaries and keeps every character exactly once', () => {
    const text = 'Hoi jij, dat is KUT!!';
    const runs = paintRuns(text, [
      { start: 4, end: 7, severity: 'error' },
      { start: 16, end: 19, severity: 'warning' },
    ]);
    expect(runs.map((run) => run.text).join('')).toBe(text);
    expect(runs.filter((run) => run.mark).map((run) => [run.text, run.mark])).toEqual([
      ['jij', 'error'],
      ['KUT', 'warning'],
    ]);
  });

  it('gives an overlap the worst severity and splits at the caret', () => {
    const runs = paintRuns(
      'abcdef',
      [
        { start: 0, end: 4, severity: 'warning' },
        { start: 2, end: 6, severity: 'error' },
      ],
      3,
    );
    expect(runs.map((run) => [run.text, run.mark])).toEqual([
      ['ab', 'warning'],
      ['c', 'error'],
      ['d', 'error'],
      ['ef', 'error'],
    ]);
  });

  it('ignores empty ranges and clamps ranges beyond the text (a stale finding while typing)', () => {
    const runs = paintRuns('abc', [
      { start: 1, end: 1, severity: 'error' },
      { start: 2, end: 9, severity: 'warning' },
    ]);
    expect(runs.map((run) => [run.text, run.mark])).toEqual([
      ['a', null],
      ['b', null],
      ['c', 'warning'],
    ]);
  });
});

describe('slashTokenAt', () => {
  it('finds /name at the start or after a space', () => {
    expect(slashTokenAt('/exc', 4)).toEqual({ start: 0, query: 'exc' });
    expect(slashTokenAt('Hallo /', 7)).toEqual({ start: 6, query: '' });
    expect(slashTokenAt('Hallo\n/klacht-trein', 19)).toEqual({ start: 6, query: 'klacht-trein' });
  });

  it('does not open inside a URL, a date or after the name ended', () => {
    expect(slashTokenAt('zie https://x.nl/a', 18)).toBeNull();
    expect(slashTokenAt('op 12/3', 7)).toBeNull();
    expect(slashTokenAt('/excuses ', 9)).toBeNull();
    expect(slashTokenAt('geen slash', 10)).toBeNull();
  });
});

describe('shiftRanges', () => {
  const marked = (text: string, word: string) => {
    const start = text.indexOf(word);
    return { start, end: start + word.length, severity: 'error' as const };
  };
  const words = (text: string, ranges: { start: number; end: number }[]) =>
    ranges.map((range) => text.slice(range.start, range.end));

  it('keeps the underlines on their words when typing before, between or after them', () => {
    const before = 'Hoi jij, dat is KUT';
    const ranges = [marked(before, 'jij'), marked(before, 'KUT')];
    for (const after of [
      'Beste Hoi jij, dat is KUT',
      'Hoi jij, ja dat is KUT',
      'Hoi jij, dat is KUT!!',
      'Hoi jij, dt is KUT',
    ]) {
      expect(words(after, shiftRanges(ranges, before, after))).toEqual(['jij', 'KUT']);
    }
  });

  it('drops a range whose text was replaced and keeps what is left of a range cut into', () => {
    const before = 'Sorry dat je moest wachten';
    const ranges = [marked(before, 'je'), marked(before, 'moest wachten')];
    const fixed = 'Sorry dat u moest wachten';
    expect(words(fixed, shiftRanges(ranges, before, fixed))).toEqual(['moest wachten']);
    const cut = 'Sorry dat je moest';
    expect(words(cut, shiftRanges(ranges, before, cut))).toEqual(['je', 'moest']);
  });

  it('returns the same ranges for the same text', () => {
    const ranges = [marked('abc', 'b')];
    expect(shiftRanges(ranges, 'abc', 'abc')).toBe(ranges);
  });
});
