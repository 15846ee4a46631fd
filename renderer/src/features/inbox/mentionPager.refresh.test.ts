import { describe, expect, it } from 'vitest';
import type { MentionRow } from '../../../../shared/domain/mention';
import { MentionPager, type MentionPage } from './mentionPager';

const row = (id: number, sentiment: MentionRow['sentiment']): MentionRow => ({
  id,
  channel: 'x',
  author: { handle: `user${id}`, displayName: null, followers: 0 },
  text: `mention ${id}`,
  url: null,
  createdAt: new Date(Date.UTC(2026, 0, 1) + id * 60_000).toISOString(),
  lang: 'nl',
  sentiment,
  sentimentScore: 0,
  status: 'new',
  assignee: null,
  priority: 0,
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

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
        return row(id, corrected.has(id) ? 'negative' : 'neutral');
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
});
