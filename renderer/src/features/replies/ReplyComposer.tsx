import { CircleAlert, LoaderCircle, ShieldCheck, X } from 'lucide-react';
import { lazy, Suspense, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../../components/Modal';
import { StateMessage } from '../../components/StateMessage';
import { preloadLater } from '../../preload';
import { useComposeData } from './useComposeData';
import '../../styles/replies.css';

// The form (tone guard, templates, the / menu) is a chunk of its own, loaded in idle time once the first
// page is shown, so the inbox's first screen does not parse it. Opened before that, it loads alongside the
// mention's data.
const loadForm = () => import('./ComposerForm');
const ComposerForm = lazy(async () => ({ default: (await loadForm()).ComposerForm }));
preloadLater(loadForm);

/** Props the inbox passes when the operator presses `r` on a mention (or the reply button in the detail pane). */
export interface ReplyComposerProps {
  mentionId: number;
  /** Close the composer (Escape, cancel, or after sending). */
  onClose: () => void;
  /** The reply was sent, queued for approval, or recorded as sent by hand. */
  onDone?: () => void;
}

/**
 * The reply composer, a modal dialog over the inbox: the mention (not quoted into the reply), the reply
 * field with live tone findings and the / template menu, the channel's own length count, and sending.
 */
export function ReplyComposer({ mentionId, onClose, onDone }: ReplyComposerProps) {
  const { t } = useTranslation();
  const load = useComposeData(mentionId);
  const titleId = useId();
  const title =
    load.state === 'ready'
      ? t('composer.title', { author: `@${load.data.mention.author.handle}` })
      : t('composer.titleLoading');
  return (
    <ComposerDialog titleId={titleId} title={title} onClose={onClose}>
      {load.state === 'loading' && <ComposerLoading />}
      {load.state === 'failed' && (
        <div className="composer__body">
          <StateMessage kind="error" icon={CircleAlert} title={t('composer.loadFailed')}>
            <p className="state-message__body">{load.message}</p>
            <p className="state-message__body state-message__body--next">{t('composer.loadFailedNext')}</p>
          </StateMessage>
        </div>
      )}
      {load.state === 'ready' && (
        <Suspense fallback={<ComposerLoading />}>
          <ComposerForm data={load.data} onClose={onClose} onDone={onDone ?? (() => undefined)} />
        </Suspense>
      )}
    </ComposerDialog>
  );
}

function ComposerLoading() {
  const { t } = useTranslation();
  return (
    <div className="composer__body">
      <StateMessage kind="loading" icon={LoaderCircle} title={t('composer.loading')} />
    </div>
  );
}

/** A native modal `<dialog>`: focus is trapped, Escape closes, and focus returns to what opened it. */
function ComposerDialog(props: { titleId: string; title: string; onClose(): void; children: ReactNode }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useModalDialog(dialog);
  return (
    <dialog
      ref={dialog}
      className="modal composer"
      aria-labelledby={props.titleId}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <header className="composer__head">
        <ShieldCheck aria-hidden="true" size={18} className="muted" />
        <h2 id={props.titleId} className="modal__title">
          {props.title}
        </h2>
        <button type="button" className="icon-button" aria-label={t('composer.close')} onClick={props.onClose}>
          <X aria-hidden="true" size={16} />
        </button>
      </header>
      {props.children}
    </dialog>
  );
}
