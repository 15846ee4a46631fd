import type { MentionRow } from '../../../../shared/domain/mention';

/** A plain inbox row for the pager's tests: mention `id`, one minute after the one before it. */
export function testRow(id: number, sentiment: MentionRow['sentiment'] = 'neutral'): MentionRow {
  return {
    id,
    channel: 'x',
    author: { handle: `user${id}`, displayName: null, followers: 0 },
    text: `mention ${id}`,
    url: null,
    createdAt: new Date(Date.UTC(2026, 0, 1) + id * 60_000).toISOString(),
    lang: 'nl',
    sentiment,
    sentimentScore: 0,
    status: 'new',
    assignee: null,
    priority: 0,
  };
}

/** Lets the promises already resolved run their continuations. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
