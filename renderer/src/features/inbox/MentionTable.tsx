import { useTable } from '@tanstack/react-table';
import { useEffect, useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionRow } from '../../../../shared/domain/mention';
import { useFormat } from '../../i18n/format';
import { gridTemplate, MAX_WIDTH, MIN_WIDTH, visibleColumns, type ColumnId, type ColumnState } from './columnState';
import { inboxColumns, inboxFeatures, type InboxRow } from './columns';
import type { MentionPager, PagerSnapshot } from './mentionPager';
import { useFixedRows } from './useFixedRows';
import { useNow } from './useNow';

/** Fixed heights keep scrolling cheap (no measuring) and let the sticky header be accounted for exactly. */
export const ROW_HEIGHT = 36;
export const HEADER_HEIGHT = 32;
/** Rows rendered beyond the visible ones: a fast flick still lands on rendered rows. */
const OVERSCAN = 16;

interface MentionTableProps {
  pager: MentionPager;
  snapshot: PagerSnapshot;
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
 * The inbox list: a virtualised ARIA grid over the pager. Only the rows on screen (plus overscan) exist
 * in the DOM; a row whose page has not arrived shows a skeleton for the frame or two it takes.
 */
export function MentionTable(props: MentionTableProps) {
  const { pager, snapshot, currentIndex, focusRequest, onActivate, label, columns: columnState, terms } = props;
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow(60_000);
  const scrollRef = useRef<HTMLDivElement>(null);

  const rows = useFixedRows(scrollRef, {
    count: snapshot.total,
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    overscan: OVERSCAN,
  });
  const { first, last } = rows;
  const items = useMemo(
    () => Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i),
    [first, last],
  );

  useEffect(() => {
    if (last >= 0) pager.ensureRange(first, last);
  }, [pager, first, last, snapshot.status, snapshot.total]);

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
  const { isSelected, toggleSelected } = props;
  const columns = useMemo(
    () => inboxColumns({ t, fmt, now, terms, columns: columnState, isSelected, toggleSelected }, visible),
    // `visible` is derived from columnState.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, fmt, now, terms, columnState, isSelected, toggleSelected],
  );
  const data = useMemo<InboxRow[]>(
    () => items.map((index) => ({ index, mention: pager.rowAt(index) })),
    // `version` changes whenever a page arrives or leaves; the visible range is in first/last.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [pager, first, last, snapshot.version],
  );
  const table = useTable({ features: inboxFeatures, columns, data, getRowId: (row) => String(row.index) });

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
        {table.getRowModel().rows.map((row) => {
          const index = row.original.index;
          const mention = row.original.mention;
          const current = index === currentIndex;
          const checked = mention ? isSelected(mention.id) : false;
          return (
            <div
              role="row"
              key={row.id}
              data-index={index}
              aria-rowindex={index + 2}
              aria-selected={current}
              aria-busy={mention ? undefined : 'true'}
              tabIndex={-1}
              className={`mention-row${current ? ' mention-row--current' : ''}${checked ? ' mention-row--checked' : ''}${mention?.status === 'new' ? ' mention-row--unread' : ''}`}
              style={{ height: ROW_HEIGHT, transform: `translateY(${index * ROW_HEIGHT}px)` }}
              onClick={() => onActivate(index)}
            >
              {row.getAllCells().map((cell) => (
                <div
                  role="gridcell"
                  key={cell.id}
                  data-column={cell.column.id}
                  className={`mention-cell ${cell.column.columnDef.meta?.className ?? ''}`}
                >
                  <table.FlexRender cell={cell} />
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
