import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/**
 * The tallest scroll area a list uses (px). A browser cannot make a box much taller (Chromium some 33.5 million
 * px, Firefox 17.9 million): a longer list scrolls a scaled area, where a px of scroll moves `scale` px of rows.
 */
export const MAX_SCROLL_PX = 16_000_000;
/** In a scaled list the rows are placed from a base row (a multiple of this), so their offsets stay small. */
const BASE_ROWS = 4096;

export interface FixedRows {
  /** First and last row to render (the visible ones plus overscan); last is -1 when there are none. */
  first: number;
  last: number;
  /** The first row on screen (below the header). */
  visibleFirst: number;
  /** Height of the scroll area below the header: all rows, or MAX_SCROLL_PX for a longer list. */
  totalSize: number;
  /**
   * Where rows go: row `index` at `(index - base) * rowHeight` in a layer placed `layerTop` px down the scroll
   * area. Both 0 unless the list is scaled; then the layer moves with the scroll so that the rows on screen are
   * the ones the scaled position names.
   */
  base: number;
  layerTop: number;
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

  const viewport = Math.max(0, view.height - headerHeight);
  const scale = scaleOf(count * rowHeight, viewport);
  // The rows' own scroll position: the scroll area's, scaled.
  const rowsTop = scale === 1 ? view.top : Math.floor(view.top * scale);
  const visibleFirst = Math.floor(rowsTop / rowHeight);
  const visibleLast = Math.ceil((rowsTop + viewport) / rowHeight);
  const first = count === 0 ? 0 : Math.min(count - 1, Math.max(0, visibleFirst - overscanNow));
  const last = count === 0 ? -1 : Math.min(count - 1, visibleLast + overscanNow);
  const base = scale === 1 ? 0 : Math.floor(first / BASE_ROWS) * BASE_ROWS;
  const layerTop = scale === 1 ? 0 : view.top - rowsTop + base * rowHeight;

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      if (!element) return;
      // Row `index` spans [index·rowHeight, +rowHeight) of the rows; they show between the sticky header and the
      // bottom edge. In a scaled list the scroll position is found back from the rows' (rounded so the row is whole).
      const { viewport: shown, scale: k } = scrolledArea(element, count * rowHeight, headerHeight);
      const now = k === 1 ? element.scrollTop : Math.floor(element.scrollTop * k);
      const top = index * rowHeight;
      if (top < now) element.scrollTop = Math.floor(top / k);
      else if (top + rowHeight > now + shown) element.scrollTop = Math.ceil((top + rowHeight - shown) / k);
    },
    [scrollRef, count, rowHeight, headerHeight],
  );

  // A scaled list moves by rows, not by scroll px, for the wheel and a page key: a native step there would
  // move `scale` times as far (a page down skipping rows). Other lists keep the browser's own (threaded) scrolling.
  const scaled = scale !== 1;
  useEffect(() => {
    const element = scrollRef.current;
    if (!element || !scaled) return;
    let carry = 0;
    const move = (px: number) => {
      const k = scrolledArea(element, count * rowHeight, headerHeight).scale;
      const want = element.scrollTop + (px + carry) / k;
      const next = Math.round(want);
      carry = (want - next) * k;
      element.scrollTop = next;
    };
    const page = () => Math.max(rowHeight, scrolledArea(element, count * rowHeight, headerHeight).viewport - rowHeight);
    const onWheel = (event: WheelEvent) => {
      if (event.ctrlKey || event.deltaY === 0) return;
      event.preventDefault();
      move(
        event.deltaMode === 1 ? event.deltaY * rowHeight : event.deltaMode === 2 ? event.deltaY * page() : event.deltaY,
      );
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const down = event.key === 'PageDown' || (event.key === ' ' && !event.shiftKey);
      const up = event.key === 'PageUp' || (event.key === ' ' && event.shiftKey);
      if (!down && !up) return;
      const target = event.target as HTMLElement;
      if (target !== element && target.getAttribute('role') !== 'row') return;
      event.preventDefault();
      move(down ? page() : -page());
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    element.addEventListener('keydown', onKeyDown);
    return () => {
      element.removeEventListener('wheel', onWheel);
      element.removeEventListener('keydown', onKeyDown);
    };
  }, [scrollRef, scaled, count, rowHeight, headerHeight]);

  return {
    first,
    last,
    visibleFirst,
    totalSize: Math.min(count * rowHeight, MAX_SCROLL_PX),
    base,
    layerTop,
    scrollToIndex,
  };
}

/** The rows' viewport in `element` as it is now (below the sticky header), and its scale for rows of `size` px. */
function scrolledArea(element: HTMLElement, size: number, headerHeight: number): { viewport: number; scale: number } {
  const viewport = Math.max(0, element.clientHeight - headerHeight);
  return { viewport, scale: scaleOf(size, viewport) };
}

/**
 * Px of rows per px of scroll: 1 up to MAX_SCROLL_PX, else what makes the end of the scroll area the end of the
 * rows (the last row at the bottom edge).
 */
function scaleOf(size: number, viewport: number): number {
  const area = Math.min(size, MAX_SCROLL_PX);
  return size > area && area > viewport ? (size - viewport) / (area - viewport) : 1;
}
