import { ArrowUp, CircleAlert, LoaderCircle } from 'lucide-react';
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

function createPager(): MentionPager {
  return new MentionPager((offset, limit, maxId) =>
    call('mentions.list', { offset, limit, sort: 'newest', filter: maxId === undefined ? {} : { maxId } }),
  );
}

export function InboxPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [pager] = useState(createPager);
  const snapshot = useSyncExternalStore(pager.subscribe, pager.getSnapshot);
  const [selectedIndex, setSelectedIndex] = useState<number | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    void pager.reload();
    return subscribe('mentions.added', (added) => pager.noteAdded(added.count));
  }, [pager]);

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
  const count = hasRows ? t('inbox.count', { count: snapshot.total, formatted: fmt.number(snapshot.total) }) : null;

  return (
    <>
      <PageHeader title={t('inbox.title')}>
        {count && <span className="page-header__meta numeric">{count}</span>}
        {hasRows && (
          <span className="page-header__hint" id="inbox-keyboard-hint">
            {t('inbox.keyboardHint')}
          </span>
        )}
      </PageHeader>
      <div className="page-body inbox">
        {snapshot.status === 'loading' && (
          <StateMessage kind="loading" icon={LoaderCircle} title={t('inbox.loading')} />
        )}
        {snapshot.status === 'error' && (
          <StateMessage kind="error" icon={CircleAlert} title={t('inbox.errorTitle')}>
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
        {snapshot.status === 'ready' && snapshot.total === 0 && <EmptyInbox />}
        {hasRows && (
          <div className="inbox__panes">
            <div className="inbox__list">
              {snapshot.pendingNew > 0 && (
                <button type="button" className="new-pill" onClick={showNew}>
                  <ArrowUp aria-hidden="true" size={14} />
                  {t('inbox.newMentions', { count: snapshot.pendingNew, formatted: fmt.number(snapshot.pendingNew) })}
                </button>
              )}
              <MentionTable
                pager={pager}
                snapshot={snapshot}
                selectedIndex={selectedIndex}
                focusRequest={focusRequest}
                onActivate={openIndex}
              />
            </div>
            {openId !== null && <MentionDetailPane id={openId} onClose={() => setOpenId(null)} />}
          </div>
        )}
      </div>
    </>
  );
}
