import { describe, expect, it } from 'vitest';
import type { MentionRow } from '../../../../shared/domain/mention';
import { ApiError } from '../../api/client';
import { MentionPager, type MentionPage } from './mentionPager';
import { settle, testRow } from './pagerTesting';

/** A store of `count` mentions, newest (highest id) first, that records every page asked for. */
function fakeStore(count: number) {
  let newest = count;
  const requests: { offset: number; limit: number; maxId?: number }[] = [];
  const pending: (() => void)[] = [];
  let hold = false;
  let failNext: ApiError | null = null;
  const fetchPage = (offset: number, limit: number, maxId: number | undefined): Promise<MentionPage> => {
    requests.push({ offset, limit, maxId });
    const answer = (): MentionPage => {
      const top = Math.min(newest, maxId ?? newest);
      const rows: MentionRow[] = [];
      for (let i = offset; i < Math.min(offset + limit, top); i++) rows.push(testRow(top - i));
      return { total: top, rows, maxId: newest };
    };
    if (failNext) {
      const error = failNext;
      failNext = null;
      return Promise.reject(error);
    }
    if (!hold) return Promise.resolve(answer());
    return new Promise((resolve) => pending.push(() => resolve(answer())));
  };
  return {
    fetchPage,
    requests,
    add(n: number) {
      newest += n;
    },
    holdAnswers() {
      hold = true;
    },
    releaseAnswers() {
      hold = false;
      pending.splice(0).forEach((release) => release());
    },
    failWith(error: ApiError) {
      failNext = error;
    },
  };
}

describe('MentionPager', () => {
  it('opens on the first page of 100 and sizes the view from the total', async () => {
    const store = fakeStore(3000);
    const pager = new MentionPager(store.fetchPage);
    await pager.reload();
    expect(store.requests).toEqual([{ offset: 0, limit: 100 }]);
    expect(pager.getSnapshot()).toMatchObject({ status: 'ready', total: 3000, pendingNew: 0 });
    expect(pager.rowAt(0)?.id).toBe(3000);
    expect(pager.rowAt(100)).toBeUndefined();
  });

  it('fetches only the pages the visible rows need, once each', async () => {
    const store = fakeStore(3000);
    const pager = new MentionPager(store.fetchPage);
    await pager.reload();
    pager.ensureRange(250, 320);
    pager.ensureRange(260, 330); // same pages, already on their way
    await settle();
    expect(store.requests.map((r) => r.offset)).toEqual([0, 200, 300]);
    expect(pager.rowAt(250)?.id).toBe(3000 - 250);
    expect(pager.rowAt(320)?.id).toBe(3000 - 320);
  });

  it('keeps the operator in place when mentions arrive, and lines later pages up with the old view', async () => {
    const store = fakeStore(3000);
    const pager = new MentionPager(store.fetchPage);
    await pager.reload();
    store.add(3);
    pager.noteAdded(3);
    expect(pager.getSnapshot()).toMatchObject({ total: 3000, pendingNew: 3 });
    expect(pager.rowAt(0)?.id).toBe(3000);

    pager.ensureRange(100, 150);
    await settle();
    expect(store.requests.at(-1)).toEqual({ offset: 100, limit: 100, maxId: 3000 });
    // Row 100 of the view is still the 101st newest mention of the view the operator opened.
    expect(pager.rowAt(100)?.id).toBe(2900);
    expect(pager.getSnapshot().total).toBe(3000);
  });

  it('shows the new mentions from the top when asked', async () => {
    const store = fakeStore(3000);
    const pager = new MentionPager(store.fetchPage);
    await pager.reload();
    store.add(5);
    pager.noteAdded(5);
    await pager.reload();
    expect(pager.getSnapshot()).toMatchObject({ total: 3005, pendingNew: 0 });
    expect(pager.rowAt(0)?.id).toBe(3005);
  });

  it('fills an empty inbox at once when the first mentions arrive', async () => {
    const store = fakeStore(0);
    const pager = new MentionPager(store.fetchPage);
    await pager.reload();
    expect(pager.getSnapshot()).toMatchObject({ status: 'ready', total: 0 });
    store.add(40);
    pager.noteAdded(40);
    await settle();
    expect(pager.getSnapshot()).toMatchObject({ status: 'ready', total: 40, pendingNew: 0 });
  });

  it('holds at most keepPages pages, dropping the ones farthest from view', async () => {
    const store = fakeStore(10_000);
    const pager = new MentionPager(store.fetchPage, { keepPages: 5 });
    await pager.reload();
    for (let page = 1; page < 30; page++) {
      pager.ensureRange(page * 100, page * 100 + 30);
      await settle();
    }
    expect(pager.loadedPageCount()).toBeLessThanOrEqual(5);
    expect(pager.rowAt(2915)?.id).toBe(10_000 - 2915);
    expect(pager.rowAt(0)).toBeUndefined();
  });

  it('caps the scroll area at maxRows, and still says how many mentions the view matches', async () => {
    const pager = new MentionPager(fakeStore(2_000_000).fetchPage, { maxRows: 500_000 });
    await pager.reload();
    expect(pager.getSnapshot()).toMatchObject({ total: 500_000, matches: 2_000_000 });
  });

  it('reports a failed first page as an error the page can retry', async () => {
    const store = fakeStore(300);
    const pager = new MentionPager(store.fetchPage);
    store.failWith(new ApiError('unavailable', 'Watchpost at http://127.0.0.1:1 cannot be reached', 'mentions.list'));
    await pager.reload();
    expect(pager.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'unavailable' } });
    await pager.reload();
    expect(pager.getSnapshot()).toMatchObject({ status: 'ready', total: 300, error: null });
  });

  it('ignores pages that answer after the view was restarted', async () => {
    const store = fakeStore(3000);
    const pager = new MentionPager(store.fetchPage);
    await pager.reload();
    store.holdAnswers();
    pager.ensureRange(500, 520);
    store.add(10);
    const restarted = pager.reload();
    store.releaseAnswers();
    await restarted;
    await settle();
    // Page 5 of the old view must not land in the new one, where it would be 10 rows off.
    expect(pager.rowAt(500)).toBeUndefined();
    expect(pager.rowAt(0)?.id).toBe(3010);
  });

  it('keeps its list state the same object while pages of rows arrive, so the page around the table stays put', async () => {
    const store = fakeStore(10_000);
    const pager = new MentionPager(store.fetchPage);
    await pager.reload();
    const state = pager.getListState();
    const version = pager.getSnapshot().version;
    pager.ensureRange(3000, 3030);
    await settle();
    expect(pager.getSnapshot().version).toBeGreaterThan(version);
    expect(pager.rowAt(3000)?.id).toBe(7000);
    expect(pager.getListState()).toBe(state);
    store.add(5);
    pager.noteAdded(5);
    expect(pager.getListState()).not.toBe(state);
    expect(pager.getListState()).toMatchObject({ status: 'ready', total: 10_000, pendingNew: 5 });
  });

  it('starts once: a list started by a control is not started again by the render that shows it', async () => {
    const store = fakeStore(300);
    const pager = new MentionPager(store.fetchPage);
    pager.start();
    pager.start();
    await settle();
    expect(store.requests.map((r) => r.offset)).toEqual([0]);
    expect(pager.getListState().status).toBe('ready');
  });
});
