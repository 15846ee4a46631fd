import { describe, expect, it } from 'vitest';
import { MentionPager, type MentionPage } from './mentionPager';
import { settle, testRow } from './pagerTesting';

/**
 * A view of `exact` mentions (ids exact..1, newest first) whose pages report `estimate` as an estimated
 * total, as the engine does for a large filter not counted yet; the exact count waits until released.
 */
function estimatingStore(exact: number, estimate: number) {
  const counts: number[] = [];
  const offsets: number[] = [];
  let release: (() => void) | null = null;
  let failCount = false;
  const fetchPage = (offset: number, limit: number): Promise<MentionPage> => {
    offsets.push(offset);
    const rows = Array.from({ length: Math.max(0, Math.min(limit, exact - offset)) }, (_, i) =>
      testRow(exact - offset - i),
    );
    const seen = offset + rows.length;
    // Never below what the page has seen (plus one when there are more), like the engine.
    const total = Math.max(estimate, seen < exact ? seen + 1 : seen);
    return Promise.resolve({ total, totalIsEstimate: true, rows, maxId: exact });
  };
  const countExact = (maxId: number): Promise<number> => {
    counts.push(maxId);
    if (failCount) return Promise.reject(new Error('engine busy'));
    return new Promise((resolve) => (release = () => resolve(exact)));
  };
  return {
    fetchPage,
    countExact,
    counts,
    offsets,
    finishCount() {
      release?.();
    },
    failCounts() {
      failCount = true;
    },
  };
}

describe('MentionPager with an estimated total', () => {
  it('shows the estimate, counts the snapshot in the background and takes a larger exact figure', async () => {
    const store = estimatingStore(250_000, 200_000);
    const pager = new MentionPager(store.fetchPage, { countExact: store.countExact });
    await pager.reload();
    expect(pager.getSnapshot()).toMatchObject({ status: 'ready', total: 200_000, totalIsEstimate: true });
    expect(store.counts).toEqual([250_000]);

    // The operator scrolls on while the count runs; the place is a row index within the same snapshot.
    pager.ensureRange(150_000, 150_020);
    await settle();
    const there = pager.rowAt(150_010)?.id;
    expect(there).toBe(250_000 - 150_010);

    store.finishCount();
    await settle();
    expect(pager.getSnapshot()).toMatchObject({ total: 250_000, totalIsEstimate: false });
    expect(pager.rowAt(150_010)?.id).toBe(there);
    expect(pager.rowAt(0)?.id).toBe(250_000);
    // Rows past the estimate can now be reached.
    pager.ensureRange(240_000, 240_020);
    await settle();
    expect(pager.rowAt(240_000)?.id).toBe(10_000);
  });

  it('counts beyond the rows it can show: the scroll area stays at maxRows, the matches are exact', async () => {
    const store = estimatingStore(250_000, 200_000);
    const pager = new MentionPager(store.fetchPage, { countExact: store.countExact, maxRows: 100_000 });
    await pager.reload();
    expect(pager.getSnapshot()).toMatchObject({ total: 100_000, matches: 200_000, totalIsEstimate: true });
    store.finishCount();
    await settle();
    expect(pager.getSnapshot()).toMatchObject({ total: 100_000, matches: 250_000, totalIsEstimate: false });
  });

  it('takes a smaller exact figure too, and counts only once per view', async () => {
    const store = estimatingStore(180_000, 210_000);
    const pager = new MentionPager(store.fetchPage, { countExact: store.countExact });
    await pager.reload();
    pager.ensureRange(1000, 1020);
    await settle();
    expect(pager.getSnapshot()).toMatchObject({ total: 210_000, totalIsEstimate: true });
    expect(store.counts).toHaveLength(1);
    store.finishCount();
    await settle();
    expect(pager.getSnapshot()).toMatchObject({ total: 180_000, totalIsEstimate: false });
    expect(pager.rowAt(1000)?.id).toBe(179_000);

    // A later page that again reports only an estimate (the engine forgot its counts) does not move it.
    pager.ensureRange(5000, 5020);
    await settle();
    expect(pager.getSnapshot()).toMatchObject({ total: 180_000, totalIsEstimate: false });
  });

  it('counts only after countDelayMs, and not at all once nobody shows the list', async () => {
    const store = estimatingStore(250_000, 200_000);
    const shown = new MentionPager(store.fetchPage, { countExact: store.countExact, countDelayMs: 30 });
    const unsubscribe = shown.subscribe(() => {});
    await shown.reload();
    expect(store.counts).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(store.counts).toEqual([250_000]);
    store.finishCount();
    await settle();
    expect(shown.getSnapshot()).toMatchObject({ total: 250_000, totalIsEstimate: false });
    unsubscribe();

    // Replaced by another filter before the delay ran out: its page's listener is gone, nothing is counted.
    const replaced = new MentionPager(store.fetchPage, { countExact: store.countExact, countDelayMs: 30 });
    const leave = replaced.subscribe(() => {});
    await replaced.reload();
    leave();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(store.counts).toEqual([250_000]);
    expect(replaced.getSnapshot()).toMatchObject({ total: 200_000, totalIsEstimate: true });
  });

  it('reads nothing ahead of a list that has not moved yet', async () => {
    const store = estimatingStore(10_000, 10_000);
    const pager = new MentionPager(store.fetchPage, { prefetchPages: 2 });
    await pager.reload();
    pager.ensureRange(0, 40);
    await settle();
    expect(store.offsets).toEqual([0]);
    // The first move down reads ahead.
    pager.ensureRange(1, 41);
    await settle();
    expect(store.offsets).toEqual([0, 100, 200]);
  });

  it('grows an estimate that later pages outrun, and keeps the estimate when counting fails', async () => {
    const store = estimatingStore(5000, 1000);
    store.failCounts();
    const pager = new MentionPager(store.fetchPage, { countExact: store.countExact, prefetchPages: 0 });
    await pager.reload();
    expect(pager.getSnapshot()).toMatchObject({ total: 1000, totalIsEstimate: true });
    await settle();
    pager.ensureRange(900, 999);
    await settle();
    expect(pager.getSnapshot()).toMatchObject({ total: 1001, totalIsEstimate: true });
    expect(pager.getSnapshot().error).toBeNull();
  });

  it('counts a large view again after its rows changed', async () => {
    const store = estimatingStore(50_000, 40_000);
    const pager = new MentionPager(store.fetchPage, { countExact: store.countExact });
    await pager.reload();
    store.finishCount();
    await settle();
    expect(pager.getSnapshot().totalIsEstimate).toBe(false);
    pager.refresh();
    await settle();
    expect(store.counts).toEqual([50_000, 50_000]);
  });

  it('fetches a page ahead in the direction of scrolling', async () => {
    const store = estimatingStore(10_000, 10_000);
    const pager = new MentionPager(store.fetchPage, { prefetchPages: 1 });
    await pager.reload();
    pager.ensureRange(300, 330);
    await settle();
    expect(store.offsets).toEqual([0, 300, 400]);
    pager.ensureRange(250, 280);
    await settle();
    expect(store.offsets.slice(3)).toEqual([200, 100]);
  });

  it('reads nothing around a jump, but reads ahead where a steady drag lands next', async () => {
    const store = estimatingStore(100_000, 100_000);
    const pager = new MentionPager(store.fetchPage, { prefetchPages: 2 });
    await pager.reload();
    // A click in the scrollbar's track: only the page on screen.
    pager.ensureRange(10_020, 10_050);
    await settle();
    expect(store.offsets).toEqual([0, 10_000]);
    // Dragged on by a similar step the same way: the place after this one is read ahead too.
    pager.ensureRange(20_020, 20_050);
    await settle();
    expect(store.offsets.slice(2)).toEqual([20_000, 30_000]);
    // Rows in view come first when the range spans two pages.
    pager.ensureRange(80_090, 80_130);
    await settle();
    expect(store.offsets.slice(4, 6)).toEqual([80_100, 80_000]);
  });

  it('tells moves by the first row on screen, so rows drawn around it a frame later do not read as a step back', async () => {
    const store = estimatingStore(100_000, 100_000);
    const pager = new MentionPager(store.fetchPage, { prefetchPages: 2 });
    await pager.reload();
    // A drag's jump, drawn first without overscan and a frame later with it (16 rows more each side).
    pager.ensureRange(10_020, 10_050);
    pager.ensureRange(10_004, 10_066, 10_020);
    await settle();
    // The next step of the drag still reads ahead where it lands after that.
    pager.ensureRange(20_020, 20_050);
    await settle();
    expect(store.offsets).toEqual([0, 10_000, 20_000, 30_000]);
  });

  it('takes a short page as the end of the view, even before the count answers', async () => {
    const store = estimatingStore(250, 1000);
    const pager = new MentionPager(store.fetchPage, { countExact: store.countExact });
    await pager.reload();
    expect(pager.getSnapshot()).toMatchObject({ total: 1000, totalIsEstimate: true });
    pager.ensureRange(200, 260);
    await settle();
    expect(pager.getSnapshot()).toMatchObject({ total: 250, totalIsEstimate: false });
    expect(pager.rowAt(249)?.id).toBe(1);
  });
});
