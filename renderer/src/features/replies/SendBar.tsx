import { CircleAlert, CircleCheck, Copy, RotateCw, Send, ShieldCheck } from 'lucide-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeInfo } from '../../../../shared/api/replies';
import { ApiError } from '../../api/client';
import { copyAndOpen } from './copyAndOpen';
import { webHref } from './webHref';
import type { SendState } from './useSendReply';

interface SendBarProps {
  state: SendState;
  info: ComposeInfo;
  text: string;
  empty: boolean;
  errors: number;
  needsApproval: boolean;
  onSend(): void;
  onRetry(replyId: number): void;
  onMarkSent(replyId: number): Promise<void>;
  onEditAgain(): void;
  onClose(): void;
  onDone(): void;
}

/**
 * The composer's foot: what sending will do (connector, approval, or by hand) and why it cannot yet,
 * then the outcome: sent (the composer closes), waiting for approval, copy-and-open, or failed with retry.
 */
export function SendBar(props: SendBarProps) {
  const { t } = useTranslation();
  const { state, info, onDone, onClose } = props;
  const outcome = state.step === 'done' ? state.outcome : null;
  const reported = useRef(false);

  useEffect(() => {
    if (!outcome || reported.current) return;
    if (outcome.outcome === 'sent' || outcome.outcome === 'pending_approval') {
      reported.current = true;
      onDone();
      if (outcome.outcome === 'sent') onClose();
    }
  }, [outcome, onDone, onClose]);

  if (outcome?.outcome === 'pending_approval') {
    return (
      <Foot tone="ok" note={t('composer.outcome.pending')}>
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          {t('composer.closeAction')}
        </button>
      </Foot>
    );
  }
  if (outcome?.outcome === 'manual') return <ManualSend {...props} replyId={outcome.reply.id} />;
  if (outcome?.outcome === 'failed') {
    return (
      <Foot tone="error" note={t('composer.outcome.failed', { message: outcome.reply.error ?? '' })}>
        <button type="button" className="button" onClick={onClose}>
          {t('composer.closeAction')}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => props.onRetry(outcome.reply.id)}
          autoFocus
        >
          <RotateCw aria-hidden="true" size={14} />
          {t('composer.retry')}
        </button>
      </Foot>
    );
  }
  if (outcome?.outcome === 'blocked') {
    return (
      <Foot tone="error" note={t('composer.outcome.blocked', { count: outcome.findings.length })}>
        <button type="button" className="button button--primary" onClick={props.onEditAgain} autoFocus>
          {t('composer.editAgain')}
        </button>
      </Foot>
    );
  }

  const channel = t(`channel.${info.channel}`);
  let note: string;
  let tone: 'plain' | 'error' = 'plain';
  if (state.step === 'error') {
    note = t('composer.outcome.error', { message: state.message });
    tone = 'error';
  } else if (props.errors > 0) {
    note = t('composer.blocked', { count: props.errors });
    tone = 'error';
  } else if (props.needsApproval) note = t('composer.viaApproval');
  else if (info.sendMode === 'connector') note = t('composer.viaConnector', { channel });
  else note = t('composer.viaManual', { channel });

  const label = props.needsApproval
    ? t('composer.submit')
    : info.sendMode === 'connector'
      ? t('composer.send', { channel })
      : t('composer.prepare');
  return (
    <Foot tone={tone} note={note} noteId="composer-send-note">
      <button type="button" className="button" onClick={onClose}>
        {t('composer.cancel')}
      </button>
      <button
        type="button"
        className="button button--primary"
        onClick={props.onSend}
        disabled={props.errors > 0 || props.empty || state.step === 'sending'}
        aria-describedby="composer-send-note"
        aria-keyshortcuts="Control+Enter"
      >
        {props.needsApproval ? <ShieldCheck aria-hidden="true" size={14} /> : <Send aria-hidden="true" size={14} />}
        {state.step === 'sending' ? t('composer.sending') : label}
      </button>
    </Foot>
  );
}

function Foot(props: { tone: 'plain' | 'ok' | 'error'; note: string; noteId?: string; children: ReactNode }) {
  const Icon = props.tone === 'error' ? CircleAlert : props.tone === 'ok' ? CircleCheck : null;
  return (
    <footer className="composer__foot">
      <p
        id={props.noteId}
        className={`composer__foot-note${props.tone === 'error' ? ' composer__foot-note--blocked' : ''}`}
        role={props.tone === 'plain' ? undefined : 'status'}
      >
        {Icon && <Icon aria-hidden="true" size={14} />} {props.note}
      </p>
      {props.children}
    </footer>
  );
}

/** A channel the engine cannot post to: copy the reply, open the post, then confirm it was sent. */
function ManualSend(props: SendBarProps & { replyId: number }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const href = webHref(props.info.postUrl);
  const copy = async () => {
    const { copied } = await copyAndOpen(props.text, props.info.postUrl);
    if (copied) setCopied(true);
    else setError(t('composer.manual.copyFailed'));
  };
  const confirm = async () => {
    try {
      await props.onMarkSent(props.replyId);
      props.onDone();
      props.onClose();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  };
  return (
    <Foot
      tone={error ? 'error' : 'plain'}
      note={
        error ??
        (copied
          ? t('composer.manual.copied')
          : t('composer.manual.next', { channel: t(`channel.${props.info.channel}`) }))
      }
    >
      <button type="button" className="button" onClick={() => void copy()} autoFocus>
        <Copy aria-hidden="true" size={14} />
        {href ? t('composer.manual.copyAndOpen') : t('composer.manual.copy')}
      </button>
      <button type="button" className="button button--primary" onClick={() => void confirm()}>
        <CircleCheck aria-hidden="true" size={14} />
        {t('composer.manual.confirm')}
      </button>
    </Foot>
  );
}
