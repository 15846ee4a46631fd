import { ArrowUp, CircleAlert, LoaderCircle, SearchX } from 'lucide-react';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { call, subscribe } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { StateMessage } from '../../components/StateMessage';
import { useFormat } from '../../i18n/format';
import { MentionDetailPane } from './MentionDetailPane';
import { MentionPager } from './mentionPager';
import { MentionTable } from './MentionTable';
import { EmptyInbox } from './EmptyInbox';
import { useInboxKeys } from './useInboxKeys';
import { SearchBar } from '../search/SearchBar';
import { createSearchPager, type AppliedSearch, type SearchMeta } from '../search/searchPager';
import { useRowRefresh } from '../search/useRowRefresh';
import { useTopicFeed } from '../topics/topicsStore';

function createPager(): MentionPager {
  return new MentionPager((offset, limit, maxId) =>
    call('mentions.list', { offset, limit, sort: 'newest', filter: maxId === undefined ? {} : { maxId } }),
  );
}

export function InboxPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [search, setSearch] = useState<AppliedSearch | null>(null);
  const [searchMeta, setSearchMeta] = useState<SearchMeta | null>(null);
  const [pager, setPager] = useState(createPager);
  const snapshot = useSyncExternalStore(pager.subscribe, pager.getSnapshot);
  const [selectedIndex, setSelectedIndex] = useState<number | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    void pager.reload();
    return subscribe('mentions.added', (added) => pager.noteAdded(added.count));
  }, [pager]);
  useTopicFeed();
  useRowRefresh(pager);

  /** Search results replace the inbox list (same paging and snapshot); no search brings the inbox back. */
  const applySearch = (next: AppliedSearch | null) => {
    setSearch(next);
    setSearchMeta(null);
    setSelectedIndex(null);
    setOpenId(null);
    setPager(next ? createSearchPager(next, setSearchMeta) : createPager());
  };

  const openIndex = useCallback(
    (index: number) => {
      setSelectedIndex(index);
      const mention = pager.rowAt(index);
      if (mention) setOpenId(mention.id);
    },
    [pager],
  );

  const move = useCallback(
    (step: number) => {
      if (snapshot.total === 0) return;
      const next = selectedIndex === null ? 0 : Math.min(snapshot.total - 1, Math.max(0, selectedIndex + step));
      setSelectedIndex(next);
      setFocusRequest((n) => n + 1);
      // With the detail open, it follows the selection, as in a mail client.
      const mention = pager.rowAt(next);
      if (openId !== null && mention) setOpenId(mention.id);
    },
    [pager, selectedIndex, snapshot.total, openId],
  );

  useInboxKeys({
    enabled: snapshot.status === 'ready' && snapshot.total > 0,
    move,
    open: () => selectedIndex !== null && openIndex(selectedIndex),
    close: () => setOpenId(null),
  });

  const showNew = () => {
    setSelectedIndex(null);
    setOpenId(null);
    void pager.reload();
  };

  const hasRows = snapshot.status === 'ready' && snapshot.total > 0;
  const counted = { count: snapshot.total, formatted: fmt.number(snapshot.total) };
  let count: string | null = null;
  if (search && snapshot.status === 'ready')
    count = t(searchMeta?.totalIsEstimate ? 'search.resultsAbout' : 'search.results', counted);
  else if (hasRows) count = t('inbox.count', counted);
  const emptyWorkspace = snapshot.status === 'ready' && snapshot.total === 0 && search === null;

  return (
    <>
      <PageHeader title={t('inbox.title')}>
        {count && <span className="page-header__meta numeric">{count}</span>}
        {search && searchMeta?.rankedWithin && (
          <span className="page-header__meta">
            {t('search.rankedWithin', { formatted: fmt.number(searchMeta.rankedWithin) })}
          </span>
        )}
        {hasRows && (
          <span className="page-header__hint" id="inbox-keyboard-hint">
            {t('inbox.keyboardHint')}
          </span>
        )}
      </PageHeader>
      {!emptyWorkspace && <SearchBar applied={search} onApply={applySearch} />}
      <div className="page-body inbox">
        {snapshot.status === 'loading' && (
          <StateMessage kind="loading" icon={LoaderCircle} title={t('inbox.loading')} />
        )}
        {snapshot.status === 'error' && (
          <StateMessage kind="error" icon={CircleAlert} title={t(search ? 'search.errorTitle' : 'inbox.errorTitle')}>
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
        {emptyWorkspace && <EmptyInbox />}
        {search && snapshot.status === 'ready' && snapshot.total === 0 && (
          <StateMessage kind="empty" icon={SearchX} title={t('search.noResultsTitle')}>
            <p className="state-message__body">{t('search.noResultsBody', { query: search.query })}</p>
          </StateMessage>
        )}
        {hasRows && (
          <div className="inbox__panes">
            <div className="inbox__list">
              {snapshot.pendingNew > 0 && (
                <button type="button" className="new-pill" onClick={showNew}>
                  <ArrowUp aria-hidden="true" size={14} />
                  {search
                    ? t('search.newMatches')
                    : t('inbox.newMentions', {
                        count: snapshot.pendingNew,
                        formatted: fmt.number(snapshot.pendingNew),
                      })}
                </button>
              )}
              <MentionTable
                pager={pager}
                snapshot={snapshot}
                selectedIndex={selectedIndex}
                focusRequest={focusRequest}
                onActivate={openIndex}
                label={search ? t('search.tableLabel') : undefined}
              />
            </div>
            {openId !== null && <MentionDetailPane id={openId} onClose={() => setOpenId(null)} />}
          </div>
        )}
      </div>
    </>
  );
}
