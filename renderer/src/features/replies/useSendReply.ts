import { useState } from 'react';
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

  const run = async (work: () => Promise<SendOutcome>) => {
    if (state.step === 'sending') return;
    setState({ step: 'sending' });
    try {
      setState({ step: 'done', outcome: await work() });
    } catch (caught) {
      setState({ step: 'error', message: caught instanceof ApiError ? caught.message : String(caught) });
    }
  };

  return {
    state,
    send: (input: { text: string; lang: ReplyLang; templateId: number | null; replyId?: number }) =>
      run(() => call('replies.send', { mentionId, ...input, operator: currentOperatorName() })),
    retry: (id: number) => run(() => call('replies.retry', { id, operator: currentOperatorName() })),
    markSent: async (id: number) => {
      const reply = await call('replies.markSent', { id, operator: currentOperatorName() });
      setState({ step: 'done', outcome: { outcome: 'sent', reply, findings: [] } });
    },
    backToEditing: () => setState({ step: 'editing' }),
  };
}
