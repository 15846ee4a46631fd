import { useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { inboxColumns, inboxFeatures, type InboxRow } from './columns';
import type { MentionPager, PagerSnapshot } from './mentionPager';
import { useNow } from './useNow';

/** Fixed heights keep scrolling cheap (no measuring) and let the sticky header be accounted for exactly. */
export const ROW_HEIGHT = 36;
export const HEADER_HEIGHT = 32;

interface MentionTableProps {
  pager: MentionPager;
  snapshot: PagerSnapshot;
  selectedIndex: number | null;
  /** Bumped by the page when the selection moved by keyboard: the row is scrolled into view and focused. */
  focusRequest: number;
  /** A click selects the row and opens it, as in a mail client. */
  onActivate(index: number): void;
  /** The table's accessible name; search results say so. */
  label?: string;
}

export function MentionTable({ pager, snapshot, selectedIndex, focusRequest, onActivate, label }: MentionTableProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow(60_000);
  const scrollRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the hook re-renders on scroll by design
  const virtualizer = useVirtualizer({
    count: snapshot.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= 0) pager.ensureRange(first, last);
  }, [pager, first, last, snapshot.status, snapshot.total]);

  useEffect(() => {
    if (selectedIndex === null || focusRequest === 0) return;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    // The row exists only once the virtualiser has rendered it; focus it on the next frame.
    const frame = requestAnimationFrame(() => {
      const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${selectedIndex}"]`);
      if (row && scrollRef.current?.contains(document.activeElement)) row.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
    // Only a keyboard move (a new focusRequest) scrolls; a click leaves the view where it is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const columns = useMemo(() => inboxColumns(t, fmt, now), [t, fmt, now]);
  const data = useMemo<InboxRow[]>(
    () => items.map((item) => ({ index: item.index, mention: pager.rowAt(item.index) })),
    // `version` changes whenever a page arrives or leaves; the visible range is in first/last.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [pager, first, last, snapshot.version],
  );
  const table = useTable({ features: inboxFeatures, columns, data, getRowId: (row) => String(row.index) });
  const startOf = new Map(items.map((item) => [item.index, item.start - HEADER_HEIGHT]));

  return (
    <div
      ref={scrollRef}
      className="mention-table"
      role="table"
      aria-label={label ?? t('inbox.tableLabel')}
      aria-rowcount={snapshot.total + 1}
      aria-describedby="inbox-keyboard-hint"
      tabIndex={0}
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
            {group.headers.map((header) => (
              <div
                role="columnheader"
                key={header.id}
                className={`mention-cell ${header.column.columnDef.meta?.className ?? ''}`}
              >
                <span className="column-title">
                  <table.FlexRender header={header} />
                </span>
              </div>
            ))}
          </div>
        ))}
      </div>
      <div role="rowgroup" className="mention-table__body" style={{ height: virtualizer.getTotalSize() }}>
        {table.getRowModel().rows.map((row) => {
          const index = row.original.index;
          const mention = row.original.mention;
          const selected = index === selectedIndex;
          return (
            <div
              role="row"
              key={row.id}
              data-index={index}
              aria-rowindex={index + 2}
              aria-current={selected ? 'true' : undefined}
              aria-busy={mention ? undefined : 'true'}
              tabIndex={-1}
              className={`mention-row${selected ? ' mention-row--selected' : ''}${mention?.status === 'new' ? ' mention-row--unread' : ''}`}
              style={{ height: ROW_HEIGHT, transform: `translateY(${startOf.get(index) ?? 0}px)` }}
              onClick={() => onActivate(index)}
            >
              {row.getAllCells().map((cell) => (
                <div
                  role="cell"
                  key={cell.id}
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
