import { CircleAlert, Inbox, LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyState } from '../../../../shared/api/replies';
import { PageHeader } from '../../components/PageHeader';
import { SectionTabs } from '../../components/SectionTabs';
import { StateMessage } from '../../components/StateMessage';
import { useFormat } from '../../i18n/format';
import { useCurrentSection } from '../../route';
import { ReplyCard } from './ReplyCard';
import { ReplyComposer } from './ReplyComposer';
import { useReplyCounts, useReplyList } from './useReplyList';
import '../../styles/replies.css';

const TABS = {
  approval: ['pending_approval'],
  failed: ['failed', 'sending'],
  rejected: ['rejected'],
  sent: ['sent', 'approved'],
} as const satisfies Record<string, readonly ReplyState[]>;
type Tab = keyof typeof TABS;

function tabFrom(section: string | null): Tab {
  return section && section in TABS ? (section as Tab) : 'approval';
}

/** Replies: the approval queue, failed replies (with retry), replies sent back with a comment, and sent replies. */
export function RepliesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const section = useCurrentSection();
  const tab = tabFrom(section);
  const counts = useReplyCounts(TABS);
  const label = (name: Tab) => {
    const count = counts[name];
    return count
      ? t('replies.tabCount', { label: t(`replies.tabs.${name}`), count: fmt.number(count) })
      : t(`replies.tabs.${name}`);
  };
  return (
    <>
      <PageHeader title={t('nav.replies')}>
        <SectionTabs
          page="replies"
          label={t('replies.tabsLabel')}
          current={tab === 'approval' ? null : tab}
          sections={[
            { section: null, label: label('approval') },
            { section: 'failed', label: label('failed') },
            { section: 'rejected', label: label('rejected') },
            { section: 'sent', label: label('sent') },
          ]}
        />
      </PageHeader>
      <div className="page-body page-body--padded">
        <ReplyList key={tab} tab={tab} />
      </div>
    </>
  );
}

function ReplyList({ tab }: { tab: Tab }) {
  const { t } = useTranslation();
  const { load, reload } = useReplyList(TABS[tab]);
  const [composing, setComposing] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (text?: string) => {
    setNotice(text ?? null);
    reload();
  };
  if (load.state === 'loading') return <StateMessage kind="loading" icon={LoaderCircle} title={t('replies.loading')} />;
  if (load.state === 'failed') {
    return (
      <StateMessage kind="error" icon={CircleAlert} title={t('replies.loadFailed')}>
        <p className="state-message__body">{load.message}</p>
        <button type="button" className="button" onClick={reload}>
          {t('replies.tryAgain')}
        </button>
      </StateMessage>
    );
  }
  const status = (
    <p className="reply-list__notice" role="status">
      {notice}
    </p>
  );
  return (
    <>
      {status}
      {load.rows.length === 0 ? (
        <StateMessage kind="empty" icon={Inbox} title={t(`replies.empty.${tab}.title`)}>
          <p className="state-message__body">{t(`replies.empty.${tab}.body`)}</p>
        </StateMessage>
      ) : (
        <ul className="reply-list" aria-label={t(`replies.tabs.${tab}`)}>
          {load.rows.map((row) => (
            <li key={row.id}>
              <ReplyCard reply={row} onChanged={changed} onEdit={() => setComposing(row.mentionId)} />
            </li>
          ))}
        </ul>
      )}
      {/* Stays open while its reply leaves this list (resubmitted, sent): the composer says what happened. */}
      {composing !== null && <ReplyComposer mentionId={composing} onClose={() => setComposing(null)} onDone={reload} />}
    </>
  );
}
