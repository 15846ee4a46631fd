import { useSyncExternalStore } from 'react';
import type { MentionFilter } from '../../../../shared/api/inbox';
import { isMentionSort, type MentionSort } from '../../../../shared/domain/inbox';
import { preloadLater } from '../../preload';

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
  /** A filter not read yet: the reader (the API's zod schema) is still loading (`loadLinkReader`). */
  pending?: true;
}

/**
 * Reading a filter from a link checks it against the API's own schema (zod). The first screen does not load
 * zod and the API's schemas (~50 ms of the first paint here), so the reader loads on its own: ahead of use
 * once the first page has shown, at once when a link with a filter is read before that.
 */
let filterSchema: typeof MentionFilter | null = null;
let reader: Promise<void> | null = null;
/** The reader's state, for the components that read a link before it loaded (`useLinkReader`). */
type ReaderState = 'loading' | 'ready' | 'failed';
let readerState: ReaderState = 'loading';
const readerListeners = new Set<() => void>();

function setReaderState(state: ReaderState): void {
  readerState = state;
  for (const listener of readerListeners) listener();
}

/**
 * Loads the reader. A load that failed is forgotten, so the next call asks again; meanwhile a link with a
 * filter reads as invalid (the inbox says so and shows everything) rather than waiting for ever.
 */
export function loadLinkReader(): Promise<void> {
  reader ??= import('../../../../shared/api/inbox').then(
    (api) => {
      filterSchema = api.MentionFilter;
      setReaderState('ready');
    },
    (error: unknown) => {
      reader = null;
      setReaderState('failed');
      throw error;
    },
  );
  return reader;
}

preloadLater(loadLinkReader);

/** The parameters of an inbox link (`#/inbox?...`), or null for another address. */
function linkParams(hash: string): URLSearchParams | null {
  const match = /^#\/?inbox\?(.*)$/.exec(hash);
  return match ? new URLSearchParams(match[1]) : null;
}

/** Whether `hash` carries a filter, which needs the reader (`loadLinkReader`) to be read. */
export function needsLinkReader(hash: string): boolean {
  return filterSchema === null && linkParams(hash)?.has('filter') === true;
}

/** The reader's state: a component that read a pending link renders again when it changes. */
export function useLinkReader(): ReaderState {
  return useSyncExternalStore(
    (listener) => {
      readerListeners.add(listener);
      return () => readerListeners.delete(listener);
    },
    () => readerState,
  );
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
  const params = linkParams(hash);
  if (!params) return none;
  const sort = params.get('sort') ?? 'newest';
  const route: InboxRoute = { ...none, sort: isMentionSort(sort) ? sort : 'newest', view: params.get('view') };
  const text = params.get('filter');
  if (text === null) return route;
  if (filterSchema === null) {
    // Asked for again after a failed load; a failure is not reported twice (the state stays 'failed').
    loadLinkReader().catch(() => undefined);
    // While the reader cannot be loaded, the link cannot be checked and is not followed.
    return readerState === 'failed' ? { ...route, invalid: true } : { ...route, pending: true };
  }
  try {
    const parsed = filterSchema.safeParse(JSON.parse(text));
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

/** The saved view the current address is on (`view=`), or null: another sort or filter does not render its user. */
export function useInboxView(): string | null {
  return useSyncExternalStore(subscribeToHash, () => linkParams(window.location.hash)?.get('view') ?? null);
}
