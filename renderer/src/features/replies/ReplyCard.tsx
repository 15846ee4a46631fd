import {
  CircleAlert,
  CircleCheck,
  Clock,
  Copy,
  ExternalLink,
  PencilLine,
  RotateCw,
  ShieldCheck,
  Undo2,
  X,
} from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyListRow, ReplyState, SendOutcome } from '../../../../shared/api/replies';
import { ApiError, call } from '../../api/client';
import { ChannelLabel } from '../../components/MentionLabels';
import { useFormat } from '../../i18n/format';
import { currentOperatorName, useOperator } from '../../stores/operator';
import { ReplyHistory } from './ReplyHistory';
import { copyAndOpen } from './copyAndOpen';
import { webHref } from './webHref';

const STATE_ICONS: Record<ReplyState, typeof Clock> = {
  draft: PencilLine,
  pending_approval: Clock,
  rejected: Undo2,
  approved: ShieldCheck,
  sending: Clock,
  sent: CircleCheck,
  failed: CircleAlert,
};

/**
 * One reply on the replies page: the mention it answers, the reply, who wrote it and why it waits,
 * and what can be done now: approve (as written or edited) or reject with a comment, retry, or rework.
 */
export function ReplyCard(props: { reply: ReplyListRow; onChanged(notice?: string): void; onEdit(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { reply } = props;
  const Icon = STATE_ICONS[reply.state];
  const href = webHref(reply.externalUrl);
  const when = reply.sentAt ?? reply.reviewedAt ?? reply.submittedAt ?? reply.updatedAt;
  return (
    <article
      className={`reply-card reply-card--${reply.state}`}
      aria-label={t('replies.cardLabel', { author: reply.mention.authorHandle })}
    >
      <header className="reply-card__head">
        <span className={`reply-state reply-state--${reply.state}`}>
          <Icon aria-hidden="true" size={14} />
          {t(`replies.state.${reply.state}`)}
        </span>
        <ChannelLabel channel={reply.channel} />
        <span>{t('replies.to', { author: reply.mention.authorHandle })}</span>
        <span className="muted">{t('replies.by', { operator: reply.operator })}</span>
        <time className="reply-card__time" dateTime={when}>
          {fmt.dateTime(when)}
        </time>
      </header>
      <p className="reply-card__mention">{reply.mention.text}</p>
      <p className="reply-card__text" lang={reply.lang}>
        {reply.text}
      </p>
      {reply.sensitiveReasons.length > 0 && (
        <p className="reply-card__reasons">
          {reply.sensitiveReasons
            .map((reason) => t(`composer.sensitiveReason.${reason.kind}`, { detail: reason.detail }))
            .join(' · ')}
        </p>
      )}
      {reply.reviewComment && (
        <p className="reply-card__comment">
          {t('replies.comment', { reviewer: reply.approver ?? '', comment: reply.reviewComment })}
        </p>
      )}
      {reply.state === 'failed' && reply.error && (
        <p className="form-error">{t('replies.error', { message: reply.error, attempts: reply.attempts })}</p>
      )}
      {reply.state === 'pending_approval' && <Review reply={reply} onChanged={props.onChanged} />}
      {reply.state === 'failed' && <Retry reply={reply} onChanged={props.onChanged} />}
      {reply.state === 'approved' && reply.sendMode === 'manual' && (
        <ManualPost reply={reply} onChanged={props.onChanged} />
      )}
      {reply.state === 'rejected' && (
        <div className="reply-card__actions">
          <button type="button" className="button button--small" onClick={props.onEdit}>
            <PencilLine aria-hidden="true" size={14} />
            {t('replies.rework')}
          </button>
        </div>
      )}
      <ReplyHistory replyId={reply.id} />
      {reply.state === 'sent' && href && (
        <a className="reply-card__link" href={href} target="_blank" rel="noopener noreferrer">
          <ExternalLink aria-hidden="true" size={14} />
          {t('replies.openSent')}
        </a>
      )}
    </article>
  );
}

function describeOutcome(t: ReturnType<typeof useTranslation>['t'], outcome: SendOutcome): string {
  return t(`replies.outcome.${outcome.outcome}`, { message: outcome.reply.error ?? '' });
}

/** Approve as written, edit and approve, or reject with a comment that tells the author why. Never one's own reply. */
function Review({ reply, onChanged }: { reply: ReplyListRow; onChanged(notice?: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  const operator = useOperator();
  const [mode, setMode] = useState<'idle' | 'edit' | 'reject'>('idle');
  const [text, setText] = useState(reply.text);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const own = (operator?.name ?? currentOperatorName()) === reply.operator;

  const review = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await call('replies.review', {
        id: reply.id,
        decision,
        text: decision === 'approve' && mode === 'edit' && text.trim() !== reply.text.trim() ? text : undefined,
        comment,
        operator: currentOperatorName(),
      });
      // The card leaves this list once the reply moved on, so the page says what happened.
      onChanged(describeOutcome(t, outcome));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  if (own) return <p className="muted">{t('replies.ownReply')}</p>;
  return (
    <div className="reply-card__review">
      {mode === 'edit' && (
        <label className="field">
          <span className="field__label">{t('replies.editLabel')}</span>
          <textarea
            className="input reply-card__edit"
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoFocus
          />
        </label>
      )}
      {mode === 'reject' && (
        <label className="field">
          <span className="field__label">{t('replies.commentLabel')}</span>
          <textarea
            id={`${id}-comment`}
            className="input reply-card__edit"
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            aria-describedby={`${id}-comment-help`}
            autoFocus
          />
          <span id={`${id}-comment-help`} className="field__help">
            {t('replies.commentHelp')}
          </span>
        </label>
      )}
      <div className="reply-card__actions">
        {mode === 'reject' ? (
          <>
            <button type="button" className="button button--small" onClick={() => setMode('idle')}>
              {t('replies.back')}
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              disabled={busy || comment.trim() === ''}
              onClick={() => void review('reject')}
            >
              {t('replies.reject')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button button--small" onClick={() => setMode('reject')}>
              <X aria-hidden="true" size={14} />
              {t('replies.rejectWithComment')}
            </button>
            {mode === 'idle' && (
              <button type="button" className="button button--small" onClick={() => setMode('edit')}>
                <PencilLine aria-hidden="true" size={14} />
                {t('replies.edit')}
              </button>
            )}
            <button
              type="button"
              className="button button--small button--primary"
              disabled={busy || text.trim() === ''}
              onClick={() => void review('approve')}
            >
              <ShieldCheck aria-hidden="true" size={14} />
              {mode === 'edit' ? t('replies.approveEdited') : t('replies.approve')}
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Send a failed reply again; the engine never posts one that already reached the channel. */
function Retry({ reply, onChanged }: { reply: ReplyListRow; onChanged(notice?: string): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await call('replies.retry', { id: reply.id, operator: currentOperatorName() });
      onChanged(outcome.outcome === 'sent' ? t('replies.retriedSent') : describeOutcome(t, outcome));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="reply-card__actions">
      <button
        type="button"
        className="button button--small button--primary"
        disabled={busy || reply.state === 'sending'}
        onClick={() => void retry()}
      >
        <RotateCw aria-hidden="true" size={14} />
        {t('replies.retry')}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** An approved reply for a channel Watchpost cannot post to: copy it, open the post, then confirm it was posted. */
function ManualPost({ reply, onChanged }: { reply: ReplyListRow; onChanged(notice?: string): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const copy = async () => {
    const { copied } = await copyAndOpen(reply.text, reply.mention.url);
    setNote(
      copied
        ? { kind: 'ok', text: t('composer.manual.copied') }
        : { kind: 'error', text: t('composer.manual.copyFailed') },
    );
  };
  const confirm = async () => {
    setBusy(true);
    try {
      await call('replies.markSent', { id: reply.id, operator: currentOperatorName() });
      onChanged(t('replies.markedSent'));
    } catch (caught) {
      setNote({ kind: 'error', text: caught instanceof ApiError ? caught.message : String(caught) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="reply-card__review">
      <p className={note?.kind === 'error' ? 'form-error' : 'muted'} role="status">
        {note?.text ?? t('replies.manualNext', { channel: t(`channel.${reply.channel}`) })}
      </p>
      <div className="reply-card__actions">
        <button type="button" className="button button--small" onClick={() => void copy()}>
          <Copy aria-hidden="true" size={14} />
          {webHref(reply.mention.url) ? t('composer.manual.copyAndOpen') : t('composer.manual.copy')}
        </button>
        <button
          type="button"
          className="button button--small button--primary"
          disabled={busy}
          onClick={() => void confirm()}
        >
          <CircleCheck aria-hidden="true" size={14} />
          {t('composer.manual.confirm')}
        </button>
      </div>
    </div>
  );
}
