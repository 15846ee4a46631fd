import {
  ArrowUp,
  BookmarkPlus,
  CircleAlert,
  Columns3,
  Keyboard,
  LoaderCircle,
  MousePointerClick,
  SearchX,
} from 'lucide-react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowOutcome } from '../../../../shared/api/inbox';
import { ASSIGNEE_ME, isMentionSort, MENTION_SORTS, type MentionSort } from '../../../../shared/domain/inbox';
import type { MentionRow, MentionStatus } from '../../../../shared/domain/mention';
import { call, subscribe } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { StateMessage } from '../../components/StateMessage';
import { useFormat } from '../../i18n/format';
import { useOperator, useOperatorStore } from '../../stores/operator';
import { OperatorPrompt } from '../operators/OperatorPrompt';
import { OperatorSwitcher } from '../operators/OperatorSwitcher';
import { loadOperators } from '../operators/operatorsStore';
import { pageShown } from '../../preload';
import { pageFromHash } from '../../route';
import { ReplyComposer } from '../replies/ReplyComposer';
import { SearchBar } from '../search/SearchBar';
import { createSearchPager, type AppliedSearch, type SearchMeta, type SearchSort } from '../search/searchPager';
import { useRowRefresh } from '../search/useRowRefresh';
import { useTopicFeed } from '../topics/topicsStore';
import { ActionToast } from './ActionToast';
import { AssignDialog, StatusDialog, TagDialog } from './ActionDialogs';
import { BulkBar } from './BulkBar';
import { ColumnMenu } from './ColumnMenu';
import { loadColumnState, resizeColumn, saveColumnState, type ColumnState } from './columnState';
import { EmptyInbox } from './EmptyInbox';
import { FilterBar } from './FilterBar';
import { searchTerms, termPattern } from './highlight';
import { inboxHref, normaliseFilter, parseInboxHash, useLinkReader, type InboxFilter } from './link';
import { MentionDetailPane } from './MentionDetailPane';
import { MentionPager } from './mentionPager';
import { MentionTable } from './MentionTable';
import { SaveViewDialog } from './SaveViewDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useInboxKeys } from './useInboxKeys';
import { useAsked } from './useAsked';
import { useLatestCallback } from './useLatestCallback';
import { setListChanging } from './listChange';
import { useWorkflow, type ActionTarget, type WorkflowAction } from './useWorkflow';
import { useInboxViews } from './viewsStore';
import './inbox-workflow.css';

type Dialog = 'assign' | 'status' | 'tag' | 'help' | 'columns' | 'saveView' | null;

/** Pages read ahead of the visible rows in the scroll direction (bench/inbox-scroll.ts measures the effect). */
const PREFETCH_PAGES = 2;
/**
 * The exact count of a large list waits this long after its first page: the engine answers one call at a
 * time, and a count still running made the next sort's or filter's first page wait behind it.
 */
const COUNT_DELAY_MS = 1000;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The operator at the desk changes the list only when the filter asks for "mine" (`$me`): sitting down or
 * switching keeps the current row, the open mention and the selection otherwise.
 */
function listOperator(filter: InboxFilter, operator: string | undefined): string | undefined {
  return filter.assignee?.includes(ASSIGNEE_ME) ? operator : undefined;
}

/** The list's pages: the engine filters and sorts; a relevance-ranked search reads through the search method. */
function createPager(
  filter: InboxFilter,
  sort: MentionSort,
  searchSort: SearchSort,
  operator: string | undefined,
  onMeta: (meta: SearchMeta) => void,
): MentionPager {
  if (filter.query && searchSort === 'relevance')
    return createSearchPager({ query: filter.query, sort: 'relevance' }, onMeta);
  const me = listOperator(filter, operator);
  const who = me ? { operator: me } : {};
  return new MentionPager(
    (offset, limit, maxId) =>
      call('mentions.list', {
        offset,
        limit,
        sort,
        filter: maxId === undefined ? filter : { ...filter, maxId },
        ...who,
      }),
    {
      countExact: async (maxId) => (await call('inbox.count', { filter: { ...filter, maxId }, ...who })).total,
      prefetchPages: PREFETCH_PAGES,
      countDelayMs: COUNT_DELAY_MS,
    },
  );
}

/** Which list a filter, sort and operator make: equal keys are the same list. */
function listKey(filter: InboxFilter, sort: MentionSort, searchSort: SearchSort, operator: string | undefined): string {
  // In a fixed key order: a filter read back from the address has its keys in the schema's order.
  const ordered = Object.fromEntries(Object.entries(filter).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify([ordered, sort, searchSort, listOperator(filter, operator)]);
}

/**
 * A list started before the page renders it: by a control's event handler (sort, filter chip) before the
 * address changes, or by main.tsx before the first render. Its first page is on its way meanwhile.
 */
const startedEarly = new Map<string, MentionPager>();

/** Starts the list `key` names and keeps it for the render that shows it (any other started list is dropped). */
function startEarly(key: string, pager: MentionPager): void {
  pager.start();
  startedEarly.clear();
  startedEarly.set(key, pager);
}

/** The list started early for `key`, once (any other started list is dropped). */
function takeStarted(key: string): MentionPager | undefined {
  const pager = startedEarly.get(key);
  startedEarly.clear();
  return pager;
}

/**
 * How long a change of list (a sort, a filter, a link) waits for the new list's first page before the page
 * shows it. Within the wait nothing renders: the old rows stay as they are and the new ones replace them in one
 * render and one frame. Rendering the change at once (the old rows dimmed, the controls updated) cost the renderer
 * 20-30 ms while the page was on its way, beside the engine on the same cores, and the answer then waited for it.
 * A list slower than this shows as before: the old rows dimmed until it comes.
 */
const LIST_WAIT_MS = 150;

/** What a list is started with besides its filter and sort: the list on screen and its search order. */
interface ListContext {
  filterKey: string;
  searchSort: SearchSort;
  operator: string | undefined;
  onMeta: (meta: SearchMeta) => void;
}

/** What the inbox on screen renders, set at each commit; null while the inbox is not on screen. */
let onScreen: (ListContext & { hash: string }) | null = null;

/** An address whose list is on its way: the page keeps rendering `shown` until `hash`'s first page has come. */
let waiting: { hash: string; shown: string; stop(): void } | null = null;

/** The address the inbox renders: the current one, unless its list is still on its way (see LIST_WAIT_MS). */
function shownHash(): string {
  const hash = window.location.hash;
  return waiting?.hash === hash ? waiting.shown : hash;
}

/**
 * Follows the address for the inbox. A new address starts its list (unless a control did already, see
 * `startList`) and is shown once the list's first page has come or LIST_WAIT_MS has passed.
 */
function subscribeShownHash(onChange: () => void): () => void {
  const onHash = () => {
    waiting?.stop();
    waiting = null;
    const hash = window.location.hash;
    const pager = onScreen && pageFromHash(hash) === 'inbox' ? listFor(hash, onScreen) : undefined;
    if (onScreen && pager?.getListState().status === 'loading') {
      const wait = { hash, shown: onScreen.hash, stop: () => undefined };
      const show = () => {
        if (waiting !== wait) return;
        wait.stop();
        waiting = null;
        onChange();
      };
      const unsubscribe = pager.subscribe(() => {
        if (pager.getListState().status !== 'loading') show();
      });
      const timer = setTimeout(show, LIST_WAIT_MS);
      wait.stop = () => {
        unsubscribe();
        clearTimeout(timer);
        setListChanging(false);
      };
      waiting = wait;
      setListChanging(true);
    }
    onChange();
  };
  window.addEventListener('hashchange', onHash);
  return () => {
    window.removeEventListener('hashchange', onHash);
    waiting?.stop();
    waiting = null;
  };
}

/**
 * The list of an inbox address, started now unless a control started it already; undefined when the address
 * is not readable yet (its link reader loading) or is the list on screen.
 */
function listFor(hash: string, screen: ListContext): MentionPager | undefined {
  const next = parseInboxHash(hash);
  return next.pending ? undefined : startListOf(next.filter, next.sort, screen);
}

/**
 * Starts the list of `filter` in `sort` (a normalised filter), unless it is the list on screen (undefined) or was
 * started already: for a control before it changes the address, and for the address when no control did.
 */
function startListOf(filter: InboxFilter, sort: MentionSort, screen: ListContext): MentionPager | undefined {
  const key = listKey(filter, sort, screen.searchSort, screen.operator);
  if (key === screen.filterKey) return undefined;
  const started = startedEarly.get(key);
  if (started) return started;
  const pager = createPager(filter, sort, screen.searchSort, screen.operator, screen.onMeta);
  startEarly(key, pager);
  return pager;
}

/**
 * The inbox's order. The order picked shows at once, while the page renders it only once its first page has
 * come (see LIST_WAIT_MS): a controlled select would go back to the order shown meanwhile.
 */
const SortSelect = memo(function SortSelect({
  sort,
  onChange,
}: {
  sort: MentionSort;
  onChange(next: MentionSort): void;
}) {
  const { t } = useTranslation();
  const [value, ask] = useAsked(sort);
  return (
    <label className="inbox-tools__sort">
      <span className="visually-hidden">{t('inbox.sort.label')}</span>
      <select
        className="input input--compact"
        value={value}
        onChange={(event) => {
          const next = event.target.value;
          if (!isMentionSort(next)) return;
          ask(next);
          onChange(next);
        }}
      >
        {MENTION_SORTS.map((option) => (
          <option key={option} value={option}>
            {t(`inbox.sort.${option}`)}
          </option>
        ))}
      </select>
    </label>
  );
});

/** A search is read newest first until the operator asks for relevance. */
const INITIAL_SEARCH_SORT: SearchSort = 'newest';

/**
 * Starts the list of the address the app opens on, before its first render (main.tsx): the first page is
 * then on its way while React renders and the browser lays out the page, not asked for after both.
 */
export function startFirstList(hash: string): void {
  const { filter, sort } = parseInboxHash(hash);
  const operator = useOperatorStore.getState().current?.name;
  const pager = createPager(filter, sort, INITIAL_SEARCH_SORT, operator, () => undefined);
  startEarly(listKey(filter, sort, INITIAL_SEARCH_SORT, operator), pager);
}

/**
 * The desk's inbox: filters and search over a virtualised list, the open mention beside it, saved views
 * in the sidebar, and every action on the keyboard. The address (`#/inbox?filter=…`) holds the filter,
 * so links, Back and a reload all land on the same list.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const operator = useOperator();
  const hash = useSyncExternalStore(subscribeShownHash, shownHash);
  const readerReady = useLinkReader();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a link read before its reader loaded is read again then
  const read = useMemo(() => parseInboxHash(hash), [hash, readerReady]);
  // A link whose filter cannot be read yet keeps the list on screen until it can (a few ms, once).
  const [settled, setSettled] = useState(read);
  if (!read.pending && read !== settled) setSettled(read);
  const route = read.pending ? settled : read;
  const { filter, sort } = route;
  const [searchSort, setSearchSort] = useState<SearchSort>(INITIAL_SEARCH_SORT);
  const [searchMeta, setSearchMeta] = useState<SearchMeta | null>(null);
  const [columns, setColumns] = useState<ColumnState>(() => loadColumnState(storage()));
  const filterKey = listKey(filter, sort, searchSort, operator?.name);
  const pager = useMemo(
    () => takeStarted(filterKey) ?? createPager(filter, sort, searchSort, operator?.name, setSearchMeta),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key says when the list is a different one
    [filterKey],
  );
  // The list's state only (loading, total, new mentions): a page of rows arriving re-renders the table, not this.
  const snapshot = useSyncExternalStore(pager.subscribe, pager.getListState);
  // The list whose rows the table shows: the previous one stays (dimmed) until the new one has its first page.
  const [shown, setShown] = useState(pager);
  const shownSnapshot = useSyncExternalStore(shown.subscribe, shown.getListState);
  if (shown !== pager && (snapshot.status !== 'loading' || shownSnapshot.status !== 'ready')) setShown(pager);
  // A link still being read (its reader loading) also keeps the rows on screen, dimmed, until its list shows.
  const staleRows =
    (shown !== pager && shownSnapshot.status === 'ready' && shownSnapshot.total > 0) ||
    (read.pending === true && snapshot.status === 'ready' && snapshot.total > 0);
  const [currentIndex, setCurrentIndex] = useState<number | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [seen, setSeen] = useState<{ id: number; version: number } | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [selected, setSelected] = useState<Map<number, MentionRow>>(new Map());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [replyingTo, setReplyingTo] = useState<number | null>(null);
  const versions = useRef(new Map<number, number>());
  const firstOnScreen = useRef(0);
  const views = useInboxViews((state) => state.views);

  // A different list starts with nothing current, open or selected.
  const [listShown, setListShown] = useState(pager);
  if (listShown !== pager) {
    setListShown(pager);
    setCurrentIndex(null);
    setOpenId(null);
    // Kept when empty: a new (empty) selection would re-render every row of the list on screen.
    setSelected((old) => (old.size === 0 ? old : new Map()));
  }
  // Before the browser paints the change: the first page is asked for a frame sooner.
  useLayoutEffect(() => {
    pager.start();
    return subscribe('mentions.added', (added) => pager.noteAdded(added.count));
  }, [pager]);
  useEffect(() => {
    void loadOperators().catch(() => undefined);
  }, []);
  // Once someone sits down, the question leaves the page: the list takes the focus, so j/k work at once.
  const seated = operator !== null;
  useEffect(() => {
    if (!seated) return;
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active === null || active === document.body || !active.isConnected)
        document.querySelector<HTMLElement>('.mention-table')?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [seated]);
  useTopicFeed();
  useRowRefresh(pager);

  // A link to another list (a saved view, a trend's click-through, Back) starts that list in the hashchange
  // event itself (subscribeShownHash), so its first page is on its way before anything renders.
  const operatorName = operator?.name;
  useLayoutEffect(() => {
    onScreen = { hash, filterKey, searchSort, operator: operatorName, onMeta: setSearchMeta };
  }, [hash, filterKey, searchSort, operatorName]);
  useEffect(
    () => () => {
      onScreen = null;
    },
    [],
  );

  /** Starts the list a control is about to show, then changes the address (which renders it). */
  const startList = (nextFilter: InboxFilter, nextSort: MentionSort) => {
    startListOf(normaliseFilter(nextFilter), nextSort, {
      filterKey,
      searchSort,
      operator: operatorName,
      onMeta: setSearchMeta,
    });
  };
  const setFilter = (next: InboxFilter) => {
    startList(next, sort);
    window.location.hash = inboxHref(next, { sort });
  };
  // One function for the filter bar across renders, so it renders again only when the filter changes.
  const onFilterChange = useLatestCallback(setFilter);
  const setSort = useLatestCallback((next: MentionSort) => {
    startList(filter, next);
    window.location.hash = inboxHref(filter, { sort: next, view: route.view });
  });

  const onChanged = useCallback(
    (outcome: WorkflowOutcome) => {
      for (const changed of outcome.changed) versions.current.set(changed.id, changed.version);
      setSeen((old) => {
        const mine = old && outcome.changed.find((changed) => changed.id === old.id);
        return mine ? { id: mine.id, version: mine.version } : old;
      });
      pager.patch(outcome.changed);
      pager.refresh();
    },
    [pager],
  );
  const workflow = useWorkflow(onChanged);

  const versionOf = (mention: MentionRow): number | undefined => {
    const known = versions.current.get(mention.id);
    if (known === undefined) return mention.version;
    return mention.version === undefined ? known : Math.max(known, mention.version);
  };
  // Follows the current row's page arriving (or its row changing), not every page.
  const currentMention = useSyncExternalStore(pager.subscribe, () =>
    currentIndex === null ? undefined : pager.rowAt(currentIndex),
  );
  /** The open mention, else the current row: what a single action is about. */
  const singleTarget = (): ActionTarget[] => {
    if (openId !== null) return [{ id: openId, expectedVersion: seen?.id === openId ? seen.version : undefined }];
    return currentMention ? [{ id: currentMention.id, expectedVersion: versionOf(currentMention) }] : [];
  };
  const targets = (): ActionTarget[] =>
    selected.size > 0
      ? [...selected.values()].map((mention) => ({ id: mention.id, expectedVersion: versionOf(mention) }))
      : singleTarget();

  /**
   * Runs an action on the selection, else the open or current mention. With `advance` (e, !) the current
   * row moves on at once, as in a mail client: the operator can keep going while the change is saved, and a
   * later key is never overtaken by the move.
   */
  const act = async (action: WorkflowAction, advance = false) => {
    const bulk = selected.size > 0;
    const chosen = targets();
    if (!bulk && advance && chosen.length > 0) move(1);
    const outcome = await workflow.run(action, chosen);
    if (outcome && bulk) setSelected(new Map());
  };

  const openIndex = useCallback(
    (index: number) => {
      setCurrentIndex(index);
      const mention = pager.rowAt(index);
      if (mention) setOpenId(mention.id);
    },
    [pager],
  );

  const move = (step: number) => {
    if (snapshot.total === 0) return;
    // With no row current, j/k start at the first row on screen (after a scroll, not back at the top).
    const next =
      currentIndex === null
        ? Math.min(snapshot.total - 1, firstOnScreen.current)
        : Math.min(snapshot.total - 1, Math.max(0, currentIndex + step));
    setCurrentIndex(next);
    setFocusRequest((n) => n + 1);
    // With the detail open, it follows the current row, as in a mail client.
    const mention = pager.rowAt(next);
    if (openId !== null && mention) setOpenId(mention.id);
  };

  const toggleSelected = useCallback((mention: MentionRow) => {
    setSelected((old) => {
      const next = new Map(old);
      if (next.has(mention.id)) next.delete(mention.id);
      else next.set(mention.id, mention);
      return next;
    });
  }, []);
  const isSelected = useCallback((id: number) => selected.has(id), [selected]);

  const showNew = () => {
    void pager.reload();
  };

  const hasRows = snapshot.status === 'ready' && snapshot.total > 0;
  // The first screen is up (rows, or the designed empty or error state): code for later can load now.
  const listSettled = snapshot.status !== 'loading';
  useEffect(() => {
    if (listSettled) pageShown();
  }, [listSettled]);
  const filtered = Object.keys(filter).length > 0;
  useInboxKeys({
    enabled: hasRows,
    move,
    open: () => currentIndex !== null && openIndex(currentIndex),
    close: () => {
      if (openId !== null) setOpenId(null);
      else setSelected(new Map());
    },
    select: () => currentMention && toggleSelected(currentMention),
    reply: () => {
      const id = openId ?? currentMention?.id;
      if (id !== undefined) setReplyingTo(id);
    },
    resolve: () => void act({ kind: 'status', status: 'resolved' }, true),
    assign: () => setDialog('assign'),
    tag: () => setDialog('tag'),
    status: () => setDialog('status'),
    spam: () => void act({ kind: 'status', status: 'spam' }, true),
    undo: () => void workflow.undo(),
    undoOne: () => {
      const id = openId ?? currentMention?.id;
      if (id !== undefined) void workflow.undoOne(id);
    },
    showNew,
    help: () => setDialog('help'),
  });

  const changeColumns = (next: ColumnState) => {
    setColumns(next);
    saveColumnState(storage(), next);
  };

  const search: AppliedSearch | null = filter.query ? { query: filter.query, sort: searchSort } : null;
  const applySearch = (next: AppliedSearch | null) => {
    setSearchSort(next?.sort ?? 'newest');
    setSearchMeta(null);
    setFilter({ ...filter, query: next?.query });
  };
  const terms = useMemo(() => termPattern(searchTerms(filter.query)), [filter.query]);

  const counted = { count: snapshot.matches, formatted: fmt.number(snapshot.matches) };
  let count: string | null = null;
  if (search && snapshot.status === 'ready')
    count = t(searchMeta?.totalIsEstimate ? 'search.resultsAbout' : 'search.results', counted);
  else if (hasRows) count = t(snapshot.totalIsEstimate ? 'inbox.countAbout' : 'inbox.count', counted);
  const emptyWorkspace = snapshot.status === 'ready' && snapshot.total === 0 && !filtered;
  const view = route.view ? views.find((candidate) => candidate.key === route.view) : undefined;
  const openStatus: MentionStatus | null = currentMention?.status ?? null;

  return (
    <>
      <PageHeader title={view?.name ?? t('inbox.title')}>
        {count && (
          <span
            className="page-header__meta numeric"
            aria-busy={snapshot.totalIsEstimate && !search ? 'true' : undefined}
            title={snapshot.totalIsEstimate && !search ? t('inbox.countingExact') : undefined}
          >
            {count}
          </span>
        )}
        {hasRows && snapshot.matches > snapshot.total && (
          <span className="page-header__meta" title={t('inbox.cappedHint')}>
            {t('inbox.capped', { formatted: fmt.number(snapshot.total) })}
          </span>
        )}
        {search && searchMeta?.rankedWithin && (
          <span className="page-header__meta">
            {t('search.rankedWithin', { formatted: fmt.number(searchMeta.rankedWithin) })}
          </span>
        )}
        <span className="page-header__hint" id="inbox-keyboard-hint">
          {t('inbox.keyboardHint')}
        </span>
        <div className="inbox-tools">
          <SortSelect sort={sort} onChange={setSort} />
          <button type="button" className="button button--quiet" onClick={() => setDialog('saveView')}>
            <BookmarkPlus aria-hidden="true" size={16} />
            {t('inbox.views.save')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setDialog('columns')}>
            <Columns3 aria-hidden="true" size={16} />
            {t('inbox.columnMenu.button')}
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={() => setDialog('help')}
            aria-label={t('inbox.shortcuts.button')}
            title={t('inbox.shortcuts.button')}
          >
            <Keyboard aria-hidden="true" size={16} />
          </button>
          <OperatorSwitcher />
        </div>
      </PageHeader>
      {!emptyWorkspace && (
        <div className="inbox-filters">
          <SearchBar applied={search} onApply={applySearch} />
          <FilterBar filter={filter} onChange={onFilterChange} />
          {route.invalid && (
            <p className="inbox-filters__notice" role="alert">
              <CircleAlert aria-hidden="true" size={14} />
              {t('inbox.invalidLink')}
            </p>
          )}
        </div>
      )}
      <div className="page-body inbox">
        {emptyWorkspace ? (
          <EmptyInbox />
        ) : (
          <div className="inbox__panes">
            <div className="inbox__list">
              {snapshot.status === 'loading' && !staleRows && (
                <StateMessage kind="loading" icon={LoaderCircle} title={t('inbox.loading')} />
              )}
              {snapshot.status === 'error' && (
                <StateMessage
                  kind="error"
                  icon={CircleAlert}
                  title={t(search ? 'search.errorTitle' : 'inbox.errorTitle')}
                >
                  <p className="state-message__body">{t('inbox.errorBody')}</p>
                  {snapshot.error && (
                    <p className="state-message__detail">
                      {t('common.errorDetail', {
                        reason: t(`errors.${snapshot.error.code}`),
                        message: snapshot.error.message,
                      })}
                    </p>
                  )}
                  <button type="button" className="button button--primary" onClick={() => void pager.reload()}>
                    {t('inbox.retry')}
                  </button>
                </StateMessage>
              )}
              {snapshot.status === 'ready' && snapshot.total === 0 && (
                <StateMessage
                  kind="empty"
                  icon={SearchX}
                  title={
                    search && Object.keys(filter).length === 1 ? t('search.noResultsTitle') : t('inbox.noMatchesTitle')
                  }
                >
                  <p className="state-message__body">
                    {search && Object.keys(filter).length === 1
                      ? t('search.noResultsBody', { query: search.query })
                      : t('inbox.noMatchesBody')}
                  </p>
                  <button type="button" className="button" onClick={() => setFilter({})}>
                    {t('inbox.clearFilters')}
                  </button>
                </StateMessage>
              )}
              {(hasRows || staleRows) && (
                <>
                  {hasRows && snapshot.pendingNew > 0 && (
                    <button type="button" className="new-pill" onClick={showNew}>
                      <ArrowUp aria-hidden="true" size={14} />
                      {search && searchSort === 'relevance'
                        ? t('search.newMatches')
                        : t('inbox.newMentions', {
                            count: snapshot.pendingNew,
                            formatted: fmt.number(snapshot.pendingNew),
                          })}
                    </button>
                  )}
                  <MentionTable
                    pager={staleRows ? shown : pager}
                    listId={(staleRows ? shown : pager).id}
                    firstOnScreenRef={firstOnScreen}
                    stale={staleRows}
                    currentIndex={currentIndex}
                    focusRequest={focusRequest}
                    onActivate={openIndex}
                    label={search ? t('search.tableLabel') : t(`inbox.tableLabels.${sort}`)}
                    columns={columns}
                    onResize={(id, width) => changeColumns(resizeColumn(columns, id, width))}
                    terms={terms}
                    isSelected={isSelected}
                    toggleSelected={toggleSelected}
                  />
                  <BulkBar
                    count={selected.size}
                    onResolve={() => void act({ kind: 'status', status: 'resolved' })}
                    onAssign={() => setDialog('assign')}
                    onStatus={() => setDialog('status')}
                    onTag={() => setDialog('tag')}
                    onSpam={() => void act({ kind: 'status', status: 'spam' })}
                    onClear={() => setSelected(new Map())}
                  />
                </>
              )}
              <ActionToast
                notice={workflow.notice}
                currentId={openId ?? currentMention?.id ?? null}
                onUndo={() => void workflow.undo()}
                onUndoOne={(id) => void workflow.undoOne(id)}
                onDismiss={workflow.dismiss}
              />
            </div>
            <div className="inbox__detail">
              {openId !== null ? (
                <MentionDetailPane
                  id={openId}
                  seenVersion={seen?.id === openId ? seen.version : null}
                  onSeen={(id, version) => setSeen((old) => (old?.id === id ? old : { id, version }))}
                  onClose={() => setOpenId(null)}
                  replying={replyingTo === openId}
                  actions={{
                    reply: () => setReplyingTo(openId),
                    resolve: () => void act({ kind: 'status', status: 'resolved' }),
                    assign: () => setDialog('assign'),
                    tag: () => setDialog('tag'),
                    removeTag: (tag) => void workflow.run({ kind: 'tag', add: [], remove: [tag] }, singleTarget()),
                  }}
                />
              ) : operator === null ? (
                <OperatorPrompt />
              ) : (
                <div className="detail detail--empty">
                  <StateMessage kind="empty" icon={MousePointerClick} title={t('detail.empty')}>
                    <p className="state-message__body">{t('detail.emptyHint')}</p>
                  </StateMessage>
                </div>
              )}
              {replyingTo !== null && (
                <ReplyComposer
                  mentionId={replyingTo}
                  onClose={() => setReplyingTo(null)}
                  onDone={() => pager.refresh()}
                />
              )}
            </div>
          </div>
        )}
      </div>
      {dialog === 'help' && <ShortcutsDialog onClose={() => setDialog(null)} />}
      {dialog === 'columns' && <ColumnMenu state={columns} onChange={changeColumns} onClose={() => setDialog(null)} />}
      {dialog === 'saveView' && (
        <SaveViewDialog filter={filter} sort={sort} onClose={() => setDialog(null)} onSaved={() => setDialog(null)} />
      )}
      {dialog === 'assign' && (
        <AssignDialog
          onClose={() => setDialog(null)}
          onPick={(assignee) => {
            setDialog(null);
            void act({ kind: 'assign', assignee });
          }}
        />
      )}
      {dialog === 'status' && (
        <StatusDialog
          current={selected.size > 0 ? null : openStatus}
          onClose={() => setDialog(null)}
          onPick={(status) => {
            setDialog(null);
            void act({ kind: 'status', status });
          }}
        />
      )}
      {dialog === 'tag' && (
        <TagDialog
          onClose={() => setDialog(null)}
          onPick={(tag) => {
            setDialog(null);
            void act({ kind: 'tag', add: [tag], remove: [] });
          }}
        />
      )}
      {workflow.conflict && (
        <ConfirmDialog
          title={t('detail.conflictTitle')}
          body={`${t('detail.conflictBody')} (${workflow.conflict.message})`}
          confirm={t('detail.conflictOverwrite')}
          cancel={t('detail.conflictCancel')}
          onConfirm={() => workflow.resolveConflict(true)}
          onCancel={() => workflow.resolveConflict(false)}
        />
      )}
    </>
  );
}
