import { describe, expect, it } from 'vitest';
import { customRange, displayGranularity, presetRange, rangeDays, startOfLocalDay } from './period';

// 27 Nov 2026, 09:30 in Amsterdam (CET, UTC+1).
const NOW = Date.parse('2026-11-27T08:30:00Z');

describe('period presets', () => {
  it('today is the whole local day, midnight to midnight in Amsterdam', () => {
    expect(presetRange('today', NOW, null)).toEqual({
      from: '2026-11-26T23:00:00.000Z',
      to: '2026-11-27T23:00:00.000Z',
    });
  });

  it('7 days ends tomorrow at midnight and counts today as one of the seven', () => {
    expect(presetRange('7d', NOW, null).from).toBe('2026-11-20T23:00:00.000Z');
  });

  it('a year back crosses daylight saving time and still starts at local midnight', () => {
    expect(presetRange('year', NOW, null).from).toBe('2025-11-27T23:00:00.000Z');
    expect(presetRange('quarter', NOW, null).from).toBe('2026-08-27T22:00:00.000Z');
  });

  it('5 years is sixty months', () => {
    expect(presetRange('5y', NOW, null).from).toBe('2021-11-27T23:00:00.000Z');
  });

  it('all starts on the day of the oldest mention', () => {
    expect(presetRange('all', NOW, '2019-03-31T12:00:00Z').from).toBe('2019-03-30T23:00:00.000Z');
    expect(presetRange('all', NOW, null)).toEqual(presetRange('today', NOW, null));
  });
});

describe('custom ranges', () => {
  it('takes two inclusive days and rejects reversed or impossible dates', () => {
    expect(customRange('2026-03-29', '2026-03-29')).toEqual({
      from: '2026-03-28T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
    expect(customRange('2026-03-30', '2026-03-29')).toBeNull();
    expect(customRange('2026-02-30', '2026-03-29')).toBeNull();
    expect(customRange('', '2026-03-29')).toBeNull();
  });

  it('shows a range back as the days the operator picked', () => {
    expect(rangeDays(customRange('2024-01-01', '2024-12-31')!)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });
});

it('startOfLocalDay gives midnight in summer and winter time', () => {
  expect(new Date(startOfLocalDay({ year: 2026, month: 7, day: 1 })).toISOString()).toBe('2026-06-30T22:00:00.000Z');
  expect(new Date(startOfLocalDay({ year: 2026, month: 1, day: 1 })).toISOString()).toBe('2025-12-31T23:00:00.000Z');
});

describe('displayGranularity', () => {
  it('hours up to a week, days up to five years (so an incident stays a peak), weeks beyond', () => {
    expect(displayGranularity(presetRange('7d', NOW, null), 'auto')).toBe('hour');
    expect(displayGranularity(presetRange('30d', NOW, null), 'auto')).toBe('day');
    expect(displayGranularity(presetRange('year', NOW, null), 'auto')).toBe('day');
    expect(displayGranularity(presetRange('5y', NOW, null), 'auto')).toBe('day');
    expect(displayGranularity(presetRange('all', NOW, '2015-01-01T00:00:00Z'), 'auto')).toBe('week');
    expect(displayGranularity(presetRange('5y', NOW, null), 'month')).toBe('month');
  });
});
