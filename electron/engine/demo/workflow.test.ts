import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from './calendar';
import { DemoRandom } from './random';
import { describeStatus } from './workflow';

const OPERATORS = ['Sanne de Vries', 'Mo Bakker'];

function statusesAt(age: number, draws = 5000): Map<string, number> {
  const random = DemoRandom.fromSeed(7);
  const counts = new Map<string, number>();
  for (let i = 0; i < draws; i++) {
    const { status } = describeStatus(age, random, OPERATORS);
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return counts;
}

describe('describeStatus', () => {
  it('leaves the last hour’s mentions unfinished: new, open or waiting, never resolved or archived', () => {
    for (const age of [0, 20_000, 59 * 60_000]) {
      const counts = statusesAt(age);
      expect(counts.get('resolved') ?? 0).toBe(0);
      expect(counts.get('archived') ?? 0).toBe(0);
      expect(counts.get('new')! / 5000).toBeGreaterThan(0.7);
    }
  });

  it('has the team finish some of today’s mentions and all of the old ones', () => {
    const today = statusesAt(3 * HOUR_MS);
    expect(today.get('resolved') ?? 0).toBeGreaterThan(0);
    const old = statusesAt(365 * DAY_MS);
    expect([...old.keys()].sort()).toEqual(['archived', 'resolved']);
  });
});
