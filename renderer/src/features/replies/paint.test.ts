import { describe, expect, it } from 'vitest';
import { paintRuns, shiftRanges, slashTokenAt, underlineStretches, type MarkedRange } from './paint';

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

describe('underlineStretches', () => {
  const stretches = (text: string, ranges: MarkedRange[]) =>
    underlineStretches(text.length, ranges).map((s) => `${s.severity}:${text.slice(s.start, s.end)}`);

  it('joins touching runs of one severity, and only those', () => {
    const text = 'Dat is NIET de bedoeling!! Bel 06-123';
    expect(
      stretches(text, [
        { start: 0, end: 24, severity: 'warning' },
        { start: 7, end: 11, severity: 'warning' },
        { start: 24, end: 26, severity: 'warning' },
        { start: 31, end: 37, severity: 'error' },
      ]),
    ).toEqual(['warning:Dat is NIET de bedoeling!!', 'error:06-123']);
    // A gap, or a change of severity, ends the stretch.
    expect(
      stretches(text, [
        { start: 0, end: 3, severity: 'warning' },
        { start: 4, end: 6, severity: 'warning' },
        { start: 6, end: 11, severity: 'error' },
        { start: 11, end: 14, severity: 'warning' },
      ]),
    ).toEqual(['warning:Dat', 'warning:is', 'error: NIET', 'warning: de']);
  });

  it('gives an overlap the worst severity, clamps to the text and skips empty ranges', () => {
    expect(
      stretches('abcdef', [
        { start: 0, end: 4, severity: 'warning' },
        { start: 2, end: 9, severity: 'error' },
        { start: 1, end: 1, severity: 'error' },
        { start: 7, end: 9, severity: 'warning' },
      ]),
    ).toEqual(['warning:ab', 'error:cdef']);
    expect(underlineStretches(3, [])).toEqual([]);
  });

  it('underlines exactly the characters paintRuns marks, with the same severity', () => {
    // Random findings over a random text: character by character, both agree.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round += 1) {
      const length = random(40);
      const text = 'x'.repeat(length);
      const ranges: MarkedRange[] = Array.from({ length: random(8) }, () => {
        const start = random(length + 5) - 2;
        return { start, end: start + random(12) - 2, severity: random(2) === 0 ? 'error' : 'warning' };
      });
      const byRuns: (string | null)[] = [];
      for (const run of paintRuns(text, ranges))
        byRuns.push(...Array.from({ length: run.text.length }, () => run.mark));
      const byStretches: (string | null)[] = Array.from({ length }, () => null);
      let previous: { end: number; severity: string } | null = null;
      for (const stretch of underlineStretches(length, ranges)) {
        expect(stretch.end).toBeGreaterThan(stretch.start);
        // Touching stretches always differ in severity: otherwise they would be one.
        if (previous && previous.end === stretch.start) expect(stretch.severity).not.toBe(previous.severity);
        for (let at = stretch.start; at < stretch.end; at += 1) byStretches[at] = stretch.severity;
        previous = stretch;
      }
      expect(byStretches, JSON.stringify(ranges)).toEqual(byRuns);
    }
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
