import { describe, expect, it } from 'vitest';
import { peakIndexes } from './peaks';

describe('peakIndexes', () => {
  const calm = Array.from({ length: 100 }, (_, index) => 20 + (index % 3));

  it('finds incidents far above the usual level, highest first', () => {
    const values = [...calm];
    values[30] = 400;
    values[70] = 900;
    expect(peakIndexes(values, 3)).toEqual([70, 30]);
  });

  it('marks a peak that lasts several buckets once', () => {
    const values = [...calm];
    values[40] = 500;
    values[41] = 480;
    values[42] = 300;
    expect(peakIndexes(values, 3)).toEqual([40]);
  });

  it('marks nothing in a calm or tiny series', () => {
    expect(peakIndexes(calm, 3)).toEqual([]);
    expect(peakIndexes([0, 5, 0], 3)).toEqual([]);
    expect(peakIndexes([1, 99], 3)).toEqual([]);
  });
});
