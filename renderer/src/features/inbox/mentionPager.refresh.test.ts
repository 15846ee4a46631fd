import { describe, expect, it } from 'vitest';
import { MentionPager, type MentionPage } from './mentionPager';
import { settle, testRow } from './pagerTesting';

describe('MentionPager.refresh', () => {
  it('re-reads the loaded pages in place, from the same snapshot, without a loading state', async () => {
    const corrected = new Set<number>();
    const asked: (number | undefined)[] = [];
    let newest = 250;
    const pager = new MentionPager((offset, limit, maxId): Promise<MentionPage> => {
      asked.push(maxId);
      const top = maxId ?? newest;
      const rows = Array.from({ length: Math.max(0, Math.min(limit, top - offset)) }, (_, i) => {
        const id = top - offset - i;
        return testRow(id, corrected.has(id) ? 'negative' : 'neutral');
      });
      return Promise.resolve({ total: top, rows, maxId: newest });
    });
    await pager.reload();
    pager.ensureRange(100, 120);
    await settle();
    newest = 300;
    corrected.add(249).add(140);
    const states: string[] = [];
    pager.subscribe(() => states.push(pager.getSnapshot().status));
    pager.refresh();
    await settle();
    expect(states.every((state) => state === 'ready')).toBe(true);
    expect(pager.rowAt(1)).toMatchObject({ id: 249, sentiment: 'negative' });
    expect(pager.rowAt(110)).toMatchObject({ id: 140, sentiment: 'negative' });
    expect(pager.getSnapshot().total).toBe(250);
    expect(asked.slice(-2)).toEqual([250, 250]);
  });

  it('refreshes once for calls in the same turn, only the pages around the view, and drops the rest', async () => {
    const asked: number[] = [];
    const pager = new MentionPager((offset, limit): Promise<MentionPage> => {
      asked.push(offset);
      const rows = Array.from({ length: limit }, (_, i) => testRow(5000 - offset - i, 'neutral'));
      return Promise.resolve({ total: 5000, rows, maxId: 5000 });
    });
    await pager.reload();
    for (const first of [1000, 2000, 3000]) {
      pager.ensureRange(first, first + 20);
      await settle();
    }
    asked.length = 0;
    pager.refresh();
    pager.refresh();
    await settle();
    await settle();
    expect(asked).toEqual([3000]);
    expect(pager.rowAt(1000)).toBeUndefined();
    expect(pager.rowAt(3010)?.id).toBe(1990);
  });

  it('shows a workflow change in the row at once, before any page is read again', async () => {
    const pager = new MentionPager((offset, limit): Promise<MentionPage> =>
      Promise.resolve({
        total: 300,
        rows: Array.from({ length: limit }, (_, i) => testRow(300 - offset - i, 'neutral')),
        maxId: 300,
      }),
    );
    await pager.reload();
    const before = pager.getSnapshot().version;
    pager.patch([{ id: 298, status: 'resolved', assignee: 'Anna', tags: ['pers'], version: 4 }]);
    expect(pager.rowAt(2)).toMatchObject({ id: 298, status: 'resolved', assignee: 'Anna', tags: ['pers'], version: 4 });
    expect(pager.rowAt(1)).toMatchObject({ id: 299, status: 'new' });
    expect(pager.getSnapshot().version).toBeGreaterThan(before);
  });
});
