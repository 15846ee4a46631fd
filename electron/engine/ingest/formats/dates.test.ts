import { describe, expect, it } from 'vitest';
import { parseTime } from './dates';

describe('parseTime', () => {
  it.each([
    ['2024-03-05T14:30:00Z', Date.UTC(2024, 2, 5, 14, 30)],
    ['2024-03-05T14:30:00.250+01:00', Date.UTC(2024, 2, 5, 13, 30, 0, 250)],
    ['2024-03-05 14:30', Date.UTC(2024, 2, 5, 14, 30)],
    ['2024-03-05', Date.UTC(2024, 2, 5)],
    ['2024/03/05 14:30:05', Date.UTC(2024, 2, 5, 14, 30, 5)],
    ['05-03-2024 14:30', Date.UTC(2024, 2, 5, 14, 30)],
    ['5-3-2024 9:05', Date.UTC(2024, 2, 5, 9, 5)],
    ['05/03/2024', Date.UTC(2024, 2, 5)],
    ['05.03.2024 14.30', Date.UTC(2024, 2, 5, 14, 30)],
    ['1709649000', Date.UTC(2024, 2, 5, 14, 30)],
    ['1709649000000', Date.UTC(2024, 2, 5, 14, 30)],
    ['1709649000.5', Date.UTC(2024, 2, 5, 14, 30, 0, 500)],
    ['Fri Feb 20 09:10:58 +0000 2026', Date.UTC(2026, 1, 20, 9, 10, 58)],
    ['Fri, 31 May 2024 14:00:00 +0200', Date.UTC(2024, 4, 31, 12)],
  ])('%s', (text, expected) => {
    expect(parseTime(text)).toBe(expected);
  });

  it('reads numbers as Unix time in seconds or milliseconds', () => {
    expect(parseTime(1354805114)).toBe(1354805114000);
    expect(parseTime(1354805114000)).toBe(1354805114000);
  });

  it.each(['31-13-2024', '30-02-2024', '2024-02-30', '2024-03-05 25:00', '2024', 'gisteren', '', '12345', '-5'])(
    'refuses %j',
    (text) => expect(parseTime(text)).toBeNull(),
  );

  it('reads times without an offset in the given zone, across daylight saving', () => {
    expect(parseTime('05-03-2024 14:30', 'Europe/Amsterdam')).toBe(Date.UTC(2024, 2, 5, 13, 30));
    expect(parseTime('2024-07-05 14:30', 'Europe/Amsterdam')).toBe(Date.UTC(2024, 6, 5, 12, 30));
    expect(parseTime('31-03-2024 03:30', 'Europe/Amsterdam')).toBe(Date.UTC(2024, 2, 31, 1, 30));
    expect(parseTime('2024-07-05T14:30:00Z', 'Europe/Amsterdam')).toBe(Date.UTC(2024, 6, 5, 14, 30));
    expect(parseTime('20 Feb 2026 10:00', 'Europe/Amsterdam')).toBe(Date.UTC(2026, 1, 20, 9));
  });
});
