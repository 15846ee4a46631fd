import { createColumnHelper, metaHelper, tableFeatures } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { Topic } from '../../../../shared/api/topics';
import type { MentionRow } from '../../../../shared/domain/mention';
import { channelLabel, sentimentLabel, statusLabel } from '../../components/MentionLabels';
import type { Formatters } from '../../i18n/format';
import { OperatorAvatar } from '../operators/OperatorAvatar';
import { topicChips } from '../topics/TopicChips';
import type { ColumnId, ColumnState } from './columnState';
import { highlight } from './highlight';

/** One row slot of the virtual list: its position, and the mention once its page has arrived. */
export interface InboxRow {
  index: number;
  mention: MentionRow | undefined;
}

interface InboxColumnMeta {
  /** Class on both header and cells: alignment, and `col--compact` when the column is narrow. */
  className: string;
  /**
   * A row's own class and tooltip on its cell, where they would otherwise need an element inside it (each element
   * on a row is built, styled, laid out and painted some 25 times over when a new list shows).
   */
  cellProps?: (mention: MentionRow) => { className?: string; title?: string };
}

export const inboxFeatures = tableFeatures({ columnMeta: metaHelper<InboxColumnMeta>() });

const helper = createColumnHelper<typeof inboxFeatures, InboxRow>();

/** Below this width a label column shows its icon only (the word stays for screen readers and the tooltip). */
const COMPACT_BELOW = 60;

/** What the cells need besides the row. */
export interface ColumnContext {
  t: TFunction;
  fmt: Formatters;
  now: Date;
  /** The search's words, marked in the text. */
  terms: RegExp | null;
  columns: ColumnState;
  /** The workspace's topics by id (the topics store's, read once by the table). */
  topics: ReadonlyMap<number, Pick<Topic, 'name' | 'colour'>>;
  isSelected(id: number): boolean;
  toggleSelected(mention: MentionRow): void;
}

/** One compact formatter per locale: making an Intl.NumberFormat per row cost more than the row's other cells. */
const compactFormats = new Map<string, Intl.NumberFormat>();

function compactNumber(locale: string, value: number): string {
  let format = compactFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    compactFormats.set(locale, format);
  }
  return format.format(value);
}

/**
 * The label cells' elements (channel, sentiment, status, assignee), one per value and translation function:
 * handed the same element as before, React skips the cell's content, so a new list's rows or a dimmed old list
 * do not build some hundred labels again for the few values they show.
 */
const labelElements = new WeakMap<TFunction, Map<string, ReactNode>>();

/** Row labels draw their icons as background images: an inline SVG per row costs every frame (FlatIcon.tsx). */
const FLAT = { flat: true };

function sameLabel(t: TFunction, key: string, make: () => ReactNode): ReactNode {
  let labels = labelElements.get(t);
  if (!labels) {
    labels = new Map();
    labelElements.set(t, labels);
  }
  let label = labels.get(key);
  if (label === undefined) {
    label = make();
    labels.set(key, label);
  }
  return label;
}

const reachOf = (mention: MentionRow, ctx: ColumnContext) =>
  ctx.t('inbox.reach', { formatted: ctx.fmt.number(mention.author.followers) });

/** Name and reach: who is talking and how many hear it (the cell, `.col-author`, lays them out; its tooltip adds the handle). */
function author(mention: MentionRow, ctx: ColumnContext) {
  const { author } = mention;
  return (
    <>
      <span className="author__name">{author.displayName ?? `@${author.handle}`}</span>
      <span className="author__reach numeric" aria-label={reachOf(mention, ctx)}>
        {compactNumber(ctx.fmt.locale, author.followers)}
      </span>
    </>
  );
}

function authorTitle(mention: MentionRow, ctx: ColumnContext) {
  const handle = `@${mention.author.handle}`;
  return `${mention.author.displayName ?? handle} ${handle} · ${reachOf(mention, ctx)}`;
}

/** Every column the inbox can show, by id; the operator's column state picks and orders them. */
function allColumns(ctx: ColumnContext) {
  const { t, fmt, now } = ctx;
  const loaded = (render: (mention: MentionRow) => ReactNode) =>
    function Cell({ row }: { row: { original: InboxRow } }) {
      const mention = row.original.mention;
      return mention ? render(mention) : <span className="skeleton" aria-hidden="true" />;
    };
  const compact = (id: ColumnId) => (ctx.columns.widths[id] < COMPACT_BELOW ? ' col--compact' : '');
  return {
    select: helper.display({
      id: 'select',
      header: () => <span className="visually-hidden">{t('inbox.columns.select')}</span>,
      meta: { className: 'col-select' },
      cell: loaded((m) => (
        <input
          type="checkbox"
          className="row-check"
          checked={ctx.isSelected(m.id)}
          onChange={() => ctx.toggleSelected(m)}
          onClick={(event) => event.stopPropagation()}
          aria-label={t('inbox.selectRow', { author: m.author.displayName ?? `@${m.author.handle}` })}
          tabIndex={-1}
        />
      )),
    }),
    time: helper.display({
      id: 'time',
      header: () => t('inbox.columns.time'),
      meta: { className: 'col-time numeric' },
      cell: loaded((m) => (
        <time dateTime={m.createdAt} title={fmt.dateTime(m.createdAt)}>
          {fmt.listTime(m.createdAt, now)}
        </time>
      )),
    }),
    channel: helper.display({
      id: 'channel',
      header: () => t('inbox.columns.channel'),
      meta: { className: `col-channel${compact('channel')}` },
      cell: loaded((m) => sameLabel(t, `channel:${m.channel}`, () => channelLabel(m.channel, t, FLAT))),
    }),
    author: helper.display({
      id: 'author',
      header: () => t('inbox.columns.author'),
      meta: { className: 'col-author', cellProps: (m) => ({ title: authorTitle(m, ctx) }) },
      cell: loaded((m) => author(m, ctx)),
    }),
    text: helper.display({
      id: 'text',
      header: () => t('inbox.columns.text'),
      meta: { className: 'col-text mention-text' },
      cell: loaded((m) => highlight(m.text, ctx.terms)),
    }),
    sentiment: helper.display({
      id: 'sentiment',
      header: () => t('inbox.columns.sentiment'),
      meta: { className: `col-sentiment${compact('sentiment')}` },
      cell: loaded((m) => sameLabel(t, `sentiment:${m.sentiment}`, () => sentimentLabel(m.sentiment, t, FLAT))),
    }),
    topics: helper.display({
      id: 'topics',
      header: () => t('inbox.columns.topics'),
      meta: { className: 'col-topics' },
      cell: loaded((m) => topicChips(m.topicIds, ctx.topics, t, 1)),
    }),
    status: helper.display({
      id: 'status',
      header: () => t('inbox.columns.status'),
      meta: { className: `col-status${compact('status')}` },
      cell: loaded((m) => sameLabel(t, `status:${m.status}`, () => statusLabel(m.status, t, FLAT))),
    }),
    assignee: helper.display({
      id: 'assignee',
      header: () => t('inbox.columns.assignee'),
      meta: { className: `col-assignee${compact('assignee')}` },
      cell: loaded((m) =>
        m.assignee
          ? sameLabel(t, `assignee:${m.assignee}`, () => <OperatorAvatar name={m.assignee as string} size="sm" />)
          : sameLabel(t, 'unassigned', () => <span className="visually-hidden">{t('inbox.unassigned')}</span>),
      ),
    }),
    priority: helper.display({
      id: 'priority',
      header: () => t('inbox.columns.priority'),
      meta: {
        className: `col-priority numeric${compact('priority')}`,
        cellProps: (m) => (m.priority >= 70 ? { className: 'priority--high' } : {}),
      },
      cell: loaded((m) => fmt.number(m.priority)),
    }),
  };
}

/** The selection checkbox, then the operator's visible columns in their order. */
export function inboxColumns(ctx: ColumnContext, visible: readonly ColumnId[]) {
  const byId = allColumns(ctx);
  return helper.columns([byId.select, ...visible.map((id) => byId[id])]);
}
