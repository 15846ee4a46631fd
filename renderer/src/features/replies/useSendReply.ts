import { useRef, useState } from 'react';
import type { ReplyLang, SendOutcome } from '../../../../shared/api/replies';
import { ApiError, call } from '../../api/client';
import { currentOperatorName } from '../../stores/operator';

export type SendState =
  | { step: 'editing' }
  | { step: 'sending' }
  | { step: 'done'; outcome: SendOutcome }
  | { step: 'error'; message: string };

/**
 * Sends the reply (the engine checks the tone again and decides: connector, approval or by hand),
 * retries a failed one, and confirms a reply sent by hand. A send that is under way cannot start twice.
 */
export function useSendReply(mentionId: number) {
  const [state, setState] = useState<SendState>({ step: 'editing' });
  // A ref, not the state: a second click in the same frame must see the first one already under way.
  const busy = useRef(false);

  /** Runs one send; the outcome, or null when it did not reach the engine (or another send was under way). */
  const run = async (work: () => Promise<SendOutcome>): Promise<SendOutcome | null> => {
    if (busy.current) return null;
    busy.current = true;
    setState({ step: 'sending' });
    try {
      const outcome = await work();
      setState({ step: 'done', outcome });
      return outcome;
    } catch (caught) {
      setState({ step: 'error', message: caught instanceof ApiError ? caught.message : String(caught) });
      return null;
    } finally {
      busy.current = false;
    }
  };

  return {
    state,
    /** Sends the text; `draft` waits for the last draft save first and gives the draft's id to send. */
    send: (
      input: { text: string; lang: ReplyLang; templateId: number | null },
      draft: () => Promise<number | undefined>,
    ) =>
      run(async () =>
        call('replies.send', { mentionId, ...input, replyId: await draft(), operator: currentOperatorName() }),
      ),
    retry: (id: number) => run(() => call('replies.retry', { id, operator: currentOperatorName() })),
    markSent: async (id: number) => {
      const reply = await call('replies.markSent', { id, operator: currentOperatorName() });
      setState({ step: 'done', outcome: { outcome: 'sent', reply, findings: [] } });
    },
    backToEditing: () => setState({ step: 'editing' }),
  };
}
