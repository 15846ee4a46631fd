import { useSyncExternalStore } from 'react';
import { MentionFilter, MentionSort } from '../../../../shared/api/inbox';

/** A filter as the inbox link carries it: everything but the snapshot, which belongs to one reading. */
export type InboxFilter = Omit<MentionFilter, 'maxId'>;

/** What `#/inbox?...` asks the inbox to show. */
export interface InboxRoute {
  filter: InboxFilter;
  sort: MentionSort;
  /** The sidebar view the link came from ('view:3', 'topic:2'), so it can be marked as current. */
  view: string | null;
  /** A link that could not be read: the inbox says so and shows everything. */
  invalid: boolean;
}

/** Drops empty lists and blank values, so equal filters have equal links. */
export function normaliseFilter(filter: InboxFilter): InboxFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'maxId' || value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out as InboxFilter;
}

/**
 * The agreed inbox deep link: `#/inbox?filter=<encodeURIComponent(JSON.stringify(filter))>`, with the
 * sort and the sidebar view it belongs to when they are not the defaults. Other features (trends
 * click-through, saved views) build their links with this.
 */
export function inboxHref(filter: InboxFilter, options: { sort?: MentionSort; view?: string | null } = {}): string {
  const clean = normaliseFilter(filter);
  const parts: string[] = [];
  if (Object.keys(clean).length > 0) parts.push(`filter=${encodeURIComponent(JSON.stringify(clean))}`);
  if (options.sort && options.sort !== 'newest') parts.push(`sort=${options.sort}`);
  if (options.view) parts.push(`view=${encodeURIComponent(options.view)}`);
  return parts.length ? `#/inbox?${parts.join('&')}` : '#/inbox';
}

/** Reads an inbox link; anything it cannot read is reported as invalid and shows the whole inbox. */
export function parseInboxHash(hash: string): InboxRoute {
  const none: InboxRoute = { filter: {}, sort: 'newest', view: null, invalid: false };
  const match = /^#\/?inbox\?(.*)$/.exec(hash);
  if (!match) return none;
  const params = new URLSearchParams(match[1]);
  const sort = MentionSort.safeParse(params.get('sort') ?? 'newest');
  const route: InboxRoute = { ...none, sort: sort.success ? sort.data : 'newest', view: params.get('view') };
  const text = params.get('filter');
  if (text === null) return route;
  try {
    const parsed = MentionFilter.safeParse(JSON.parse(text));
    if (parsed.success) return { ...route, filter: normaliseFilter(parsed.data) };
  } catch {
    // not JSON: reported below
  }
  return { ...route, invalid: true };
}

function subscribeToHash(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

/** The inbox route of the current address; the hash string is the snapshot, parsed per render. */
export function useInboxHash(): string {
  return useSyncExternalStore(subscribeToHash, () => window.location.hash);
}
