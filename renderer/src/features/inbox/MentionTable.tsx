import { useTable } from '@tanstack/react-table';
import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionRow } from '../../../../shared/domain/mention';
import { useFormat } from '../../i18n/format';
import { gridTemplate, MAX_WIDTH, MIN_WIDTH, visibleColumns, type ColumnId, type ColumnState } from './columnState';
import { rememberLabels } from '../../i18n/memo';
import { inboxColumns, inboxFeatures, type InboxRow } from './columns';
import type { MentionPager } from './mentionPager';
import { useListChanging } from './listChange';
import { useFixedRows } from './useFixedRows';
import { useLatestCallback } from './useLatestCallback';
import { useTopics } from '../topics/topicsStore';
import { useNow } from './useNow';

/** Fixed heights keep scrolling cheap (no measuring) and let the sticky header be accounted for exactly. */
export const ROW_HEIGHT = 36;
export const HEADER_HEIGHT = 32;
/**
 * Rows rendered beyond the visible ones: a PageDown or a fast flick still lands on rendered rows (the
 * browser can paint the new scroll position before the scroll event renders its rows; with 4 rows the
 * bench saw rows missing from the screen in 62 of 432 PageDown frames).
 */
const OVERSCAN = 16;
/** The table object renders the header; it holds no rows. */
const NO_ROWS: InboxRow[] = [];

interface MentionTableProps {
  /** The list; the table follows its pages itself (the page around it re-renders only when the list's state changes). */
  pager: MentionPager;
  /** The current row (j/k): exposed as aria-selected. */
  currentIndex: number | null;
  /** Bumped by the page when the current row moved by keyboard: it is scrolled into view and focused. */
  focusRequest: number;
  /** A click makes the row current and opens it, as in a mail client. */
  onActivate(index: number): void;
  /** The table's accessible name; search results say so. */
  label: string;
  columns: ColumnState;
  onResize(id: ColumnId, width: number): void;
  /** Marked in the text. */
  terms: RegExp | null;
  isSelected(id: number): boolean;
  toggleSelected(mention: MentionRow): void;
  /**
   * The rows are the previous list's, kept (dimmed, busy) until the new list's first page is there: a filter
   * or sort change swaps the rows in one frame instead of passing through an empty loading state.
   */
  stale?: boolean;
  /** Told to the grid as `data-list`: which list the rows are of (the bench waits for a new one). */
  listId?: number;
  /** Set to the first row on screen after each render: where j/k start when no row is current. */
  firstOnScreenRef?: RefObject<number>;
}

/** A header's right edge: drag it, or focus it and use the arrow keys, to change the column's width. */
function ResizeHandle({
  id,
  label,
  width,
  onResize,
}: {
  id: ColumnId;
  label: string;
  width: number;
  onResize(id: ColumnId, width: number): void;
}) {
  const start = useRef<{ x: number; width: number } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    start.current = { x: event.clientX, width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (start.current) onResize(id, start.current.width + event.clientX - start.current.x);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 40 : 10;
    if (event.key === 'ArrowLeft') onResize(id, width - step);
    else if (event.key === 'ArrowRight') onResize(id, width + step);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={MAX_WIDTH}
      tabIndex={0}
      className="column-resize"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (start.current = null)}
      onKeyDown={onKeyDown}
    />
  );
}

/**
 * A column's cell renderer, called with the row as the table would (the cells read `row.original` only).
 * Called as a function, not rendered as a component: the renderers are made anew whenever their context
 * changes (the selection, the search's words, the minute), and as component types that differ from the last
 * render React would remount every cell of every row, DOM and layout included.
 */
type CellRenderer = (props: { row: { original: InboxRow } }) => ReactNode;

interface CellSpec {
  id: string;
  className: string;
  Cell: CellRenderer;
  cellProps?: (mention: MentionRow) => { className?: string; title?: string };
}

interface BodyRowProps {
  index: number;
  /** Where the row goes in the rows' layer (px; see useFixedRows). */
  top: number;
  mention: MentionRow | undefined;
  current: boolean;
  checked: boolean;
  /** The visible columns' ids, cell renderers, classes and per-row cell props; a new array when the columns change. */
  cells: readonly CellSpec[];
  onActivate(index: number): void;
}

/**
 * One row of the body. Memoised: a page arriving or the view scrolling a row further renders only the rows
 * whose mention, place or state changed, not all fifty on screen. A list going stale (a sort or filter change
 * on its way) renders no row again: the grid says it (aria-busy, dimmed) and ignores clicks meanwhile.
 */
const BodyRow = memo(function BodyRow({ index, top, mention, current, checked, cells, onActivate }: BodyRowProps) {
  const original = { index, mention };
  return (
    <div
      role="row"
      data-index={index}
      aria-rowindex={index + 2}
      aria-selected={current}
      aria-busy={mention ? undefined : 'true'}
      tabIndex={-1}
      className={`mention-row${current ? ' mention-row--current' : ''}${checked ? ' mention-row--checked' : ''}${mention?.status === 'new' ? ' mention-row--unread' : ''}`}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      onClick={() => onActivate(index)}
    >
      {cells.map(({ id, className, Cell, cellProps }) => {
        const own = mention && cellProps ? cellProps(mention) : undefined;
        return (
          <div
            role="gridcell"
            key={id}
            data-column={id}
            className={`mention-cell ${className}${own?.className ? ` ${own.className}` : ''}`}
            title={own?.title}
          >
            {Cell({ row: { original } })}
          </div>
        );
      })}
    </div>
  );
});

/**
 * The inbox list: a virtualised ARIA grid over the pager. Only the rows on screen (plus overscan) exist
 * in the DOM; a row whose page has not arrived shows a skeleton for the frame or two it takes.
 */
export function MentionTable(props: MentionTableProps) {
  const { pager, currentIndex, focusRequest, onActivate, label, columns: columnState, terms } = props;
  const snapshot = useSyncExternalStore(pager.subscribe, pager.getSnapshot);
  const { t: translate } = useTranslation();
  // Every row asks for the same labels: answered once per language, not once per row.
  const t = useMemo(() => rememberLabels(translate), [translate]);
  const fmt = useFormat();
  const now = useNow(60_000);
  const scrollRef = useRef<HTMLDivElement>(null);

  // A list on its way that the page does not render yet (InboxPage's LIST_WAIT_MS) makes the rows stale too,
  // but keeps them all: the wait is short, and the new list's first render draws the rows on screen only.
  const changing = useListChanging((state) => state.changing);
  const stale = props.stale === true || changing;
  const rows = useFixedRows(scrollRef, {
    count: snapshot.total,
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    // Stale rows are left soon: the rows beyond the screen go while the new list's first page is on its way,
    // not when it has come (its first render then puts the new mentions in the rows on screen only).
    overscan: props.stale === true ? 0 : OVERSCAN,
    listKey: pager,
  });
  const { first, last, visibleFirst } = rows;
  const { firstOnScreenRef } = props;
  useLayoutEffect(() => {
    if (firstOnScreenRef) firstOnScreenRef.current = visibleFirst;
  }, [firstOnScreenRef, visibleFirst]);
  const items = useMemo(
    () => Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i),
    [first, last],
  );

  useEffect(() => {
    if (last >= 0) pager.ensureRange(first, last, visibleFirst);
  }, [pager, first, last, visibleFirst, snapshot.status, snapshot.total]);

  useEffect(() => {
    if (currentIndex === null || focusRequest === 0) return;
    rows.scrollToIndex(currentIndex);
    // The row exists only once the virtualiser has rendered it; focus it on the next frame.
    const frame = requestAnimationFrame(() => {
      const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${currentIndex}"]`);
      const focusInList =
        scrollRef.current?.contains(document.activeElement) || document.activeElement === document.body;
      if (row && focusInList) row.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
    // Only a keyboard move (a new focusRequest) scrolls; a click leaves the view where it is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const visible = visibleColumns(columnState);
  // Read once here for every row's chips; a renamed or recoloured topic renders the rows again.
  const topics = useTopics((state) => state.byId);
  const { isSelected, toggleSelected } = props;
  const columns = useMemo(
    () => inboxColumns({ t, fmt, now, terms, columns: columnState, topics, isSelected, toggleSelected }, visible),
    // `visible` is derived from columnState.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, fmt, now, terms, columnState, topics, isSelected, toggleSelected],
  );
  // The header only: the body's rows are rendered by BodyRow from the same column definitions.
  const table = useTable({ features: inboxFeatures, columns, data: NO_ROWS, getRowId: (row) => String(row.index) });
  const cells = useMemo(
    () =>
      table.getAllLeafColumns().map((column) => ({
        id: column.id,
        className: column.columnDef.meta?.className ?? '',
        Cell: column.columnDef.cell as CellRenderer,
        cellProps: column.columnDef.meta?.cellProps,
      })),
    // The table's columns follow `columns`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [columns],
  );
  // While the rows are stale a click does nothing: the list it would act on is being replaced. Read when
  // clicked, so the rows keep one handler and a list going stale or fresh renders none of them again.
  const activate = useLatestCallback((index: number) => {
    if (!stale) onActivate(index);
  });

  return (
    <div
      ref={scrollRef}
      className="mention-table"
      role="grid"
      aria-label={label}
      aria-rowcount={snapshot.total + 1}
      aria-colcount={visible.length + 1}
      aria-describedby="inbox-keyboard-hint"
      aria-readonly="true"
      aria-busy={stale ? 'true' : undefined}
      data-list={props.listId}
      tabIndex={0}
      style={{ ['--columns' as string]: gridTemplate(columnState) }}
    >
      <div role="rowgroup" className="mention-table__head">
        {table.getHeaderGroups().map((group) => (
          <div
            role="row"
            aria-rowindex={1}
            key={group.id}
            className="mention-row mention-row--head"
            style={{ height: HEADER_HEIGHT }}
          >
            {group.headers.map((header) => {
              const id = header.column.id as ColumnId | 'select';
              return (
                <div
                  role="columnheader"
                  key={header.id}
                  data-column={id}
                  className={`mention-cell ${header.column.columnDef.meta?.className ?? ''}`}
                  title={id === 'select' ? undefined : t(`inbox.columns.${id}`)}
                >
                  <span className="column-title">
                    <table.FlexRender header={header} />
                  </span>
                  {id !== 'select' && (
                    <ResizeHandle
                      id={id}
                      width={columnState.widths[id]}
                      label={t('inbox.columnMenu.resize', { column: t(`inbox.columns.${id}`) })}
                      onResize={props.onResize}
                    />
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div role="rowgroup" className="mention-table__body" style={{ height: rows.totalSize }}>
        <div
          role="presentation"
          className="mention-table__rows"
          style={rows.layerTop === 0 ? undefined : { transform: `translateY(${rows.layerTop}px)` }}
        >
          {items.map((index) => {
            const mention = pager.rowAt(index);
            return (
              <BodyRow
                key={index}
                index={index}
                top={(index - rows.base) * ROW_HEIGHT}
                mention={mention}
                current={index === currentIndex}
                checked={mention ? isSelected(mention.id) : false}
                cells={cells}
                onActivate={activate}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
