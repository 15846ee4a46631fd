import type { MentionRow } from '../../../../shared/domain/mention';
import { ApiError } from '../../api/client';

export interface MentionPage {
  total: number;
  rows: MentionRow[];
  /** The newest mention id of the store when the page was read: the view's snapshot. */
  maxId: number;
  /** Mentions newer than the snapshot that pass the view's filter, when the source can tell. */
  newerThanSnapshot?: number;
}

/** One page of the view; `maxId` (once known) keeps every later page inside the same snapshot. */
export type FetchMentionPage = (offset: number, limit: number, maxId: number | undefined) => Promise<MentionPage>;

export interface PagerSnapshot {
  status: 'loading' | 'ready' | 'error';
  /** Rows in the operator's current view of the inbox (sizes the scroll area). */
  total: number;
  /** Mentions that arrived since this view was taken; shown on request, never pushed in. */
  pendingNew: number;
  error: ApiError | null;
  /** Changes whenever any row arrives, so React knows to re-render. */
  version: number;
}

export interface PagerOptions {
  pageSize?: number;
  /** Pages kept in memory around the visible rows; the rest are dropped and fetched again when needed. */
  keepPages?: number;
  /**
   * A browser cannot scroll a box taller than ~33 million pixels; beyond this many rows the
   * inbox shows the newest ones and filters narrow it down.
   */
  maxRows?: number;
}

/**
 * The inbox's window onto the store: fetches pages of mentions as the operator scrolls and keeps
 * only the pages near the visible rows, so the renderer never holds the whole table.
 *
 * New mentions arriving do not move what the operator is looking at: they are counted for the
 * "N new" pill, and every later page is read from the same snapshot (mentions with an id up to the
 * one the first page saw), so page boundaries line up even when older posts are imported meanwhile.
 */
export class MentionPager {
  private readonly pageSize: number;
  private readonly keepPages: number;
  private readonly maxRows: number;
  private readonly pages = new Map<number, MentionRow[]>();
  private readonly inFlight = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private generation = 0;
  /** The pages last asked for: they stay when memory is trimmed. */
  private visiblePages: [number, number] = [0, 0];
  private snapshot: PagerSnapshot = { status: 'loading', total: 0, pendingNew: 0, error: null, version: 0 };
  /** Newest mention id in the view; undefined until the first page has answered. */
  private maxId: number | undefined;
  /** The source reports how many newer mentions pass the filter. */
  private countsNewer = false;

  constructor(
    private readonly fetchPage: FetchMentionPage,
    options: PagerOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 100;
    this.keepPages = options.keepPages ?? 20;
    this.maxRows = options.maxRows ?? 500_000;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PagerSnapshot => this.snapshot;

  /** Starts (or restarts) the view from the newest mention. */
  reload(): Promise<void> {
    this.generation += 1;
    this.pages.clear();
    this.inFlight.clear();
    this.visiblePages = [0, 0];
    this.maxId = undefined;
    this.update({ status: 'loading', total: 0, pendingNew: 0, error: null });
    return this.load(0, this.generation);
  }

  /**
   * Reads the pages in memory again from the same snapshot, in place: rows changed by the operator or a
   * background job (a correction, new topic tags) update without the view moving or flashing.
   */
  refresh(): void {
    if (this.snapshot.status !== 'ready') return;
    for (const page of this.pages.keys()) {
      if (!this.inFlight.has(page)) void this.load(page, this.generation);
    }
  }

  rowAt(index: number): MentionRow | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** The rows `first..last` are (about to be) on screen: fetch any page they need. */
  ensureRange(first: number, last: number): void {
    if (this.snapshot.status !== 'ready' || this.snapshot.total === 0) return;
    const firstPage = Math.floor(Math.max(0, first) / this.pageSize);
    const lastPage = Math.floor(Math.min(last, this.snapshot.total - 1) / this.pageSize);
    this.visiblePages = [firstPage, lastPage];
    for (let page = firstPage; page <= lastPage; page++) {
      if (!this.pages.has(page) && !this.inFlight.has(page)) void this.load(page, this.generation);
    }
  }

  /**
   * A `mentions.added` event: an empty inbox fills at once; otherwise the operator decides when. A filtered
   * view asks the engine how many of the new mentions it would show (the first page reports it); a source
   * that cannot tell counts every new mention.
   */
  noteAdded(count: number): void {
    if (count <= 0) return;
    if (this.snapshot.status === 'ready' && this.snapshot.total === 0) {
      void this.reload();
      return;
    }
    if (this.countsNewer && this.snapshot.status === 'ready') {
      const generation = this.generation;
      void this.fetchPage(0, 1, this.maxId)
        .then((page) => {
          if (generation === this.generation && page.newerThanSnapshot !== undefined)
            this.update({ pendingNew: page.newerThanSnapshot });
        })
        .catch(() => {});
      return;
    }
    this.update({ pendingNew: this.snapshot.pendingNew + count });
  }

  loadedPageCount(): number {
    return this.pages.size;
  }

  private async load(page: number, generation: number): Promise<void> {
    this.inFlight.add(page);
    try {
      const result = await this.fetchPage(page * this.pageSize, this.pageSize, this.maxId);
      if (generation !== this.generation) return;
      this.maxId ??= result.maxId;
      if (result.newerThanSnapshot !== undefined) this.countsNewer = true;
      this.pages.set(page, result.rows);
      this.evict();
      const visibleTotal = Math.min(this.maxRows, result.total);
      // The first page sizes the view; later pages may only shrink it (mentions deleted meanwhile).
      const total = this.snapshot.status === 'ready' ? Math.min(this.snapshot.total, visibleTotal) : visibleTotal;
      this.update({ status: 'ready', total, error: null });
    } catch (error) {
      if (generation !== this.generation) return;
      const apiError = error instanceof ApiError ? error : new ApiError('internal', String(error), 'mentions.list');
      if (this.snapshot.status === 'loading') this.update({ status: 'error', error: apiError });
      else this.update({ error: apiError });
    } finally {
      if (generation === this.generation) this.inFlight.delete(page);
    }
  }

  private evict(): void {
    if (this.pages.size <= this.keepPages) return;
    const middle = (this.visiblePages[0] + this.visiblePages[1]) / 2;
    const byDistance = [...this.pages.keys()].sort((a, b) => Math.abs(b - middle) - Math.abs(a - middle));
    for (const page of byDistance.slice(0, this.pages.size - this.keepPages)) this.pages.delete(page);
  }

  private update(patch: Partial<PagerSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch, version: this.snapshot.version + 1 };
    for (const listener of this.listeners) listener();
  }
}
