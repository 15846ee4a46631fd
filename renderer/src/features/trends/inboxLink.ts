import type { Bucket, InboxFilter } from '../../../../shared/api/trends';

/**
 * The inbox deep link agreed between trends and inbox: `#/inbox?filter=<JSON>`, where the JSON is the
 * `mentions.list` filter. The inbox counts exactly the mentions a panel counted for the same filter.
 */
export function inboxHref(filter: InboxFilter): string {
  return `#/inbox?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

/** The filter of one point: a series' filter narrowed to one bucket's `[start, end)`. */
export function pointFilter(series: InboxFilter, bucket: Bucket, extra: Partial<InboxFilter> = {}): InboxFilter {
  return { ...series, ...extra, from: bucket.start, to: bucket.end };
}
