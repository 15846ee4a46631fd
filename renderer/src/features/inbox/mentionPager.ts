import type { MentionRow } from '../../../../shared/domain/mention';
import { ApiError } from '../../api/client';

export interface MentionPage {
  total: number;
  rows: MentionRow[];
  /** The newest mention id of the store when the page was read: the view's snapshot. */
  maxId: number;
  /** Mentions newer than the snapshot that pass the view's filter, when the source can tell. */
  newerThanSnapshot?: number;
  /** True when `total` is a sampled estimate (a large filter not counted yet), not an exact figure. */
  totalIsEstimate?: boolean;
}

/** One page of the view; `maxId` (once known) keeps every later page inside the same snapshot. */
export type FetchMentionPage = (offset: number, limit: number, maxId: number | undefined) => Promise<MentionPage>;

/**
 * Page requests on their way at once. Reading a page deep in a big view costs the engine tens of ms;
 * a scrollbar drag must not queue hundreds of them for places the view has already left.
 */
const MAX_IN_FLIGHT = 3;
/** A move of the view by more than this many pages is a jump, not scrolling. */
const JUMP_PAGES = 3;
/** A visible page that failed to load is asked again after this long. */
const RETRY_MS = 1000;

/** What a workflow action changed on a mention (the fields of `ChangedMention`). */
export type RowChange = Pick<MentionRow, 'id' | 'status' | 'assignee'> & { version: number; tags: string[] };

/** The exact number of mentions of the view in snapshot `maxId` (may take a while at a million). */
export type CountMentions = (maxId: number) => Promise<number>;

export interface PagerSnapshot {
  status: 'loading' | 'ready' | 'error';
  /** Rows in the operator's current view of the inbox (sizes the scroll area): `matches`, up to `maxRows`. */
  total: number;
  /** Mentions the view matches, which may be more than the rows it can show (see `maxRows`). */
  matches: number;
  /** True while `matches` is an estimate ("about N"); the exact count is on its way when the pager can count. */
  totalIsEstimate: boolean;
  /** Mentions that arrived since this view was taken; shown on request, never pushed in. */
  pendingNew: number;
  error: ApiError | null;
  /** Changes whenever any row arrives, so React knows to re-render. */
  version: number;
}

/** A pager's snapshot apart from its rows' version. */
export type PagerListState = Omit<PagerSnapshot, 'version'>;

function listStateOf(snapshot: PagerSnapshot): PagerListState {
  const { version: _version, ...state } = snapshot;
  return state;
}

export interface PagerOptions {
  pageSize?: number;
  /** Pages kept in memory around the visible rows; the rest are dropped and fetched again when needed. */
  keepPages?: number;
  /**
   * The most rows a view holds (default ten million, the largest workspace the design plans for); beyond it the
   * inbox shows the first ones and filters narrow it down. A list taller than a browser can scroll scrolls a scaled
   * area (useFixedRows).
   */
  maxRows?: number;
  /** Counts the view exactly in the background when a page gives only an estimate of its total. */
  countExact?: CountMentions;
  /**
   * Pages fetched beyond the visible ones in the direction the operator scrolls, so rows are there
   * before they come into view.
   */
  prefetchPages?: number;
  /**
   * The exact count starts this long after the first page (0: at once), and only while someone still shows the
   * list (it has subscribers). The engine answers one call at a time: a count sent with the first page makes
   * the next filter's or sort's first page wait behind it when the operator clicks on quickly.
   */
  countDelayMs?: number;
}

/**
 * The inbox's window onto the store: fetches pages of mentions as the operator scrolls and keeps
 * only the pages near the visible rows, so the renderer never holds the whole table.
 *
 * New mentions arriving do not move what the operator is looking at: they are counted for the
 * "N new" pill, and every later page is read from the same snapshot (mentions with an id up to the
 * one the first page saw), so page boundaries line up even when older posts are imported meanwhile.
 *
 * A large view's first page may give only an estimate of its total ("about N"): the pager then counts the
 * snapshot exactly in the background and takes that figure, larger or smaller. Rows keep their indexes (the
 * snapshot does not change), so the operator's place holds while the scroll area resizes.
 */
let pagersMade = 0;

export class MentionPager {
  /** Tells this list from the one before it (the grid carries it as `data-list`). */
  readonly id = ++pagersMade;
  private readonly pageSize: number;
  private readonly keepPages: number;
  private readonly maxRows: number;
  private readonly pages = new Map<number, MentionRow[]>();
  private readonly inFlight = new Set<number>();
  /** Pages wanted for the current position, not asked for yet (visible ones first). */
  private queue: number[] = [];
  private readonly listeners = new Set<() => void>();
  private generation = 0;
  /** The pages last asked for: they stay when memory is trimmed. */
  private visiblePages: [number, number] = [0, 0];
  private snapshot: PagerSnapshot = {
    status: 'loading',
    total: 0,
    matches: 0,
    totalIsEstimate: false,
    pendingNew: 0,
    error: null,
    version: 0,
  };
  private listState: PagerListState = listStateOf(this.snapshot);
  /** Newest mention id in the view; undefined until the first page has answered. */
  private maxId: number | undefined;
  /** The source reports how many newer mentions pass the filter. */
  private countsNewer = false;
  /** The generation an exact count is running (or ran) for; one count per view and refresh. */
  private countingFor = -1;
  /** The view's total was estimated once: after a change to its rows it is counted again. */
  private large = false;
  private readonly countExact: CountMentions | undefined;
  private readonly prefetchPages: number;
  private readonly countDelayMs: number;
  /** The first visible row last time, to tell the direction of scrolling. */
  private lastFirst = 0;
  private direction: 1 | -1 = 1;
  /** How far the first visible row moved last time it moved (a drag's step). */
  private lastStep = 0;
  /** The move before that one. */
  private stepBefore = 0;
  private refreshQueued = false;

  constructor(
    private readonly fetchPage: FetchMentionPage,
    options: PagerOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 100;
    this.keepPages = options.keepPages ?? 20;
    this.maxRows = options.maxRows ?? 10_000_000;
    this.countExact = options.countExact;
    this.prefetchPages = options.prefetchPages ?? 0;
    this.countDelayMs = options.countDelayMs ?? 0;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PagerSnapshot => this.snapshot;

  /**
   * The snapshot without its row `version`: a new object only when the list's state changes (loading, total,
   * new mentions, an error), not when a page of rows arrives, so a page around the table does not re-render
   * with every page.
   */
  getListState = (): PagerListState => this.listState;

  /** Starts the view, unless it has been started already (by a control's handler, before the render). */
  start(): void {
    if (this.generation === 0) void this.reload();
  }

  /** Starts (or restarts) the view from the newest mention. */
  reload(): Promise<void> {
    this.generation += 1;
    this.pages.clear();
    this.inFlight.clear();
    this.queue = [];
    this.visiblePages = [0, 0];
    this.maxId = undefined;
    this.large = false;
    this.lastFirst = 0;
    this.lastStep = 0;
    this.stepBefore = 0;
    this.direction = 1;
    this.update({ status: 'loading', matches: 0, totalIsEstimate: false, pendingNew: 0, error: null });
    return this.load(0, this.generation);
  }

  /**
   * Reads the pages around the visible rows again from the same snapshot, in place: rows changed by the
   * operator or a background job (a correction, new topic tags) update without the view moving or
   * flashing. Pages farther away are dropped (read fresh when scrolled to). Calls in the same turn (the
   * action's answer and its `mentions.changed` event) make one refresh.
   */
  refresh(): void {
    if (this.snapshot.status !== 'ready' || this.refreshQueued) return;
    this.refreshQueued = true;
    const generation = this.generation;
    setTimeout(() => {
      this.refreshQueued = false;
      if (generation !== this.generation) return;
      const [first, last] = this.visiblePages;
      for (const page of [...this.pages.keys()]) {
        if (page < first - 1 || page > last + 1) this.pages.delete(page);
        else if (!this.inFlight.has(page)) void this.load(page, generation);
      }
      // A change to rows (a status, a tag) can change how many a filter matches: a large view counts again.
      if (this.large) this.count(generation, true);
    }, 0);
  }

  /**
   * Writes what a workflow action changed into the rows in memory at once, so the row shows it in the
   * same frame; the refresh that follows confirms it from the store.
   */
  patch(changes: readonly RowChange[]): void {
    const byId = new Map(changes.map((change) => [change.id, change]));
    let touched = false;
    for (const [page, rows] of this.pages) {
      if (!rows.some((row) => byId.has(row.id))) continue;
      this.pages.set(
        page,
        rows.map((row) => {
          const change = byId.get(row.id);
          return change ? { ...row, ...change } : row;
        }),
      );
      touched = true;
    }
    if (touched) this.update({});
  }

  rowAt(index: number): MentionRow | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /**
   * The rows `first..last` are (about to be) on screen: fetch any page they need, those nearest the middle
   * (the rows in view) first, then `prefetchPages` more in the direction of scrolling. A jump (a scrollbar
   * drag or a click in its track) reads ahead nothing around it: the next place is elsewhere. Instead, when
   * two jumps in a row went the same way by a similar step (a drag), the place the next step lands on is
   * read ahead, so its rows can be there when the view arrives. `anchor` is the first row on screen (default
   * `first`), from which moves are told.
   */
  ensureRange(first: number, last: number, anchor = first): void {
    if (this.snapshot.status !== 'ready' || this.snapshot.total === 0) return;
    // Moves are told by `anchor` (the first row on screen), not by the first row drawn: the overscan above it is
    // cut at row 0, so the drawn range's start moves less than the view near the top of the list.
    const moved = anchor - this.lastFirst;
    // Not moved (more rows drawn at the same place, a page arriving): the last move still says what to read.
    const step = moved === 0 ? this.lastStep : moved;
    const previousStep = moved === 0 ? this.stepBefore : this.lastStep;
    if (moved !== 0) {
      this.direction = moved > 0 ? 1 : -1;
      this.stepBefore = this.lastStep;
      this.lastStep = moved;
    }
    this.lastFirst = anchor;
    const lastRow = this.snapshot.total - 1;
    const pageOf = (row: number) => Math.floor(Math.min(Math.max(0, row), lastRow) / this.pageSize);
    const firstPage = pageOf(first);
    const lastPage = pageOf(last);
    this.visiblePages = [firstPage, lastPage];
    const middle = (first + last) / 2 / this.pageSize - 0.5;
    const wanted: number[] = [];
    for (let page = firstPage; page <= lastPage; page++) wanted.push(page);
    wanted.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle));
    const jump = Math.abs(step) > JUMP_PAGES * this.pageSize;
    const lastPageThere = Math.floor(lastRow / this.pageSize);
    // Nothing is read ahead of a view that has not moved yet (a list just shown): its first screen is in the
    // first page, and the operator's next filter or sort would wait behind pages nobody scrolled to.
    const hasMoved = step !== 0 || previousStep !== 0;
    if (!jump && hasMoved) {
      for (let ahead = 1; ahead <= this.prefetchPages; ahead++) {
        const page = this.direction > 0 ? lastPage + ahead : firstPage - ahead;
        if (page >= 0 && page <= lastPageThere) wanted.push(page);
      }
    } else if (previousStep !== 0 && Math.sign(previousStep) === Math.sign(step)) {
      const ratio = step / previousStep;
      if (ratio > 0.5 && ratio < 2) {
        const from = pageOf(first + step);
        const to = pageOf(last + step);
        for (let page = from; page <= to; page++) if (!wanted.includes(page)) wanted.push(page);
      }
    }
    // Pages wanted by an earlier position and not started yet are forgotten: during a fast scroll or a
    // scrollbar drag only where the view is now matters, not every place it passed.
    this.queue = wanted.filter((page) => !this.pages.has(page) && !this.inFlight.has(page));
    this.pump();
  }

  /** Starts queued pages while fewer than MAX_IN_FLIGHT are on their way. */
  private pump(): void {
    while (this.inFlight.size < MAX_IN_FLIGHT && this.queue.length > 0) {
      void this.load(this.queue.shift() as number, this.generation);
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
      this.update({ status: 'ready', ...this.totalAfter(result, page * this.pageSize), error: null });
      if (this.snapshot.totalIsEstimate) {
        this.large = true;
        this.count(generation, false);
      }
    } catch (error) {
      if (generation !== this.generation) return;
      const apiError = error instanceof ApiError ? error : new ApiError('internal', String(error), 'mentions.list');
      if (this.snapshot.status === 'loading') this.update({ status: 'error', error: apiError });
      else {
        this.update({ error: apiError });
        // A page on screen that failed is asked again (the list must not stay on placeholders).
        setTimeout(() => {
          const [first, last] = this.visiblePages;
          if (generation === this.generation && page >= first && page <= last && !this.pages.has(page)) {
            this.queue.unshift(page);
            this.pump();
          }
        }, RETRY_MS);
      }
    } finally {
      if (generation === this.generation) {
        this.inFlight.delete(page);
        this.pump();
      }
    }
  }

  /**
   * The view's size after a page: the first page sizes it, and a short page marks the end. An exact view
   * may only shrink (mentions deleted meanwhile), and an estimate from a later page does not move it. An estimated view takes any exact
   * figure, and grows with a later page's estimate (which is never below the rows the engine has seen).
   */
  private totalAfter(result: MentionPage, offset: number): Pick<PagerSnapshot, 'matches' | 'totalIsEstimate'> {
    const now = this.snapshot;
    // A short page is the end of the snapshot: that is exact, whatever the page says its total is.
    if (result.rows.length < this.pageSize && (result.rows.length > 0 || offset === 0)) {
      const end = offset + result.rows.length;
      return {
        matches: now.status === 'ready' && !now.totalIsEstimate ? Math.min(now.matches, end) : end,
        totalIsEstimate: false,
      };
    }
    const matches = result.total;
    const estimate = result.totalIsEstimate === true;
    if (now.status !== 'ready') return { matches, totalIsEstimate: estimate };
    if (!now.totalIsEstimate)
      return { matches: estimate ? now.matches : Math.min(now.matches, matches), totalIsEstimate: false };
    return estimate
      ? { matches: Math.max(now.matches, matches), totalIsEstimate: true }
      : { matches, totalIsEstimate: false };
  }

  /**
   * Counts the view exactly in the background (once per generation, or again when `again`), after
   * `countDelayMs` and only if the list is still shown then.
   */
  private count(generation: number, again: boolean): void {
    const countExact = this.countExact;
    const maxId = this.maxId;
    if (!countExact || maxId === undefined || (this.countingFor === generation && !again)) return;
    this.countingFor = generation;
    if (this.countDelayMs <= 0) {
      this.countNow(countExact, maxId, generation);
      return;
    }
    setTimeout(() => {
      if (generation !== this.generation) return;
      // Nobody shows the list any more (another filter or sort replaced it): no count.
      if (this.listeners.size === 0) this.countingFor = -1;
      else this.countNow(countExact, maxId, generation);
    }, this.countDelayMs);
  }

  private countNow(countExact: CountMentions, maxId: number, generation: number): void {
    void countExact(maxId)
      .then((exact) => {
        if (generation !== this.generation) return;
        this.update({ matches: exact, totalIsEstimate: false });
      })
      // The estimate stays on screen; the next refresh or view tries again.
      .catch(() => {
        if (generation === this.generation) this.countingFor = -1;
      });
  }

  private evict(): void {
    if (this.pages.size <= this.keepPages) return;
    const middle = (this.visiblePages[0] + this.visiblePages[1]) / 2;
    const byDistance = [...this.pages.keys()].sort((a, b) => Math.abs(b - middle) - Math.abs(a - middle));
    for (const page of byDistance.slice(0, this.pages.size - this.keepPages)) this.pages.delete(page);
  }

  /** Every change of the snapshot; its `total` follows `matches` (up to maxRows), never set on its own. */
  private update(patch: Partial<Omit<PagerSnapshot, 'total' | 'version'>>): void {
    const next = { ...this.snapshot, ...patch, version: this.snapshot.version + 1 };
    next.total = Math.min(this.maxRows, next.matches);
    this.snapshot = next;
    const state = listStateOf(this.snapshot);
    const old = this.listState;
    if ((Object.keys(state) as (keyof PagerListState)[]).some((key) => state[key] !== old[key])) this.listState = state;
    for (const listener of this.listeners) listener();
  }
}
