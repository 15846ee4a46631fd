// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_PX, useFixedRows } from './useFixedRows';

/** A scroll area 400 px high (header 32, rows 36: rows 0..11 on screen at the top). */
function scroller(): { current: HTMLElement } {
  const element = document.createElement('div');
  Object.defineProperty(element, 'clientHeight', { value: 400 });
  return { current: element };
}

const options = (listKey: unknown, overscan = 16) => ({
  count: 1000,
  rowHeight: 36,
  headerHeight: 32,
  overscan,
  listKey,
});

describe('useFixedRows', () => {
  it('renders a new list’s rows on screen first and its overscan once that frame is painted', async () => {
    const ref = scroller();
    const first = { list: 'first' };
    const { result, rerender } = renderHook(({ listKey }) => useFixedRows(ref, options(listKey)), {
      initialProps: { listKey: first as unknown },
    });
    // The list the table opens with has its overscan at once.
    expect(result.current.first).toBe(0);
    expect(result.current.last).toBe(11 + 16);

    const second = { list: 'second' };
    rerender({ listKey: second });
    expect(result.current.last).toBe(11);
    await waitFor(() => expect(result.current.last).toBe(11 + 16));
    expect(result.current.totalSize).toBe(1000 * 36);
  });

  it('drops the overscan while asked (stale rows) and takes it back at once for the same list', () => {
    const ref = scroller();
    const list = { list: 'one' };
    const { result, rerender } = renderHook(({ overscan }) => useFixedRows(ref, options(list, overscan)), {
      initialProps: { overscan: 16 },
    });
    expect(result.current.last).toBe(27);
    rerender({ overscan: 0 });
    expect(result.current.last).toBe(11);
    rerender({ overscan: 16 });
    expect(result.current.last).toBe(27);
  });

  it('scrolls a list taller than a browser can in a scaled area, from its first row to its last', () => {
    const ref = scroller();
    const count = 1_000_000;
    const { result } = renderHook(() =>
      useFixedRows(ref, { count, rowHeight: 36, headerHeight: 32, overscan: 0, listKey: 'all' }),
    );
    expect(result.current.totalSize).toBe(MAX_SCROLL_PX);
    expect(result.current).toMatchObject({ first: 0, visibleFirst: 0, base: 0, layerTop: 0 });
    // Where row `index` stands below the header, in px from the top of the visible rows.
    const onScreen = (index: number) =>
      result.current.layerTop + (index - result.current.base) * 36 - ref.current.scrollTop;
    const scrollTo = (top: number) =>
      act(() => {
        ref.current.scrollTop = top;
        ref.current.dispatchEvent(new Event('scroll'));
      });

    // The end of the scroll area is the end of the list: the last row sits at the bottom edge (368 px of rows).
    scrollTo(MAX_SCROLL_PX + 32 - 400);
    expect(result.current.last).toBe(count - 1);
    expect(onScreen(count - 1)).toBe(368 - 36);

    // Halfway down the scroll area is halfway down the list, and a row asked for is brought on screen whole.
    scrollTo((MAX_SCROLL_PX + 32 - 400) / 2);
    expect(Math.abs(result.current.visibleFirst - count / 2)).toBeLessThan(10);
    act(() => result.current.scrollToIndex(123_456));
    act(() => void ref.current.dispatchEvent(new Event('scroll')));
    expect(result.current.visibleFirst).toBeLessThanOrEqual(123_456);
    expect(onScreen(123_456)).toBeGreaterThanOrEqual(0);
    expect(onScreen(123_456) + 36).toBeLessThanOrEqual(368);
    // Rows are placed from a base row near them, not millions of px down.
    expect(Math.abs((123_456 - result.current.base) * 36)).toBeLessThan(4096 * 36 + 400);

    // A page down moves a page of rows (332 px: the rows on screen less one), not `scale` pages.
    const before = result.current.visibleFirst;
    const key = new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, cancelable: true });
    act(() => void ref.current.dispatchEvent(key));
    act(() => void ref.current.dispatchEvent(new Event('scroll')));
    expect(key.defaultPrevented).toBe(true);
    expect(Math.abs(result.current.visibleFirst - before - 332 / 36)).toBeLessThanOrEqual(1);
    // So does the wheel: 360 px of rows.
    const wheel = new WheelEvent('wheel', { deltaY: 360, bubbles: true, cancelable: true });
    const at = result.current.visibleFirst;
    act(() => void ref.current.dispatchEvent(wheel));
    act(() => void ref.current.dispatchEvent(new Event('scroll')));
    expect(wheel.defaultPrevented).toBe(true);
    expect(Math.abs(result.current.visibleFirst - at - 10)).toBeLessThanOrEqual(1);
  });

  it('leaves the keys and the wheel to the browser in a list it can scroll itself', () => {
    const ref = scroller();
    renderHook(() => useFixedRows(ref, options('small')));
    const key = new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, cancelable: true });
    ref.current.dispatchEvent(key);
    expect(key.defaultPrevented).toBe(false);
  });
});
