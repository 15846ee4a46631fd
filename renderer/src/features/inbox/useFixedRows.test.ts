// @vitest-environment happy-dom
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFixedRows } from './useFixedRows';

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
});
