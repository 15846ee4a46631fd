import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

export interface FixedRows {
  /** First and last row to render (the visible ones plus overscan); last is -1 when there are none. */
  first: number;
  last: number;
  /** The first row on screen (below the header). */
  visibleFirst: number;
  /** Height of all rows together (the scroll area below the header). */
  totalSize: number;
  /** Scrolls the least needed to show the row whole below the sticky header ('auto' alignment). */
  scrollToIndex(index: number): void;
}

/**
 * Which rows of a list of fixed-height rows are on screen: plain arithmetic on the scroll position, so a
 * list of half a million rows costs the same as one of ten (a general virtualiser measures every row
 * whenever the count changes: tens of ms at that size, on every new filter and every exact count). The
 * scroll position is rendered in the same frame it changes (flushSync), so rows never lag a frame behind.
 *
 * A new list (another `listKey`) first renders the rows on screen only; the overscan follows once that frame
 * is painted. The first rows of a new sort or filter then cost the rows the operator sees (some 22 of 38 at
 * the top of the list: their cells, layout and paint), not the ones kept ready for a scroll.
 */
export function useFixedRows(
  scrollRef: RefObject<HTMLElement | null>,
  options: {
    count: number;
    rowHeight: number;
    headerHeight: number;
    overscan: number;
    /** A new value is a different list: it starts at the top (in the same render, not a frame later). */
    listKey?: unknown;
  },
): FixedRows {
  const { count, rowHeight, headerHeight, overscan, listKey } = options;
  const [view, setView] = useState({ top: 0, height: 0 });
  const [shownKey, setShownKey] = useState(listKey);
  if (shownKey !== listKey) {
    // Adjusted while rendering: the first render of the new list already asks for its top rows.
    setShownKey(listKey);
    setView((old) => (old.top === 0 ? old : { ...old, top: 0 }));
  }
  // The list whose overscan is rendered: the one the hook started with, else a new one once it is painted.
  const [overscanFor, setOverscanFor] = useState(listKey);
  const overscanNow = overscanFor === listKey ? overscan : 0;
  useEffect(() => {
    if (overscanFor === listKey) return;
    // After the next frame (a timeout queued from its animation frame runs once it is painted), not in it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setOverscanFor(listKey), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [overscanFor, listKey]);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element && element.scrollTop !== 0) element.scrollTop = 0;
  }, [scrollRef, listKey]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const read = (sync: boolean) => {
      const next = { top: element.scrollTop, height: element.clientHeight };
      const apply = () => setView((old) => (old.top === next.top && old.height === next.height ? old : next));
      if (sync) flushSync(apply);
      else apply();
    };
    read(false);
    const onScroll = () => read(true);
    element.addEventListener('scroll', onScroll, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => read(false));
    resize?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      resize?.disconnect();
    };
  }, [scrollRef]);

  const visibleFirst = Math.floor(view.top / rowHeight);
  const visibleLast = Math.ceil((view.top + Math.max(0, view.height - headerHeight)) / rowHeight);
  const first = count === 0 ? 0 : Math.min(count - 1, Math.max(0, visibleFirst - overscanNow));
  const last = count === 0 ? -1 : Math.min(count - 1, visibleLast + overscanNow);

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      if (!element) return;
      // Row `index` spans [headerHeight + index·rowHeight, +rowHeight) of the scroll content; rows show
      // between the sticky header and the bottom edge.
      const top = headerHeight + index * rowHeight;
      if (top < element.scrollTop + headerHeight) element.scrollTop = top - headerHeight;
      else if (top + rowHeight > element.scrollTop + element.clientHeight)
        element.scrollTop = top + rowHeight - element.clientHeight;
    },
    [scrollRef, rowHeight, headerHeight],
  );

  return { first, last, visibleFirst, totalSize: count * rowHeight, scrollToIndex };
}
