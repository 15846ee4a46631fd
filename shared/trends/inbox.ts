import type { Bucket, InboxFilter } from '../api/trends';

/** The `mentions.list` filter of one point: a series' filter limited to one bucket. */
export function inboxFilterFor(series: InboxFilter, bucket: Bucket): InboxFilter {
  return { ...series, from: bucket.start, to: bucket.end };
}

/** The inbox deep link (agreed between areas) that opens the inbox on exactly these mentions. */
export function inboxLink(filter: InboxFilter): string {
  return `#/inbox?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}
