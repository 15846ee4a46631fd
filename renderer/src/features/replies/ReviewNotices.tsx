import { CircleAlert, CircleCheck, Undo2, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyListRow } from '../../../../shared/api/replies';
import { call, subscribe } from '../../api/client';
import { hrefFor } from '../../route';
import { useOperator } from '../../stores/operator';
import '../../styles/replies.css';

/** What a reviewer did with the operator's reply. */
type Outcome = 'rejected' | 'sent' | 'manual' | 'failed';

interface Notice {
  replyId: number;
  outcome: Outcome;
  reply: ReplyListRow;
}

/** Where each outcome is seen on the replies page. */
const SECTION: Record<Outcome, string> = { rejected: 'rejected', sent: 'sent', manual: 'sent', failed: 'failed' };
const ICON = { rejected: Undo2, sent: CircleCheck, manual: CircleCheck, failed: CircleAlert } as const;
const MAX_NOTICES = 4;

/** The state a reply moved to, read as the outcome of a review; null for every other move. */
function outcomeOf(state: string, reply: ReplyListRow): Outcome | null {
  if (state === 'rejected') return 'rejected';
  if (state === 'sent') return 'sent';
  if (state === 'failed') return 'failed';
  if (state === 'approved' && reply.sendMode === 'manual') return 'manual';
  return null;
}

/**
 * Tells the operator at the desk, wherever they are in the app, what a colleague decided about their reply:
 * approved and sent, approved for posting by hand, approved but failed to send, or sent back with a comment.
 * Each notice stays until it is closed, and links to the reply on the replies page.
 */
export function ReviewNotices() {
  const { t } = useTranslation();
  const me = useOperator()?.name ?? null;
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(() => {
    if (!me) return;
    return subscribe('replies.changed', (event) => {
      // One's own moves need no notice; only a reviewer's decision on one's own reply does.
      if (event.operator === me || !['rejected', 'sent', 'failed', 'approved'].includes(event.state)) return;
      call('replies.list', { mentionId: event.mentionId, limit: 50 })
        .then(({ rows }) => {
          const reply = rows.find((row) => row.id === event.replyId);
          if (!reply || reply.operator !== me || reply.approver !== event.operator) return;
          const outcome = outcomeOf(event.state, reply);
          if (!outcome) return;
          setNotices((old) =>
            [{ replyId: reply.id, outcome, reply }, ...old.filter((notice) => notice.replyId !== reply.id)].slice(
              0,
              MAX_NOTICES,
            ),
          );
        })
        // A notice that cannot be read is not worth an error: the replies page shows the same outcome.
        .catch(() => undefined);
    });
  }, [me]);

  const dismiss = (replyId: number) => setNotices((old) => old.filter((notice) => notice.replyId !== replyId));

  return (
    <section className="review-notices" aria-label={t('reviewNotices.label')} aria-live="polite">
      {notices.map(({ replyId, outcome, reply }) => {
        const Icon = ICON[outcome];
        return (
          <div key={replyId} className={`review-notice review-notice--${outcome}`} role="status">
            <Icon aria-hidden="true" size={16} className="review-notice__icon" />
            <p className="review-notice__text">
              {t(`reviewNotices.${outcome}`, {
                reviewer: reply.approver ?? '',
                author: reply.mention.authorHandle,
                comment: reply.reviewComment ?? '',
                channel: t(`channel.${reply.channel}`),
                message: reply.error ?? '',
              })}
            </p>
            <a
              className="review-notice__link"
              href={hrefFor('replies', SECTION[outcome])}
              onClick={() => dismiss(replyId)}
            >
              {t(`reviewNotices.open.${outcome}`)}
            </a>
            <button
              type="button"
              className="icon-button"
              aria-label={t('reviewNotices.dismiss')}
              onClick={() => dismiss(replyId)}
            >
              <X aria-hidden="true" size={14} />
            </button>
          </div>
        );
      })}
    </section>
  );
}
