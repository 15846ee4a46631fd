import { createColumnHelper, metaHelper, tableFeatures } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { MentionRow } from '../../../../shared/domain/mention';
import { ChannelLabel, SentimentLabelView, StatusLabel } from '../../components/MentionLabels';
import type { Formatters } from '../../i18n/format';
import { TopicChips } from '../topics/TopicChips';

/** One row slot of the virtual list: its position, and the mention once its page has arrived. */
export interface InboxRow {
  index: number;
  mention: MentionRow | undefined;
}

interface InboxColumnMeta {
  /** Class on both header and cells: sets alignment and the column's track in the CSS grid. */
  className: string;
}

export const inboxFeatures = tableFeatures({ columnMeta: metaHelper<InboxColumnMeta>() });

const helper = createColumnHelper<typeof inboxFeatures, InboxRow>();

/** The name people know; the handle (always unique) is in the tooltip and the detail pane. */
function AuthorName({ author }: { author: MentionRow['author'] }) {
  const handle = `@${author.handle}`;
  return (
    <span className="author__name" title={author.displayName ? `${author.displayName} ${handle}` : handle}>
      {author.displayName ?? handle}
    </span>
  );
}

/** The inbox columns; rebuilt when the language changes, since headers and dates are in it. */
export function inboxColumns(t: TFunction, fmt: Formatters, now: Date) {
  const loaded = (render: (mention: MentionRow) => ReactNode) =>
    function Cell({ row }: { row: { original: InboxRow } }) {
      const mention = row.original.mention;
      return mention ? render(mention) : <span className="skeleton" aria-hidden="true" />;
    };
  return helper.columns([
    helper.display({
      id: 'time',
      header: () => t('inbox.columns.time'),
      meta: { className: 'col-time numeric' },
      cell: loaded((m) => (
        <time dateTime={m.createdAt} title={fmt.dateTime(m.createdAt)}>
          {fmt.listTime(m.createdAt, now)}
        </time>
      )),
    }),
    helper.display({
      id: 'channel',
      header: () => t('inbox.columns.channel'),
      meta: { className: 'col-channel' },
      cell: loaded((m) => <ChannelLabel channel={m.channel} />),
    }),
    helper.display({
      id: 'author',
      header: () => t('inbox.columns.author'),
      meta: { className: 'col-author' },
      cell: loaded((m) => <AuthorName author={m.author} />),
    }),
    helper.display({
      id: 'text',
      header: () => t('inbox.columns.text'),
      meta: { className: 'col-text' },
      cell: loaded((m) => <span className="mention-text">{m.text}</span>),
    }),
    helper.display({
      id: 'sentiment',
      header: () => t('inbox.columns.sentiment'),
      meta: { className: 'col-sentiment' },
      cell: loaded((m) => <SentimentLabelView sentiment={m.sentiment} />),
    }),
    helper.display({
      id: 'topics',
      header: () => t('topics.column'),
      meta: { className: 'col-topics' },
      cell: loaded((m) => <TopicChips ids={m.topicIds} max={2} />),
    }),
    helper.display({
      id: 'status',
      header: () => t('inbox.columns.status'),
      meta: { className: 'col-status' },
      cell: loaded((m) => <StatusLabel status={m.status} />),
    }),
    helper.display({
      id: 'priority',
      header: () => t('inbox.columns.priority'),
      meta: { className: 'col-priority numeric' },
      cell: loaded((m) => fmt.number(m.priority)),
    }),
  ]);
}
