import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { MentionPager, type MentionPage } from './mentionPager';
import { settle, testRow } from './pagerTesting';

/** 500,000 mentions whose pages answer only when released (a busy engine), or fail when told to. */
function slowStore() {
  const asked: number[] = [];
  const waiting: (() => void)[] = [];
  let failing = 0;
  const fetchPage = (offset: number, limit: number): Promise<MentionPage> => {
    asked.push(offset);
    if (failing > 0) {
      failing -= 1;
      return Promise.reject(new ApiError('internal', 'the engine stumbled', 'mentions.list'));
    }
    const answer = (): MentionPage => ({
      total: 500_000,
      rows: Array.from({ length: limit }, (_, i) => testRow(500_000 - offset - i)),
      maxId: 500_000,
    });
    if (asked.length === 1) return Promise.resolve(answer());
    return new Promise((resolve) => waiting.push(() => resolve(answer())));
  };
  return {
    fetchPage,
    asked,
    async releaseAll() {
      while (waiting.length) {
        waiting.splice(0).forEach((release) => release());
        await settle();
      }
    },
    failNext(times: number) {
      failing = times;
    },
  };
}

describe('MentionPager while the operator scrolls fast', () => {
  it('asks only for where the view is now, not for every place a scrollbar drag passed', async () => {
    const store = slowStore();
    const pager = new MentionPager(store.fetchPage, { prefetchPages: 2 });
    await pager.reload();
    // A drag from top to bottom: 60 positions, while the engine has not answered any page yet.
    for (let step = 1; step <= 60; step++) {
      const first = Math.floor((499_970 * step) / 60);
      pager.ensureRange(first, first + 30);
    }
    await store.releaseAll();
    // The first position's pages (at most 3 at once) and then the last position's, nothing in between.
    expect(store.asked.length).toBeLessThanOrEqual(1 + 3 + 3);
    expect(pager.rowAt(499_999)?.id).toBe(1);
    expect(pager.rowAt(499_970)?.id).toBe(30);
  });

  it('asks again for a page on screen that failed, so rows do not stay placeholders', async () => {
    const store = slowStore();
    const pager = new MentionPager(store.fetchPage);
    await pager.reload();
    store.failNext(1);
    pager.ensureRange(1000, 1030);
    await settle();
    expect(pager.getSnapshot().error?.message).toBe('the engine stumbled');
    expect(pager.rowAt(1000)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await store.releaseAll();
    expect(pager.rowAt(1000)?.id).toBe(499_000);
    expect(pager.getSnapshot().error).toBeNull();
  });
});
