import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, importPace } from './pace';

describe('import pace', () => {
  it('has nothing to say before the import moved', () => {
    expect(importPace([], 100)).toBeNull();
    expect(importPace([{ at: 0, done: 0 }], 100)).toBeNull();
    expect(
      importPace(
        [
          { at: 0, done: 10 },
          { at: 1000, done: 10 },
        ],
        100,
      ),
    ).toBeNull();
  });

  it('measures the rate over the last seconds and estimates the time left at that rate', () => {
    const samples = [
      { at: 0, done: 0 },
      // a slow start...
      { at: 10_000, done: 1_000_000 },
      // ...then 2 MB/s
      { at: 12_000, done: 5_000_000 },
      { at: 14_000, done: 9_000_000 },
    ];
    expect(importPace(samples, 29_000_000)).toEqual({ rate: 2_000_000, secondsLeft: 10 });
    expect(importPace(samples, null)).toEqual({ rate: 2_000_000, secondsLeft: null });
  });

  it('writes sizes and durations the way each language does', () => {
    expect(formatBytes(12_345_678, 'nl-NL')).toBe('12,3 MB');
    expect(formatBytes(12_345_678, 'en-GB')).toBe('12.3 MB');
    expect(formatBytes(999, 'en-GB')).toBe('999 byte');
    expect(formatDuration(45, 'en-GB')).toBe('45 secs');
    expect(formatDuration(45, 'nl-NL')).toBe('45 sec');
    expect(formatDuration(600, 'nl-NL')).toBe('10 min');
  });
});
